import { routedPage } from '@/features/shell'
import { HouseholdScreen } from '@/features/household'

export default routedPage((params) => <HouseholdScreen unitId={params.unitId} />)

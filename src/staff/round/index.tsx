import { routedPage } from '@/features/shell'
import { RoundPage } from '@/features/facilities'

export default routedPage((params) => <RoundPage roundId={decodeURIComponent(params.id ?? '')} />)

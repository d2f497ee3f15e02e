import { routedPage } from '@/features/shell'
import { PlanEditor } from '@/features/facilities'

/** 巡检计划（?id= edits）. */
export default routedPage((params) => <PlanEditor planId={params.id} />)

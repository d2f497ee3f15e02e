import { routedPage } from '@/features/shell'
import { MaintenanceEditor } from '@/features/facilities'

/** 维护计划（?id= edits）. */
export default routedPage((params) => <MaintenanceEditor planId={params.id} assetId={params.assetId} />)

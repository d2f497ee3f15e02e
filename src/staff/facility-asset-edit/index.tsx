import { routedPage } from '@/features/shell'
import { AssetEditor } from '@/features/facilities'

/** 登记设备（?id= edits）. */
export default routedPage((params) => <AssetEditor assetId={params.id} />)

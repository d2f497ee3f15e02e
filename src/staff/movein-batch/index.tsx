import { routedPage } from '@/features/shell'
import { BatchEditor } from '@/features/movein'

/** 新建/编辑入住批次 (`?id=` edits). */
export default routedPage((params) => <BatchEditor batchId={params.id} />)

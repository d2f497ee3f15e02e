import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { BatchEditor } from '@/features/movein'

/** 新建/编辑入住批次 (`?id=` edits). */
export default function StaffMoveinBatchPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <BatchEditor batchId={params.id} />
    </PageShell>
  )
}

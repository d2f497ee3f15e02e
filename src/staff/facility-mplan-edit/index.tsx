import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { MaintenanceEditor } from '@/features/facilities'

/** 维护计划（?id= edits）. */
export default function Page() {
  const { params } = useRouter()
  return (
    <PageShell>
      <MaintenanceEditor planId={params.id} assetId={params.assetId} />
    </PageShell>
  )
}

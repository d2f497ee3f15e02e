import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { PlanEditor } from '@/features/facilities'

/** 巡检计划（?id= edits）. */
export default function Page() {
  const { params } = useRouter()
  return (
    <PageShell>
      <PlanEditor planId={params.id} />
    </PageShell>
  )
}

import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { StaffEventScreen } from '@/features/staff-events'

/** 活动详情（员工）(`?id=`). */
export default function StaffEventPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <StaffEventScreen eventId={params.id} />
    </PageShell>
  )
}

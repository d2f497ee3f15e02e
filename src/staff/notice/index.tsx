import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { StaffNoticeScreen } from '@/features/staff-notices'

/** 公告详情 for staff (`?id=`): status, records, reach and actions. */
export default function StaffNoticePage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <StaffNoticeScreen announcementId={params.id} />
    </PageShell>
  )
}

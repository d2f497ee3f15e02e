import { PageShell } from '@/features/shell'
import { StaffNoticeList } from '@/features/staff-notices'

/** 公告管理: notices by status, 新建. */
export default function StaffNoticesPage() {
  return (
    <PageShell>
      <StaffNoticeList />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { StaffEventList } from '@/features/staff-events'

/** 活动管理. */
export default function StaffEventsPage() {
  return (
    <PageShell>
      <StaffEventList />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { StaffMembers } from '@/features/staff-members'

export default function MembersPage() {
  return (
    <PageShell>
      <StaffMembers />
    </PageShell>
  )
}

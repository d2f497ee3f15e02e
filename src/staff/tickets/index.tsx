import { PageShell } from '@/features/shell'
import { StaffQueue } from '@/features/staff-tickets'

export default function StaffTicketsPage() {
  return (
    <PageShell>
      <StaffQueue />
    </PageShell>
  )
}

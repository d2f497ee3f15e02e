import { PageShell } from '@/features/shell'
import { SlaEditor } from '@/features/staff-sla'

export default function StaffSlaPage() {
  return (
    <PageShell>
      <SlaEditor />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { LogForm } from '@/features/staff-log'

export default function StaffLogPage() {
  return (
    <PageShell>
      <LogForm />
    </PageShell>
  )
}

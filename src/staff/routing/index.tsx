import { PageShell } from '@/features/shell'
import { RoutingEditor } from '@/features/staff-routing'

export default function StaffRoutingPage() {
  return (
    <PageShell>
      <RoutingEditor />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { CallbackList } from '@/features/staff-callbacks'

export default function StaffCallbacksPage() {
  return (
    <PageShell>
      <CallbackList />
    </PageShell>
  )
}

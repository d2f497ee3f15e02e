import { PageShell } from '@/features/shell'
import { FoundForm } from '@/features/staff-found'

export default function StaffFoundPage() {
  return (
    <PageShell>
      <FoundForm />
    </PageShell>
  )
}

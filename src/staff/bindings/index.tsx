import { PageShell } from '@/features/shell'
import { BindingReview } from '@/features/staff-bindings'

export default function BindingsPage() {
  return (
    <PageShell>
      <BindingReview />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { BindForm } from '@/features/binding'

export default function BindPage() {
  return (
    <PageShell>
      <BindForm />
    </PageShell>
  )
}

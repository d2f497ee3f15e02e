import { PageShell } from '@/features/shell'
import { Analysis } from '@/features/staff-register'

export default function StaffAnalysisPage() {
  return (
    <PageShell>
      <Analysis />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { AnalysisPage } from '@/features/facilities'

export default function StaffAnalysisPageRoute() {
  return (
    <PageShell>
      <AnalysisPage />
    </PageShell>
  )
}

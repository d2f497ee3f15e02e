import { PageShell } from '@/features/shell'
import { MonthlyReport } from '@/features/staff-register'

export default function StaffReportPage() {
  return (
    <PageShell>
      <MonthlyReport />
    </PageShell>
  )
}

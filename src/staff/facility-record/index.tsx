import { PageShell } from '@/features/shell'
import { RecordPage } from '@/features/facilities'

export default function StaffRecordPageRoute() {
  return (
    <PageShell>
      <RecordPage />
    </PageShell>
  )
}

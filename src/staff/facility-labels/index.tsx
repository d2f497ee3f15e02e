import { PageShell } from '@/features/shell'
import { LabelSheet } from '@/features/facilities'

export default function StaffLabelSheetRoute() {
  return (
    <PageShell>
      <LabelSheet />
    </PageShell>
  )
}

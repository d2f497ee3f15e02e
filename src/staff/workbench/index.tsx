import { PageShell } from '@/features/shell'
import { Workbench } from '@/features/staff-workbench'

export default function WorkbenchPage() {
  return (
    <PageShell>
      <Workbench />
    </PageShell>
  )
}

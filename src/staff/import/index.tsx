import { PageShell } from '@/features/shell'
import { ImportWizard } from '@/features/onboarding'

export default function StaffImportWizardPage() {
  return (
    <PageShell>
      <ImportWizard />
    </PageShell>
  )
}

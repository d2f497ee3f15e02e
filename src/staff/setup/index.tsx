import { PageShell } from '@/features/shell'
import { SetupCode } from '@/features/onboarding'

export default function StaffSetupCodePage() {
  return (
    <PageShell>
      <SetupCode />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { UnitGenerator } from '@/features/onboarding'

export default function StaffUnitGeneratorPage() {
  return (
    <PageShell>
      <UnitGenerator />
    </PageShell>
  )
}

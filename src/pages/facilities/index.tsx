import { PageShell } from '@/features/shell'
import { PublicStatusPage } from '@/features/facilities'

export default function ResidentFacilitiesPage() {
  return (
    <PageShell>
      <PublicStatusPage />
    </PageShell>
  )
}

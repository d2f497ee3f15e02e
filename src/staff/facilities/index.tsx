import { PageShell } from '@/features/shell'
import { FacilitiesHome } from '@/features/facilities'

export default function StaffFacilitiesPage() {
  return (
    <PageShell>
      <FacilitiesHome />
    </PageShell>
  )
}

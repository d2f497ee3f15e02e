import { PageShell } from '@/features/shell'
import { Communities } from '@/features/onboarding'

export default function StaffCommunitiesPage() {
  return (
    <PageShell>
      <Communities />
    </PageShell>
  )
}

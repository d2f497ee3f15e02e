import { PageShell } from '@/features/shell'
import { RegisterList } from '@/features/staff-register'

export default function StaffRegisterPage() {
  return (
    <PageShell>
      <RegisterList />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { CallbackSettingsEditor } from '@/features/staff-callback-settings'

export default function StaffCallbackSettingsPage() {
  return (
    <PageShell>
      <CallbackSettingsEditor />
    </PageShell>
  )
}

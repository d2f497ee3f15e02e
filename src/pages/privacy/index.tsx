import { PageShell } from '@/features/shell'
import { PrivacyGuide } from '@/features/privacy'

export default function PrivacyPage() {
  return (
    <PageShell>
      <PrivacyGuide />
    </PageShell>
  )
}

import { PageShell } from '@/features/shell'
import { SubscriptionsScreen } from '@/features/subscriptions'

export default function SubscriptionsPage() {
  return (
    <PageShell>
      <SubscriptionsScreen />
    </PageShell>
  )
}

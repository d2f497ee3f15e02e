import { PageShell } from '@/features/shell'
import { InboxScreen } from '@/features/inbox'

/** 消息 (subpackage `inbox/`): residents' and staff's messages. */
export default function InboxPage() {
  return (
    <PageShell>
      <InboxScreen />
    </PageShell>
  )
}

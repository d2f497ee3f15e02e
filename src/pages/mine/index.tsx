import { PageShell } from '@/features/shell'
import { useUnread } from '@/features/inbox-badge'
import { MineScreen } from '@/features/mine'

export default function MinePage() {
  useUnread() // the 我的 tab's unread badge, refreshed whenever this tab shows
  return (
    <PageShell>
      <MineScreen />
    </PageShell>
  )
}

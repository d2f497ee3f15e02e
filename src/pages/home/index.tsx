import { PageShell } from '@/features/shell'
import { useUnread } from '@/features/inbox-badge'
import { HomeScreen, useHomeShare } from '@/features/home'

export default function HomePage() {
  useUnread() // the 我的 tab's unread badge, refreshed whenever this tab shows
  useHomeShare()
  return (
    <PageShell>
      <HomeScreen />
    </PageShell>
  )
}

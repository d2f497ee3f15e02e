import { PageShell } from '@/features/shell'
import { useUnread } from '@/features/inbox-badge'
import { EventsTab } from '@/features/events'

/** 活动: community events — upcoming (recommended first), mine, past. */
export default function EventsPage() {
  useUnread() // the 我的 tab's unread badge, refreshed whenever this tab shows
  return (
    <PageShell>
      <EventsTab />
    </PageShell>
  )
}

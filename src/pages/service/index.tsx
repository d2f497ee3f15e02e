import { PageShell } from '@/features/shell'
import { useUnread } from '@/features/inbox-badge'
import { MyRequests } from '@/features/my-requests'

/** 服务: the resident's repair / complaint / consultation requests. */
export default function ServicePage() {
  useUnread() // the 我的 tab's unread badge, refreshed whenever this tab shows
  return (
    <PageShell>
      <MyRequests />
    </PageShell>
  )
}

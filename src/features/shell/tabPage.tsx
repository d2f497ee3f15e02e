import type { ReactNode } from 'react'
import { useUnread } from '@/features/inbox-badge'
import { PageShell } from './PageShell'

/**
 * A tab page: its screen inside the PageShell, with the 我的 tab's unread badge refreshed whenever
 * the tab shows: `export default tabPage(() => <EventsTab />)`.
 */
export function tabPage(render: () => ReactNode) {
  return function TabPage() {
    useUnread()
    return <PageShell>{render()}</PageShell>
  }
}

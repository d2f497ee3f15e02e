import { PageShell } from '@/features/shell'
import { useUnread } from '@/features/inbox-badge'
import { ComingSoon } from '@/components/ComingSoon'
import { Section } from '@/components/Section'

/** 活动: community events (not built yet). */
export default function EventsPage() {
  useUnread() // the 我的 tab's unread badge, refreshed whenever this tab shows
  return (
    <PageShell>
      <Section title='社区活动'>
        <ComingSoon title='社区活动即将上线' description='上线后，你可以在这里查看并报名小区组织的活动。' />
      </Section>
    </PageShell>
  )
}

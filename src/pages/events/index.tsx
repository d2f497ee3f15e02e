import { PageShell } from '@/features/shell'
import { ComingSoon } from '@/components/ComingSoon'
import { Section } from '@/components/Section'

/** 活动: community events (not built yet). */
export default function EventsPage() {
  return (
    <PageShell>
      <Section title='社区活动'>
        <ComingSoon title='社区活动即将上线' description='上线后，你可以在这里查看并报名小区组织的活动。' />
      </Section>
    </PageShell>
  )
}

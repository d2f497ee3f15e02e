import { Section } from '@/components/Section'
import { EmptyState } from '@/components/StateView'

/** Pinned community notices. The notices feature is not built yet, so this is honestly empty. */
export function NoticesPanel() {
  return (
    <Section title='社区通知'>
      <EmptyState text='暂无通知' hint='物业发布的置顶通知会显示在这里' />
    </Section>
  )
}

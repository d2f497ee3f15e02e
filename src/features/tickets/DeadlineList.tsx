import { View, Text } from '@tarojs/components'
import type { DeadlineView } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Section } from '@/components/Section'
import { Pill } from '@/components/Pill'
import { DEADLINE_TONE, deadlineText } from './format'
import './Tickets.scss'

/** The times promised for this ticket, each with what is left (or when it was met). */
export function DeadlineList({ deadlines, paused }: { deadlines: DeadlineView[]; paused?: boolean }) {
  if (deadlines.length === 0) return null
  return (
    <Section title='服务时限' extra={paused ? <Text className='deadlines__paused'>暂停中，计时已停止</Text> : undefined}>
      {deadlines.map((d) => (
        <View key={d.kind} className={`deadline deadline--${d.state}`}>
          <View className='deadline__main'>
            <Text className='deadline__label'>{d.label}</Text>
            <Text className='deadline__due'>截止 {formatShort(d.dueAt)}</Text>
          </View>
          {/* While paused the clock stands still: the time left is not shrinking. */}
          <Pill tone={paused && !d.metAt ? 'neutral' : DEADLINE_TONE[d.state]} className='deadline__state'>
            {paused && !d.metAt ? '计时暂停' : deadlineText(d)}
          </Pill>
        </View>
      ))}
    </Section>
  )
}

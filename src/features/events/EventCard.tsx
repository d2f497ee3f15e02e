import { View, Text } from '@tarojs/components'
import { Pill } from '@/components/Pill'
import type { EventListItem } from './api'
import { PHASE_TONE, seatsText, timeRange } from './format'

/** One event in the 活动 tab: theme, title, when and where, seats, and where my household stands. */
export function EventCard({ e, onClick }: { e: EventListItem; onClick: () => void }) {
  const mineTone = e.mine?.status === 'waitlisted' ? 'warning' : 'success'
  return (
    <View className='ev-card' hoverClass='ev-card--pressed' role='button' aria-label={`${e.title}，${e.phaseLabel}`} onClick={onClick}>
      <View className='ev-card__head'>
        <Text className='ev-card__theme'>{e.themeLabel}</Text>
        {e.recommended && e.phase === 'upcoming' && <Text className='ev-card__rec'>为您推荐</Text>}
        <Pill tone={PHASE_TONE[e.phase] ?? 'neutral'} className='ev-card__phase'>
          {e.phaseLabel}
        </Pill>
      </View>
      <Text className='ev-card__title'>{e.title}</Text>
      <Text className='ev-card__meta'>{timeRange(e.startAt, e.endAt)}</Text>
      <Text className='ev-card__meta'>{e.place}</Text>
      <View className='ev-card__foot'>
        {e.phase === 'upcoming' && <Text className={`ev-card__seats ${e.seatsLeft === 0 ? 'ev-card__seats--full' : ''}`}>{seatsText(e)}</Text>}
        {e.mine && (
          <Pill tone={mineTone} className='ev-card__mine'>
            {e.mine.status === 'waitlisted' && e.mine.position ? `候补第 ${e.mine.position} 位` : e.mine.statusLabel}
          </Pill>
        )}
      </View>
    </View>
  )
}

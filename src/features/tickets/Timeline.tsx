import { View, Text } from '@tarojs/components'
import type { TimelineEntry } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { intakeChannel } from '@/domain/tickets/timeline'
import { Section } from '@/components/Section'
import { Pill } from '@/components/Pill'
import { TICKET_CHANNEL_LABELS } from './format'
import { PhotoGrid } from './PhotoGrid'
import './Tickets.scss'

/** The ticket's communication log, newest first. Staff also see internal notes, marked 内部. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const newestFirst = [...entries].reverse()
  return (
    <Section title='处理记录'>
      {newestFirst.length === 0 ? (
        <Text className='timeline__empty'>暂无记录</Text>
      ) : (
        <View className='timeline'>
          {newestFirst.map((e, i) => (
            <View key={`${e.at}-${i}`} className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''} timeline__item--${e.visibility}`}>
              <View className='timeline__rail' aria-hidden='true'>
                <View className='timeline__dot' />
                {i < newestFirst.length - 1 && <View className='timeline__line' />}
              </View>
              <View className='timeline__body'>
                <View className='timeline__head'>
                  <Text className='timeline__label'>{e.label}</Text>
                  {e.visibility === 'internal' && (
                    <Pill tone='warning' className='timeline__internal'>
                      内部
                    </Pill>
                  )}
                  <View className='timeline__spacer' />
                  <Text className='timeline__time'>{formatShort(e.at)}</Text>
                </View>
                <Text className='timeline__actor'>
                  {e.actorName}
                  {intakeChannel(e.action, e.channel) ? ` · ${TICKET_CHANNEL_LABELS[e.channel]}` : ''}
                </Text>
                {!!e.text && <Text className='timeline__text'>{e.text}</Text>}
                {e.photos && e.photos.length > 0 && <PhotoGrid urls={e.photos} small />}
              </View>
            </View>
          ))}
        </View>
      )}
    </Section>
  )
}

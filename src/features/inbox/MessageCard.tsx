import { View, Text } from '@tarojs/components'
import { Pill, type PillTone } from '@/components/Pill'
import type { InboxItem, MessageTone } from '@/domain/inbox'
import { naturalTime } from '@/domain/time'

const TONE: Record<MessageTone, PillTone> = { emergency: 'danger', warning: 'warning', info: 'brand' }

/** One message: kind and tone, title, a short body, when (北京时间); unread ones stand out. */
export function MessageCard({ item, now, onOpen }: { item: InboxItem; now: Date; onOpen: (item: InboxItem) => void }) {
  return (
    <View
      className={`msg msg--${item.tone} ${item.read ? 'msg--read' : 'msg--unread'}`}
      hoverClass='msg--pressed'
      role='button'
      aria-label={`${item.read ? '' : '未读 '}${item.title}`}
      onClick={() => onOpen(item)}
    >
      <View className='msg__head'>
        {!item.read && <View className='msg__dot' aria-hidden='true' />}
        <Pill tone={TONE[item.tone]} className='msg__kind'>
          {item.kindLabel}
        </Pill>
        <Text className='msg__title'>{item.title}</Text>
      </View>
      <Text className='msg__body'>{item.body}</Text>
      <Text className='msg__time'>{naturalTime(item.at, now)}</Text>
    </View>
  )
}

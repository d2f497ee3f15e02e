import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CallbackView } from '@/domain/tickets/callbacks-api'
import { remainingText } from '@/domain/tickets/sla'
import { formatShort } from '@/domain/time'
import { Pill, type PillTone } from '@/components/Pill'
import { attemptResult, CALLBACK_CHANNEL_LABELS } from './outcome'

const CALLBACK_STATUS_TONE: Record<CallbackView['status'], PillTone> = { open: 'warning', done: 'success', unreachable: 'neutral', skipped: 'neutral' }
/** The latest attempts a card lists (the ticket's timeline keeps them all). */
const SHOWN_ATTEMPTS = 3

interface Props {
  item: CallbackView
  /** Absent on closed callbacks. */
  onRecord?: () => void
  onOpen: () => void
}

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

/** One 回访 task: which ticket, whom to call, by when, and what was tried so far. */
export function CallbackCard({ item, onRecord, onOpen }: Props) {
  const open = item.status === 'open'
  const attempts = item.attempts.slice(-SHOWN_ATTEMPTS)
  return (
    <View className={`callback-card ${item.overdue ? 'callback-card--overdue' : ''}`} hoverClass='callback-card--pressed' role='button' onClick={onOpen}>
      <View className='callback-card__head'>
        <Text className='callback-card__title'>
          {item.typeLabel}·{item.categoryLabel}
        </Text>
        <View className='callback-card__spacer' />
        <Pill tone={item.overdue ? 'danger' : CALLBACK_STATUS_TONE[item.status]}>{item.overdue ? '已超时' : item.statusLabel}</Pill>
      </View>
      <View className='callback-card__sub'>
        <Text className='callback-card__place'>{item.locationLabel}</Text>
        <Text className='callback-card__no'>{item.no}</Text>
      </View>

      {/* Taps on the buttons must not also open the ticket. */}
      <View className='callback-card__contact' onClick={(e) => e.stopPropagation()}>
        <View className='callback-card__who'>
          <Text className='callback-card__name'>{item.contactName || '住户'}</Text>
          <Text className='callback-card__phone'>{item.contactPhone}</Text>
        </View>
        {!!item.contactPhone && (
          <Button size='small' fill='outline' type='primary' className='callback-card__call' onClick={() => call(item.contactPhone)}>
            拨打
          </Button>
        )}
      </View>

      <View className='callback-card__facts'>
        {open ? (
          <Text className={`callback-card__due ${item.overdue ? 'callback-card__due--overdue' : ''}`}>
            回访期限 {formatShort(item.dueAt)} · {remainingText({ kind: 'resolve', dueAt: new Date(item.dueAt) }, new Date())}
          </Text>
        ) : (
          <Text className='callback-card__due'>回访期限 {formatShort(item.dueAt)}</Text>
        )}
        <Text className='callback-card__meta'>
          {item.resolvedAt ? `完工 ${formatShort(item.resolvedAt)}` : ''}
          {item.rating ? ` · 住户评价 ${item.rating} 星` : ''}
        </Text>
      </View>

      <View className='callback-card__attempts'>
        {item.attempts.length === 0 ? (
          <Text className='callback-card__none'>尚未联系</Text>
        ) : (
          <>
            <Text className='callback-card__tried'>已联系 {item.attempts.length} 次</Text>
            {attempts.map((a, i) => (
              <Text key={`${i}-${a.at}`} className={`callback-card__attempt ${a.reached ? '' : 'callback-card__attempt--missed'}`}>
                {formatShort(a.at)} · {a.by} · {CALLBACK_CHANNEL_LABELS[a.channel as keyof typeof CALLBACK_CHANNEL_LABELS] ?? a.channel} · {attemptResult(a)}
                {a.comment ? `：${a.comment}` : ''}
              </Text>
            ))}
          </>
        )}
      </View>

      {open && onRecord && (
        <View className='callback-card__foot' onClick={(e) => e.stopPropagation()}>
          <Text className='callback-card__owner'>回访人 {item.assigneeName}</Text>
          <Button size='small' type='primary' className='callback-card__record' onClick={onRecord}>
            记录回访
          </Button>
        </View>
      )}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { TicketSummary } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Pill } from '@/components/Pill'
import { TICKET_STATUS_TONE } from './format'
import './Tickets.scss'

interface Props {
  item: TicketSummary
  onClick: () => void
  /** Staff lists: the ticket number and who handles it. */
  staffView?: boolean
}

/** One request in a list: what, where, when, its status and the next promised time. */
export function TicketCard({ item, onClick, staffView }: Props) {
  return (
    <View className='ticket-card' hoverClass='ticket-card--pressed' role='button' onClick={onClick}>
      <View className='ticket-card__head'>
        <Text className='ticket-card__title'>
          {item.typeLabel}·{item.categoryLabel}
        </Text>
        {item.emergency && (
          <Pill tone='danger' className='ticket-card__urgent'>
            紧急
          </Pill>
        )}
        <View className='ticket-card__spacer' />
        <Pill tone={TICKET_STATUS_TONE[item.status]}>{item.statusLabel}</Pill>
      </View>
      {!!item.description && <Text className='ticket-card__desc'>{item.description}</Text>}
      <View className='ticket-card__meta'>
        <Text className='ticket-card__place'>{item.locationLabel}</Text>
        <Text className='ticket-card__time'>{formatShort(item.createdAt)}</Text>
      </View>
      {(item.nextDue || staffView) && (
        <View className='ticket-card__foot'>
          {item.nextDue ? (
            <Text className={`ticket-card__due ticket-card__due--${item.nextDue.state}`}>
              {item.nextDue.label}时限 · {item.nextDue.remaining}
            </Text>
          ) : (
            <Text className='ticket-card__due'>{item.no}</Text>
          )}
          {staffView && <Text className='ticket-card__who'>{item.assigneeName ? `处理人 ${item.assigneeName}` : '待分配'}</Text>}
        </View>
      )}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import type { TicketDetail } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Pill } from '@/components/Pill'
import { TICKET_STATUS_TONE } from './format'
import './Tickets.scss'

/** The top card of a ticket: what it is, its number and status, where and when. */
export function TicketHeader({ detail }: { detail: TicketDetail }) {
  return (
    <View className={`ticket-head ticket-head--${detail.status}`}>
      <View className='ticket-head__row'>
        <Text className='ticket-head__title'>
          {detail.typeLabel}·{detail.categoryLabel}
        </Text>
        <Pill tone={TICKET_STATUS_TONE[detail.status]} className='ticket-head__status'>
          {detail.statusLabel}
        </Pill>
      </View>
      <View className='ticket-head__tags'>
        {detail.emergency && (
          <Pill tone='danger' className='ticket-head__urgent'>
            紧急
          </Pill>
        )}
        <Text className='ticket-head__no'>单号 {detail.no}</Text>
      </View>
      <Text className='ticket-head__meta'>
        {detail.locationLabel} · {formatShort(detail.createdAt)} 提交
      </Text>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { TicketDetail } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { factRow } from '@/components/FactRow'
import { isContactPhone } from '@/domain/limits-staff'
import { TICKET_CHANNEL_LABELS, DeadlineList, PhotoGrid, TicketHeader, TicketVideo, Timeline, useTicket } from '@/features/tickets'
import { StaffActions } from './StaffActions'
import { UnitHistory } from './UnitHistory'
import './StaffTickets.scss'

const Row = factRow('ticket-facts', { valueIsBlock: true })

function Phone({ phone }: { phone: string }) {
  // Masked unless this staff member handles the ticket.
  if (!isContactPhone(phone)) return <Text>{phone}</Text>
  return (
    <View className='ticket-facts__link' role='button' aria-label={`拨打住户电话 ${phone}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {phone}
    </View>
  )
}

function Notices({ d }: { d: TicketDetail }) {
  return (
    <>
      {d.pause && (
        <View className='ticket-facts__notice'>
          已暂停：{d.pause.reason}，预计 {formatShort(d.pause.expectedAt)} 恢复
        </View>
      )}
      {d.pool && d.status === 'pending' && <View className='ticket-facts__notice staff-ticket__pool'>在抢单池中，等待{d.departmentLabel}人员接单</View>}
      {d.status === 'resolved' && d.autoConfirmAt && <View className='ticket-facts__notice staff-ticket__resolved'>等待住户确认，{formatShort(d.autoConfirmAt)} 自动确认</View>}
    </>
  )
}

/** A staff member's view of one ticket: everything needed to act, and only the allowed actions. */
export function StaffTicketScreen({ ticketId }: { ticketId?: string }) {
  const t = useTicket(ticketId)
  if (!t.detail) return <StateView loading={t.loading} error={t.error} onRetry={() => void t.reload()} />
  const d = t.detail
  return (
    <View className='staff-ticket'>
      <TicketHeader detail={d} />
      <Notices d={d} />
      <DeadlineList deadlines={d.deadlines} paused={d.status === 'paused'} />

      <Section title='报事信息'>
        {d.description ? <Text className='ticket-facts__desc'>{d.description}</Text> : <Text className='ticket-facts__none'>住户未填写描述</Text>}
        <PhotoGrid urls={d.photoUrls} />
        <TicketVideo url={d.videoUrl} />
        <View className='ticket-facts staff-ticket__facts'>
          <Row label='联系人'>
            <Text>{d.contactName}</Text>
          </Row>
          <Row label='联系电话'>
            <Phone phone={d.contactPhone} />
          </Row>
          {d.window && (
            <Row label='预约上门'>
              <Text>
                {formatShort(d.window.start)}–{formatShort(d.window.end).slice(6)}
              </Text>
            </Row>
          )}
          <Row label='来源'>
            <Text>{TICKET_CHANNEL_LABELS[d.channel] ?? d.channel}</Text>
          </Row>
          <Row label='部门'>
            <Text>{d.departmentLabel}</Text>
          </Row>
          <Row label='处理人'>
            <Text>{d.assigneeName ?? '未分配'}</Text>
          </Row>
          <Row label='首问负责人'>
            <Text>{d.ownerName ?? '—'}</Text>
          </Row>
          {d.consent && (
            <Row label='入户同意'>
              <Text>
                {d.consent.by}：{d.consent.scope}（{formatShort(d.consent.at)}）
              </Text>
            </Row>
          )}
          {d.completion?.parts && (
            <Row label='使用配件'>
              <Text>{d.completion.parts}</Text>
            </Row>
          )}
          {d.completion?.fee !== undefined && (
            <Row label='收费'>
              <Text>{d.completion.fee} 元（线下结算）</Text>
            </Row>
          )}
          {d.rating && (
            <Row label='住户评价'>
              <Text>
                {'★'.repeat(d.rating.score)}
                {d.rating.comment ? ` ${d.rating.comment}` : ''}
              </Text>
            </Row>
          )}
        </View>
      </Section>

      {d.unitId && <UnitHistory ticketId={d.ticketId} unitId={d.unitId} unitLabel={d.locationLabel} />}
      <Timeline entries={d.timeline} />
      <StaffActions detail={d} acting={t.acting} act={t.act} />
    </View>
  )
}

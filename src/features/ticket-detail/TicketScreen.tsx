import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { TicketDetail } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { factRow } from '@/components/FactRow'
import { resolvedNotice } from '@/domain/tickets/presentation'
import { DeadlineList, PhotoGrid, TicketHeader, TicketVideo, Timeline, useTicket } from '@/features/tickets'
import { ResidentActions } from './ResidentActions'
import './TicketScreen.scss'

function Notice({ detail }: { detail: TicketDetail }) {
  if (detail.status === 'resolved') {
    return (
      <View className='ticket-facts__notice ticket__notice--resolved'>
        {resolvedNotice(detail.type)}
        {detail.autoConfirmAt ? `${formatShort(detail.autoConfirmAt)} 前未确认将自动确认完成。` : ''}
      </View>
    )
  }
  if (detail.pause) {
    return (
      <View className='ticket-facts__notice'>
        处理暂停：{detail.pause.reason}，预计 {formatShort(detail.pause.expectedAt)} 恢复。
      </View>
    )
  }
  return null
}

const Row = factRow('ticket-facts')

/** A resident's view of one request. */
export function TicketScreen({ ticketId }: { ticketId?: string }) {
  const t = useTicket(ticketId)
  if (!t.detail) return <StateView loading={t.loading} error={t.error} onRetry={() => void t.reload()} />
  const d = t.detail
  const call = () => d.hotline && void Taro.makePhoneCall({ phoneNumber: d.hotline }).catch(() => undefined)

  return (
    <View className='ticket'>
      <TicketHeader detail={d} />
      <Notice detail={d} />
      <DeadlineList deadlines={d.deadlines} paused={d.status === 'paused'} />

      <Section title='问题详情'>
        {d.description ? <Text className='ticket-facts__desc'>{d.description}</Text> : <Text className='ticket-facts__none'>未填写描述</Text>}
        <PhotoGrid urls={d.photoUrls} />
        <TicketVideo url={d.videoUrl} />
        <View className='ticket-facts ticket__facts'>
          <Row label='处理人'>{d.assigneeName ?? '等待安排'}</Row>
          {d.hotline && (
            // The handler's own number is never shown: the desk puts the resident through.
            <Row label='联系处理人'>
              <Text className='ticket__reach' aria-label={`拨打物业服务电话 ${d.hotline}，由客服转接处理人员`} onClick={call}>
                拨打物业电话，由客服转接
              </Text>
            </Row>
          )}
          {d.window && (
            <Row label='上门时间'>
              {formatShort(d.window.start)}–{formatShort(d.window.end).slice(6)}
            </Row>
          )}
          <Row label='我的联系电话'>{d.contactPhone}</Row>
          {d.completion?.parts && <Row label='使用配件'>{d.completion.parts}</Row>}
          {d.completion?.fee !== undefined && <Row label='维修费用'>{d.completion.fee} 元（线下结算，本应用不收款）</Row>}
          {d.rating && (
            <Row label='我的评价'>
              {'★'.repeat(d.rating.score)}
              {d.rating.comment ? ` ${d.rating.comment}` : ''}
            </Row>
          )}
        </View>
      </Section>

      <Timeline entries={d.timeline} />

      {d.hotline && (
        <View className='ticket__help' role='button' aria-label={`拨打物业电话 ${d.hotline}`} hoverClass='ticket__help--pressed' onClick={call}>
          <Text>有疑问？拨打物业电话 </Text>
          <Text className='ticket__hotline'>{d.hotline}</Text>
        </View>
      )}

      <ResidentActions detail={d} acting={t.acting} act={t.act} />
    </View>
  )
}

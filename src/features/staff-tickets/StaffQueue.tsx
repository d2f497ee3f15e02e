import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { TicketSummary } from '@/domain/tickets/api'
import { EmptyState, StateView } from '@/components/StateView'
import { LoadMore } from '@/components/LoadMore'
import { hasRole, isActiveStaff, useMe } from '@/features/account'
import { TicketCard } from '@/features/tickets'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import { staffTicketsApi, type Queue } from './api'
import { defaultQueue, EMPTY_QUEUE, QUEUES } from './queues'
import { useQueueCounts } from './useQueueCounts'
import './StaffTickets.scss'

function QueueTabs({ value, counts, onChange }: { value: Queue; counts: Record<Queue, number> | null; onChange: (q: Queue) => void }) {
  return (
    <View className='staff-queue__tabs' role='tablist' aria-label='工单队列'>
      {QUEUES.map((q) => {
        const n = counts?.[q.value]
        const hot = (q.value === 'overdue' || q.value === 'dueSoon') && !!n
        return (
          <View
            key={q.value}
            className={`staff-queue__tab ${q.value === value ? 'staff-queue__tab--on' : ''} ${hot ? `staff-queue__tab--hot-${q.value}` : ''}`}
            role='tab'
            aria-selected={q.value === value ? 'true' : 'false'}
            onClick={() => onChange(q.value)}
          >
            <Text className='staff-queue__count'>{n === undefined ? '–' : n}</Text>
            <Text className='staff-queue__label'>{q.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** 工单: the staff member's queues with counts, and (desk) logging a call or visit. */
export function StaffQueue() {
  const me = useMe()
  const staff = isActiveStaff(me.me) ? me.me!.staff! : null
  const [chosen, setChosen] = useState<Queue | null>(null)
  const queue = chosen ?? (staff ? defaultQueue(staff.roles) : 'assigned')
  const { counts, refresh } = useQueueCounts(!!staff)
  const list = usePagedList<TicketSummary>(
    staff ? queue : null,
    (cursor) => staffTicketsApi.listQueue({ queue, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (t) => t.ticketId,
  )

  useListPage(list, refresh)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!staff) return <EmptyState text='仅物业员工可以查看工单' />

  const canLog = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const items = list.items ?? []
  return (
    <View className='staff-queue'>
      <View className='staff-queue__head'>
        <Text className='staff-queue__title'>{staff.communityName} · 工单</Text>
        {canLog && (
          <Button size='small' type='primary' className='staff-queue__log' onClick={() => Taro.navigateTo({ url: '/staff/log/index' })}>
            代客登记
          </Button>
        )}
      </View>
      <QueueTabs value={queue} counts={counts} onChange={setChosen} />
      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
        {items.length === 0 ? (
          <EmptyState text={EMPTY_QUEUE[queue]} hint={queue === 'pool' ? '新的报修进入抢单池时会出现在这里' : undefined} />
        ) : (
          <>
            {/* The items alone in their container: a page loaded at the end is appended there and
                sent as just its new items (setData budget, issue #18). */}
            <View className='staff-queue__list'>
              {items.map((t) => (
                <TicketCard key={t.ticketId} item={t} staffView onClick={() => Taro.navigateTo({ url: `/staff/ticket/index?id=${encodeURIComponent(t.ticketId)}` })} />
              ))}
            </View>
            <LoadMore list={list} />
          </>
        )}
      </StateView>
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { TicketSummary } from '@/domain/tickets/api'
import { EmptyState, StateView } from '@/components/StateView'
import { LoadMore } from '@/components/LoadMore'
import { hasRole, isActiveStaff, useMe } from '@/features/account'
import { TicketCard } from '@/features/tickets'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import { staffTicketsApi, type Queue } from './api'
import { defaultQueue, EMPTY_QUEUE, queuesFor, UNCOUNTED } from './queues'
import { activeCount, MATCHED_BY, NO_FILTERS, toSearchInput, type TicketFilters } from './filters'
import { FilterSheet } from './FilterSheet'
import { useQueueCounts } from './useQueueCounts'
import './StaffTickets.scss'

function QueueTabs({
  queues,
  value,
  counts,
  onChange,
}: {
  queues: { value: Queue; label: string }[]
  value: Queue
  counts: Partial<Record<Queue, number>> | null
  onChange: (q: Queue) => void
}) {
  return (
    <View className='staff-queue__tabs' role='tablist' aria-label='工单队列'>
      {queues.map((q) => {
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
            {!UNCOUNTED.includes(q.value) && <Text className='staff-queue__count'>{n === undefined ? '–' : n}</Text>}
            <Text className='staff-queue__label'>{q.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

const open = (t: TicketSummary) => () => Taro.navigateTo({ url: `/staff/ticket/index?id=${encodeURIComponent(t.ticketId)}` })

function TicketList({ list, empty, hint }: { list: ReturnType<typeof usePagedList<TicketSummary>>; empty: string; hint?: string }) {
  const items = list.items ?? []
  return (
    <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
      {items.length === 0 ? (
        <EmptyState text={empty} hint={hint} />
      ) : (
        <>
          {/* The items alone in their container: a page loaded at the end is appended there and
              sent as just its new items (setData budget, issue #18). */}
          <View className='staff-queue__list'>
            {items.map((t) => (
              <TicketCard key={t.ticketId} item={t} staffView onClick={open(t)} />
            ))}
          </View>
          <LoadMore list={list} />
        </>
      )}
    </StateView>
  )
}

interface Props {
  /** Opened from a ticket: that flat's history (every ticket, closed ones too). */
  unit?: { unitId: string; label: string }
}

/** 工单: the staff member's queues with counts, search and filters (closed tickets too), and (desk) logging a call or visit. */
export function StaffQueue({ unit }: Props) {
  const me = useMe()
  const staff = isActiveStaff(me.me) ? me.me!.staff! : null
  const [chosen, setChosen] = useState<Queue | null>(null)
  const queue = chosen ?? (staff ? defaultQueue(staff.roles) : 'assigned')
  const { counts, refresh } = useQueueCounts(!!staff)
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<TicketFilters>(unit ? { ...NO_FILTERS, unitId: unit.unitId, unitLabel: unit.label } : NO_FILTERS)
  const [filtering, setFiltering] = useState(false)
  const searching = !!q || activeCount(filters) > 0
  const [matchedBy, setMatchedBy] = useState<string | undefined>()

  const list = usePagedList<TicketSummary>(
    staff && !searching ? queue : null,
    (cursor) => staffTicketsApi.listQueue({ queue, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (t) => t.ticketId,
  )
  const results = usePagedList<TicketSummary>(
    staff && searching ? JSON.stringify([q, filters]) : null,
    async (cursor) => {
      const page = await staffTicketsApi.search(toSearchInput(q, filters, cursor, PAGE_SIZE))
      setMatchedBy(page.matchedBy)
      return { items: page.items, total: page.items.length, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
    },
    (t) => t.ticketId,
  )

  useListPage(searching ? results : list, refresh)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!staff) return <EmptyState text='仅物业员工可以查看工单' />

  const canLog = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const nFilters = activeCount(filters)
  const clear = () => {
    setText('')
    setQ('')
    setFilters(NO_FILTERS)
  }
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
      <View className='staff-queue__search' role='search'>
        <Input
          className='staff-queue__input'
          value={text}
          placeholder={canLog ? '工单号 / 电话 / 房屋 / 姓名' : '工单号 / 房屋 / 姓名'}
          placeholderClass='staff-queue__placeholder'
          confirmType='search'
          maxlength={40}
          aria-label='搜索工单'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text.trim())}
        />
        <View className='staff-queue__go' role='button' aria-label='搜索' onClick={() => setQ(text.trim())}>
          搜索
        </View>
        <View className={`staff-queue__filter ${nFilters ? 'staff-queue__filter--on' : ''}`} role='button' aria-label='筛选' onClick={() => setFiltering(true)}>
          筛选{nFilters ? ` ${nFilters}` : ''}
        </View>
      </View>
      {searching ? (
        <>
          <View className='staff-queue__summary'>
            <Text>
              {filters.unitLabel ? `${filters.unitLabel} 的全部工单` : '搜索结果'}
              {q && matchedBy ? `（${MATCHED_BY[matchedBy]}）` : ''}，含已关闭
            </Text>
            <View className='staff-queue__clear' role='button' aria-label='返回队列' onClick={clear}>
              返回队列
            </View>
          </View>
          <TicketList list={results} empty='没有找到工单' hint='可换个关键词，或调整筛选条件' />
        </>
      ) : (
        <>
          <QueueTabs queues={queuesFor(staff.roles)} value={queue} counts={counts} onChange={setChosen} />
          <TicketList list={list} empty={EMPTY_QUEUE[queue]} hint={queue === 'pool' ? '新的报修进入抢单池时会出现在这里' : undefined} />
        </>
      )}
      {filtering && (
        <FilterSheet
          value={filters}
          communityId={staff.communityId}
          onClose={() => setFiltering(false)}
          onApply={(f) => {
            setFilters(f)
            setFiltering(false)
          }}
        />
      )}
    </View>
  )
}

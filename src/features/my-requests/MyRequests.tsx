import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { TicketSummary } from '@/domain/tickets/api'
import { TICKET_TYPES, TICKET_TYPE_LABELS, type TicketType } from '@/domain/tickets/catalog'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { approvedHomes, useMe } from '@/features/account'
import { BindPrompt } from '@/components/BindPrompt'
import { LoadMore } from '@/components/LoadMore'
import { TicketCard, ticketsApi, type MineFilter } from '@/features/tickets'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import './MyRequests.scss'

const FILTERS: { value: MineFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '处理中' },
  { value: 'resolved', label: '待确认' },
  { value: 'closed', label: '已完成' },
]
const EMPTY_TEXT: Record<MineFilter, string> = {
  all: '还没有报修、投诉或咨询',
  open: '没有处理中的工单',
  resolved: '没有待确认的工单',
  closed: '没有已完成的工单',
}
const GLYPHS: Record<TicketType, string> = { repair: '修', complaint: '诉', consultation: '询' }

const report = (type: TicketType) => () => Taro.navigateTo({ url: `/pages/report/index?type=${type}` })

function NewRequest() {
  return (
    <View className='new-request'>
      {TICKET_TYPES.map((t) => (
        <View key={t} className={`new-request__item new-request__item--${t}`} hoverClass='new-request__item--pressed' role='button' onClick={report(t)}>
          <View className='new-request__icon' aria-hidden='true'>
            <Text>{GLYPHS[t]}</Text>
          </View>
          <Text className='new-request__label'>我要{TICKET_TYPE_LABELS[t]}</Text>
        </View>
      ))}
    </View>
  )
}

/** 服务: the resident's (and household's) requests, by status, newest first. */
export function MyRequests() {
  const me = useMe()
  const bound = approvedHomes(me.me).length > 0
  const [filter, setFilter] = useState<MineFilter>('all')
  const list = usePagedList<TicketSummary>(
    bound ? filter : null,
    (cursor) => ticketsApi.listMine({ status: filter, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (t) => t.ticketId,
  )

  // Back from a ticket (confirmed, rated…): refresh quietly.
  useListPage(list)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!bound) {
    return (
      <View className='my-requests'>
        <BindPrompt pending={me.me.homes.some((h) => h.status === 'pending')} />
      </View>
    )
  }

  const items = list.items ?? []
  const nothingAtAll = filter === 'all' && list.items !== null && items.length === 0
  return (
    <View className='my-requests'>
      {!nothingAtAll && <NewRequest />}
      <View className='my-requests__filters'>
        <ChipGroup groupLabel='工单状态' options={FILTERS} value={filter} onChange={setFilter} />
      </View>
      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()} skeleton={4}>
        {items.length === 0 ? (
          <EmptyState text={EMPTY_TEXT[filter]} hint={filter === 'all' ? '遇到问题，随时在线报修、投诉或咨询' : undefined}>
            {filter === 'all' && (
              <View className='my-requests__empty-actions'>
                {TICKET_TYPES.map((t) => (
                  <Button key={t} size='small' type={t === 'repair' ? 'primary' : 'default'} fill={t === 'repair' ? 'solid' : 'outline'} onClick={report(t)}>
                    {TICKET_TYPE_LABELS[t]}
                  </Button>
                ))}
              </View>
            )}
          </EmptyState>
        ) : (
          <>
            {/* The items alone in their container: a page loaded at the end is appended there and
                sent as just its new items (setData budget, issue #18). */}
            <View className='my-requests__list'>
              {items.map((t) => (
                <TicketCard key={t.ticketId} item={t} onClick={() => Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(t.ticketId)}` })} />
              ))}
            </View>
            <LoadMore list={list} />
          </>
        )}
      </StateView>
    </View>
  )
}

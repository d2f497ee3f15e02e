import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { TicketSummary } from '@/domain/tickets/api'
import { formatShort } from '@/domain/time'
import { Section } from '@/components/Section'
import { staffTicketsApi } from './api'

const SHOWN = 5

/** 本房屋的工单: the flat's other tickets, closed ones too ("this flat reported 3 leaks"), and a way to all of them. */
export function UnitHistory({ ticketId, unitId, unitLabel }: { ticketId: string; unitId: string; unitLabel: string }) {
  const [items, setItems] = useState<TicketSummary[] | null>(null)
  const [more, setMore] = useState(false)
  useEffect(() => {
    let live = true
    staffTicketsApi.search({ unitId, status: 'all', pageSize: SHOWN + 1 }).then(
      (page) => {
        if (!live) return
        setItems(page.items.filter((t) => t.ticketId !== ticketId).slice(0, SHOWN))
        setMore(!!page.nextCursor || page.items.length > SHOWN)
      },
      () => live && setItems([]),
    )
    return () => {
      live = false
    }
  }, [ticketId, unitId])
  if (!items || items.length === 0) return null
  const same = items.filter((t) => t.category === items[0].category).length
  return (
    <Section title={`本房屋的其他工单（${items.length}${more ? '+' : ''}）`}>
      {same > 1 && (
        <Text className='unit-history__when'>
          其中 {same} 张为「{items[0].categoryLabel}」
        </Text>
      )}
      {items.map((t) => (
        <View
          key={t.ticketId}
          className='unit-history__row'
          role='button'
          aria-label={`${t.typeLabel}·${t.categoryLabel} ${t.statusLabel}`}
          onClick={() => Taro.navigateTo({ url: `/staff/ticket/index?id=${encodeURIComponent(t.ticketId)}` })}
        >
          <Text className='unit-history__what'>
            {t.typeLabel}·{t.categoryLabel} · {t.statusLabel}
          </Text>
          <Text className='unit-history__when'>{formatShort(t.createdAt)}</Text>
        </View>
      ))}
      <View
        className='unit-history__all'
        role='button'
        onClick={() => Taro.navigateTo({ url: `/staff/tickets/index?unitId=${encodeURIComponent(unitId)}&unit=${encodeURIComponent(unitLabel)}` })}
      >
        查看本房屋全部工单 →
      </View>
    </Section>
  )
}

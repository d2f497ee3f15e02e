import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import type { CallbackView } from '@/domain/tickets/callbacks-api'
import { EmptyState, StateView } from '@/components/StateView'
import { LoadMore } from '@/components/LoadMore'
import { useSubmit } from '@/components/useSubmit'
import { hasRole, isActiveStaff, useMe } from '@/features/account'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import { callbacksApi, type CallbackTab, type RecordInput } from './api'
import { CallbackCard } from './CallbackCard'
import { RecordSheet } from './RecordSheet'
import { missedAttempts, outcomeText } from './outcome'
import { useCallbackCounts } from './useCallbackCounts'
import './StaffCallbacks.scss'

const TABS: { value: CallbackTab; label: string }[] = [
  { value: 'open', label: '待回访' },
  { value: 'closed', label: '已结束' },
]
const EMPTY_TEXT: Record<CallbackTab, string> = { open: '暂无待回访', closed: '还没有已结束的回访' }

/** 回访: callbacks due (soonest first) or finished, and recording an attempt. */
export function CallbackList() {
  const me = useMe()
  const staff = isActiveStaff(me.me) ? me.me!.staff! : null
  // The desk, supervisors and admins see the community's callbacks; others only their own.
  const lead = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const [tab, setTab] = useState<CallbackTab>('open')
  const [mine, setMine] = useState(false)
  const [recording, setRecording] = useState<CallbackView | null>(null)
  const { busy, submit } = useSubmit({ toast: true })
  const { counts, refresh } = useCallbackCounts(!!staff)
  const list = usePagedList<CallbackView>(
    staff ? `${tab}:${mine}` : null,
    (cursor) => callbacksApi.list({ status: tab, ...(mine ? { mine: true } : {}), pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (c) => c.callbackId,
  )

  // Back from the ticket: refresh quietly.
  useListPage(list, refresh)

  function record(input: RecordInput): Promise<boolean> {
    if (!recording) return Promise.resolve(false)
    const missedBefore = missedAttempts(recording)
    return submit(async () => {
      const res = await callbacksApi.record(input)
      setRecording(null)
      void Taro.showToast({ title: outcomeText(res, missedBefore), icon: res.status === 'done' && !res.reopened ? 'success' : 'none' })
      refresh()
      void list.reload(true)
    })
  }

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!staff) return <EmptyState text='仅物业员工可以查看回访' />

  const items = list.items ?? []
  const overdue = tab === 'open' && !mine && counts ? counts.overdue : 0
  const openCount = counts ? (mine ? counts.mine : counts.open) : 0
  return (
    <View className='callbacks'>
      <View className='callbacks__bar'>
        <View className='callbacks__tabs' role='tablist' aria-label='回访状态'>
          {TABS.map((t) => (
            <View
              key={t.value}
              className={`callbacks__tab ${t.value === tab ? 'callbacks__tab--on' : ''}`}
              role='tab'
              aria-selected={t.value === tab ? 'true' : 'false'}
              onClick={() => setTab(t.value)}
            >
              <Text>{t.label}</Text>
              {t.value === 'open' && !!openCount && <Text className='callbacks__badge'>{openCount}</Text>}
            </View>
          ))}
        </View>
        {lead && (
          <View className='callbacks__mine'>
            <Text className='callbacks__mine-label'>只看我的</Text>
            <Switch className='callbacks__mine-switch' checked={mine} onChange={(v) => setMine(v)} />
          </View>
        )}
      </View>

      {overdue > 0 && (
        <View className='callbacks__overdue' role='alert'>
          {overdue} 条已超时，请尽快回访
        </View>
      )}

      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
        {items.length === 0 ? (
          <EmptyState text={EMPTY_TEXT[tab]} hint={tab === 'open' ? '工单完工后，需要回访的会出现在这里' : undefined} />
        ) : (
          <>
            {items.map((c) => (
              <CallbackCard
                key={c.callbackId}
                item={c}
                onOpen={() => Taro.navigateTo({ url: `/staff/ticket/index?id=${encodeURIComponent(c.ticketId)}` })}
                onRecord={tab === 'open' ? () => setRecording(c) : undefined}
              />
            ))}
            <LoadMore list={list} />
          </>
        )}
      </StateView>

      <RecordSheet item={recording} busy={busy} onClose={() => setRecording(null)} onSubmit={record} />
    </View>
  )
}

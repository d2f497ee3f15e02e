import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Pill } from '@/components/Pill'
import { EmptyState, StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { PHASE_TONE, staffEventsApi, timeRange, type StaffEvent } from '@/features/events'
import { errorMessage } from '@/services/cloud'
import { Analysis } from './Analysis'
import './StaffEvents.scss'

const TABS = [
  { value: 'all', label: '全部' },
  { value: 'review', label: '待审核' },
  { value: 'draft', label: '草稿' },
  { value: 'upcoming', label: '报名中' },
  { value: 'ongoing', label: '进行中' },
  { value: 'ended', label: '已结束' },
  { value: 'closed', label: '已总结' },
  { value: 'cancelled', label: '已取消' },
  { value: 'analysis', label: '活动分析' },
]

/** 活动管理: the community's events by phase, 新建, and the cross-event analysis. */
export function StaffEventList() {
  const me = useMe()
  const allowed = hasRole(me.me, 'desk', 'security', 'supervisor', 'admin')
  const planner = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const [tab, setTab] = useState('all')
  const [items, setItems] = useState<StaffEvent[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async (phase = tab) => {
    if (phase === 'analysis') return
    setError(null)
    try {
      setItems((await staffEventsApi.list(phase)).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  useDidShow(() => {
    if (allowed) void load()
  })
  usePullDownRefresh(() => void load().finally(() => void Taro.stopPullDownRefresh()))

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!allowed) return <EmptyState text='仅客服、秩序、主管和管理员可以管理活动' />

  return (
    <View className='se'>
      <View className='se__head'>
        <Text className='se__title'>{me.me.staff!.communityName} · 社区活动</Text>
        {planner && (
          <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: '/staff/event-edit/index' })}>
            策划活动
          </Button>
        )}
      </View>
      <View className='se__tabs' role='tablist' aria-label='活动状态'>
        {TABS.filter((t) => planner || t.value !== 'analysis').map((t) => (
          <View
            key={t.value}
            className={`se__tab ${t.value === tab ? 'se__tab--on' : ''}`}
            role='tab'
            aria-selected={t.value === tab ? 'true' : 'false'}
            onClick={() => {
              setTab(t.value)
              setItems(null)
              void load(t.value)
            }}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {tab === 'analysis' ? (
        <Analysis />
      ) : (
        <StateView loading={items === null && !error} error={error} onRetry={() => void load()}>
          {items && items.length === 0 ? (
            <EmptyState text='没有活动' hint={planner && tab === 'all' ? '点「策划活动」填写方案，发布后住户即可报名' : undefined} />
          ) : (
            (items ?? []).map((e) => (
              <View
                key={e.eventId}
                className='se-row'
                hoverClass='se-row--pressed'
                role='button'
                aria-label={`${e.title}，${e.phaseLabel}`}
                onClick={() => void Taro.navigateTo({ url: `/staff/event/index?id=${encodeURIComponent(e.eventId)}` })}
              >
                <View className='se-row__head'>
                  <Text className='se-row__title'>{e.title}</Text>
                  <Pill tone={PHASE_TONE[e.phase] ?? 'neutral'}>{e.phaseLabel}</Pill>
                </View>
                <Text className='se-row__meta'>
                  {timeRange(e.startAt, e.endAt)} · {e.place}
                </Text>
                <Text className='se-row__meta'>
                  已报 {e.capacity - e.seatsLeft}/{e.capacity}
                  {e.waitlisted ? ` · 候补 ${e.waitlisted} 户` : ''} · {e.createdByName} 策划
                </Text>
              </View>
            ))
          )}
        </StateView>
      )}
    </View>
  )
}

import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { TabStrip } from '@/components/TabStrip'
import { AGE_GROUPS, AGE_GROUP_LABELS, INTERESTS, INTEREST_LABELS } from '@/domain/events'
import { errorMessage } from '@/services/cloud'
import { eventsApi, type EventListItem, type EventTab } from './api'
import { EventCard } from './EventCard'
import { eventPath } from './format'
import './Events.scss'
import { useSubmit } from '@/components/useSubmit'

const TABS: { value: EventTab; label: string }[] = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'mine', label: '我的报名' },
  { value: 'past', label: '往期活动' },
]
const EMPTY: Record<EventTab, { text: string; hint?: string }> = {
  upcoming: { text: '近期暂无活动', hint: '物业发布新活动后会显示在这里' },
  mine: { text: '您还没有报名活动', hint: '在「即将开始」里挑一个感兴趣的活动报名吧' },
  past: { text: '还没有往期活动' },
}

/** Tell the app the household's age groups and interests, for recommendations. */
function ProfileCard({ onSaved }: { onSaved: () => void }) {
  const [open, setOpen] = useState(false)
  const [ages, setAges] = useState<string[]>([])
  const [interests, setInterests] = useState<string[]>([])
  const { busy: saving, submit } = useSubmit({ toast: true })
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  if (!open)
    return (
      <View className='ev-profile' role='button' onClick={() => setOpen(true)}>
        <Text className='ev-profile__text'>告诉我们您家的成员年龄段和兴趣，为您优先推荐合适的活动</Text>
        <Text className='ev-profile__link'>去填写</Text>
      </View>
    )
  const save = async () => {
    if (!ages.length && !interests.length) {
      void Taro.showToast({ title: '请至少选择一项', icon: 'none' })
      return
    }
    if (await submit(() => eventsApi.profile(ages, interests), '已保存')) onSaved()
  }
  return (
    <View className='ev-profile ev-profile--open'>
      <Text className='ev-profile__label'>家庭成员年龄段（可多选）</Text>
      <ChipGroup groupLabel='家庭成员年龄段' options={AGE_GROUPS.map((v) => ({ value: v, label: AGE_GROUP_LABELS[v] }))} value={ages} onChange={(v) => setAges(toggle(ages, v))} />
      <Text className='ev-profile__label'>兴趣（可多选）</Text>
      <ChipGroup
        groupLabel='兴趣'
        options={INTERESTS.map((v) => ({ value: v, label: INTEREST_LABELS[v] }))}
        value={interests}
        onChange={(v) => setInterests(toggle(interests, v))}
      />
      <Button type='primary' size='small' loading={saving} className='ev-profile__save' onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}

/** 活动 tab: upcoming (recommended first), my registrations, past events. */
export function EventsTab() {
  const [tab, setTab] = useState<EventTab>('upcoming')
  const [items, setItems] = useState<EventListItem[] | null>(null)
  const [profileSet, setProfileSet] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(
    async (which: EventTab = tab) => {
      setError(null)
      try {
        const res = await eventsApi.list(which)
        setItems(res.items)
        setProfileSet(res.profileSet)
      } catch (err) {
        setError(errorMessage(err))
      }
    },
    [tab],
  )
  useEffect(() => {
    setItems(null)
    void load(tab)
  }, [tab])
  useDidShow(() => {
    if (items) void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='ev'>
      <TabStrip block='ev' label='活动分类' options={TABS} value={tab} onChange={setTab} />
      {tab === 'upcoming' && !profileSet && items && <ProfileCard onSaved={() => void load()} />}
      <StateView loading={items === null && !error} error={error} onRetry={() => void load()}>
        {items && items.length === 0 ? (
          <EmptyState text={EMPTY[tab].text} hint={EMPTY[tab].hint} />
        ) : (
          (items ?? []).map((e) => <EventCard key={e.eventId} e={e} onClick={() => void Taro.navigateTo({ url: eventPath(e.eventId) })} />)
        )}
      </StateView>
    </View>
  )
}

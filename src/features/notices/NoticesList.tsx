import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ChipGroup } from '@/components/ChipGroup'
import { EmptyState, StateView } from '@/components/StateView'
import { approvedHomes, useMe } from '@/features/account'
import { BindPrompt } from '@/components/BindPrompt'
import { LoadMore } from '@/components/LoadMore'
import { noticesApi } from './api'
import { noticePath } from './format'
import { NoticeCard } from './NoticeCard'
import { PAGE_SIZE, useListPage, usePagedList } from '@/components/usePagedList'
import './Notices.scss'

type Filter = 'all' | 'unread'

/** 社区通知: every notice for my homes, pinned first then newest; 全部 / 未读. */
export function NoticesList() {
  const me = useMe()
  const bound = approvedHomes(me.me).length > 0
  const [filter, setFilter] = useState<Filter>('all')
  const list = usePagedList(
    bound ? filter : null,
    (cursor) => noticesApi.feed({ unreadOnly: filter === 'unread', pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (n) => n.announcementId,
  )

  useListPage(list)

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!bound) return <BindPrompt pending={me.me.homes.some((h) => h.status === 'pending')} />

  const unread = list.unread
  const options = [
    { value: 'all' as const, label: '全部' },
    { value: 'unread' as const, label: unread ? `未读 ${unread}` : '未读' },
  ]
  const items = list.items ?? []
  return (
    <View className='notices'>
      <View className='notices__filters'>
        <ChipGroup groupLabel='通知筛选' options={options} value={filter} onChange={setFilter} />
        <View className='notices__remind' role='button' hoverClass='notices__remind--pressed' onClick={() => Taro.navigateTo({ url: '/pages/subscriptions/index' })}>
          <Text>微信提醒</Text>
        </View>
      </View>
      <StateView loading={list.items === null && !list.error} error={list.error} onRetry={() => void list.reload()}>
        {items.length === 0 ? (
          <EmptyState text={filter === 'unread' ? '没有未读通知' : '暂无通知'} hint={filter === 'unread' ? '所有通知都已读过' : '物业发布的通知会显示在这里'} />
        ) : (
          <>
            {/* The items alone in their container: a page loaded at the end is appended there and
                sent as just its new items (setData budget, issue #18). */}
            <View className='notices__list'>
              {items.map((n) => (
                <NoticeCard key={n.announcementId} notice={n} onClick={() => Taro.navigateTo({ url: noticePath(n.announcementId) })} />
              ))}
            </View>
            <LoadMore list={list} />
          </>
        )}
      </StateView>
    </View>
  )
}

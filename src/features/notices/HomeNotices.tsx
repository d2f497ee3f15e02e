import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Section } from '@/components/Section'
import { EmptyState, ErrorState, LoadingState } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { approvedHomes, useMe } from '@/features/account'
import { noticesApi, type NoticePage } from './api'
import { noticePath } from './format'
import { NoticeCard } from './NoticeCard'
import './Notices.scss'

/** How many notices the home page shows (pinned first, then newest). */
export const HOME_NOTICES = 4

function useFeed(enabled: boolean) {
  const [page, setPage] = useState<NoticePage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const shown = useRef(false)
  const load = useCallback(async () => {
    if (!enabled) return
    try {
      const p = await noticesApi.feed({ pageSize: HOME_NOTICES })
      shown.current = true
      setError(null)
      setPage(p)
    } catch (err) {
      // A failed refresh keeps what is on screen.
      if (!shown.current) setError(errorMessage(err))
    }
  }, [enabled])
  useEffect(() => {
    void load()
  }, [load])
  // Back from a notice: its unread dot goes away.
  useDidShow(() => {
    if (shown.current) void load()
  })
  return { page, error, reload: load }
}

/** 首页 · 社区通知: pinned and recent notices for my homes, with unread dots. */
export function HomeNotices() {
  const { me } = useMe()
  const bound = approvedHomes(me).length > 0
  const { page, error, reload } = useFeed(bound)
  const unread = page?.unread ?? 0
  const more = (
    <View className='home-notices__more' role='button' hoverClass='home-notices__more--pressed' onClick={() => Taro.navigateTo({ url: '/pages/notices/index' })}>
      {unread > 0 && <Text className='home-notices__unread'>{unread} 条未读</Text>}
      <Text>查看全部</Text>
    </View>
  )

  if (!bound) {
    return (
      <Section title='社区通知'>
        <EmptyState text='暂无通知' hint='绑定房屋后，物业发布的停水停电等通知会显示在这里' />
      </Section>
    )
  }
  return (
    <Section title='社区通知' extra={page && page.total > 0 ? more : undefined} flush className='home-notices'>
      {error ? (
        <ErrorState message={error} onRetry={() => void reload()} />
      ) : !page ? (
        <LoadingState />
      ) : page.items.length === 0 ? (
        <EmptyState text='暂无通知' hint='物业发布的通知会显示在这里' />
      ) : (
        page.items.map((n) => <NoticeCard key={n.announcementId} notice={n} compact onClick={() => Taro.navigateTo({ url: noticePath(n.announcementId) })} />)
      )}
    </Section>
  )
}

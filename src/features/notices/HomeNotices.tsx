import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Section } from '@/components/Section'
import { EmptyState, ErrorState } from '@/components/StateView'
import { Skeleton } from '@/components/Skeleton'
import { errorMessage } from '@/services/cloud'
import { approvedHomes, useMe } from '@/features/account'
import { noticesApi, type NoticePage } from './api'
import { noticePath } from './format'
import { NoticeCard } from './NoticeCard'
import './Notices.scss'

/** How many notices the home page shows (pinned first, then newest). */
export const HOME_NOTICES = 4

/** The last feed shown, kept for 首页 offline (Taro storage). */
const CACHE_KEY = 'linli.home.notices.v1'
function readCached(): NoticePage | null {
  try {
    const v = Taro.getStorageSync(CACHE_KEY) as NoticePage | ''
    return v && typeof v === 'object' && Array.isArray(v.items) ? v : null
  } catch {
    return null
  }
}
function keep(p: NoticePage) {
  try {
    Taro.setStorageSync(CACHE_KEY, p)
  } catch {
    // nothing to keep
  }
}

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
      keep(p)
    } catch (err) {
      // A failed refresh keeps what is on screen; a failed first load shows the last notices kept.
      if (shown.current) return
      const cached = readCached()
      if (cached) {
        shown.current = true
        setPage(cached)
      } else setError(errorMessage(err))
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

/** 首页 · 社区通知: pinned and recent notices for my homes, with unread dots; `offline`: the last ones kept. */
export function HomeNotices({ offline = false }: { offline?: boolean }) {
  const { me } = useMe()
  const bound = approvedHomes(me).length > 0
  const feed = useFeed(bound && !offline)
  const [cached] = useState(() => (offline ? readCached() : null))
  const { error, reload } = feed
  const page = offline ? cached : feed.page
  const unread = page?.unread ?? 0
  const more = (
    <View className='home-notices__more' role='button' hoverClass='home-notices__more--pressed' onClick={() => Taro.navigateTo({ url: '/pages/notices/index' })}>
      {unread > 0 && <Text className='home-notices__unread'>{unread} 条未读</Text>}
      <Text>查看全部</Text>
    </View>
  )

  if (!bound && !offline) {
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
        offline ? (
          <EmptyState text='暂无通知' hint='连上网络后显示物业发布的通知' />
        ) : (
          <Skeleton rows={3} label='正在加载通知' />
        )
      ) : page.items.length === 0 ? (
        <EmptyState text='暂无通知' hint='物业发布的通知会显示在这里' />
      ) : (
        page.items.map((n) => <NoticeCard key={n.announcementId} notice={n} compact onClick={() => Taro.navigateTo({ url: noticePath(n.announcementId) })} />)
      )}
    </Section>
  )
}

import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Skeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { BindPrompt } from '@/components/BindPrompt'
import { accountApi, approvedHomes, displayName, useMe } from '@/features/account'
import { HomeHeader } from './HomeHeader'
import { QuickActions } from './QuickActions'
import { NoticesPanel } from './NoticesPanel'
import { EmergencyCard } from './EmergencyCard'
import { PendingCard } from './PendingCard'
import { readHomeCache, writeHomeCache, type HomeCache } from './homeCache'
import './HomeScreen.scss'

/** The hotline for someone never bound: their community is not known, so the only one there is. */
function useFallbackHotline(needed: boolean): string | null {
  const [hotline, setHotline] = useState<string | null>(null)
  useEffect(() => {
    if (!needed) return
    accountApi.listCommunities().then(
      (list) => setHotline(list.length === 1 ? list[0].hotline || null : null),
      () => undefined,
    )
  }, [needed])
  return hotline
}

export function HomeScreen() {
  const { me, loading, error, reload } = useMe()
  const [cache] = useState<HomeCache | null>(() => readHomeCache())
  const fallbackHotline = useFallbackHotline(!!me && !me.community)
  useEffect(() => {
    if (me?.community) writeHomeCache({ communityName: me.community.name, hotline: me.community.hotline || null })
  }, [me?.community?.name, me?.community?.hotline])

  if (!me) {
    // Offline (or the service is down): the cached community and hotline, the last notices, and a quiet note.
    if (error && cache) {
      return (
        <View className='home home--offline'>
          <View className='home__offline' role='status' onClick={() => void reload()}>
            <Text>网络不可用，以下为上次加载的内容。点此重试</Text>
          </View>
          <HomeHeader communityName={cache.communityName} greetingName='邻居' hotline={cache.hotline} />
          <EmergencyCard hotline={cache.hotline} />
          <NoticesPanel offline />
        </View>
      )
    }
    if (error && !loading) return <ErrorState message={error} onRetry={() => void reload()} />
    return (
      <View className='home home--loading'>
        <Skeleton rows={1} label='正在加载首页' />
        <Skeleton rows={3} label='正在加载通知' />
      </View>
    )
  }
  const hotline = me.community?.hotline || fallbackHotline
  const pending = approvedHomes(me).length === 0 ? me.homes.find((h) => h.status === 'pending') : undefined
  return (
    <View className='home'>
      <HomeHeader communityName={me.community?.name ?? null} greetingName={displayName(me)} hotline={hotline} />
      {pending ? <PendingCard home={pending} hotline={hotline} /> : approvedHomes(me).length === 0 && <BindPrompt pending={false} />}
      <EmergencyCard hotline={hotline} />
      <QuickActions />
      <NoticesPanel />
    </View>
  )
}

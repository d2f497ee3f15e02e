import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Skeleton } from '@/components/Skeleton'
import { ErrorState } from '@/components/StateView'
import { BindPrompt } from '@/components/BindPrompt'
import { accountApi, approvedHomes, displayName, useMe } from '@/features/account'
import { HomeHeader } from './HomeHeader'
import { QuickActions } from './QuickActions'
import { NoticesPanel } from './NoticesPanel'
import { EmergencyCard, type Hotline } from './EmergencyCard'
import { PendingCard } from './PendingCard'
import { readHomeCache, writeHomeCache, type HomeCache } from './homeCache'
import './HomeScreen.scss'

/** The communities' hotlines, for someone whose community is not known yet (never bound, or only pending). */
function useCommunityHotlines(needed: boolean): Hotline[] {
  const [list, setList] = useState<Hotline[]>([])
  useEffect(() => {
    if (!needed) return
    accountApi.listCommunities().then(
      (all) => setList(all.filter((c) => c.hotline).map((c) => ({ communityId: c._id, name: c.name, hotline: c.hotline! }))),
      () => undefined,
    )
  }, [needed])
  return list
}

export function HomeScreen() {
  const { me, loading, error, reload } = useMe()
  const [cache] = useState<HomeCache | null>(() => readHomeCache())
  const hotlines = useCommunityHotlines(!!me && !me.community)
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
          <EmergencyCard hotlines={cache.hotline ? [{ communityId: '', name: cache.communityName ?? '', hotline: cache.hotline }] : []} />
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
  const pending = approvedHomes(me).length === 0 ? me.homes.find((h) => h.status === 'pending') : undefined
  // The community's own hotline; for a pending binding, its community's; otherwise the only one there is.
  const hotline = me.community?.hotline || (pending && hotlines.find((h) => h.communityId === pending.communityId)?.hotline) || (hotlines.length === 1 ? hotlines[0].hotline : null)
  const callable: Hotline[] = hotline ? [{ communityId: me.community?._id ?? '', name: me.community?.name ?? '', hotline }] : hotlines
  return (
    <View className='home'>
      <HomeHeader communityName={me.community?.name ?? null} greetingName={displayName(me)} hotline={hotline} />
      {pending ? <PendingCard home={pending} hotline={hotline} /> : approvedHomes(me).length === 0 && <BindPrompt pending={false} />}
      <EmergencyCard hotlines={callable} />
      <QuickActions />
      <NoticesPanel />
    </View>
  )
}

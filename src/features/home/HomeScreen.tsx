import { View } from '@tarojs/components'
import { StateView } from '@/components/StateView'
import { approvedHomes, displayName, useMe } from '@/features/account'
import { HomeHeader } from './HomeHeader'
import { BindPrompt } from '@/components/BindPrompt'
import { QuickActions } from './QuickActions'
import { NoticesPanel } from './NoticesPanel'

export function HomeScreen() {
  const { me, loading, error, reload } = useMe()
  return (
    <StateView loading={!me && (loading || !error)} error={!me ? error : null} onRetry={reload}>
      {me && (
        <View className='home'>
          <HomeHeader communityName={me.community?.name ?? null} greetingName={displayName(me)} hotline={me.community?.hotline || null} />
          {approvedHomes(me).length === 0 && <BindPrompt pending={me.homes.some((h) => h.status === 'pending')} />}
          <QuickActions />
          <NoticesPanel />
        </View>
      )}
    </StateView>
  )
}

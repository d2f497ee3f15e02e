import { StateView } from '@/components/StateView'
import { useMe } from '@/features/account'
import { ProfileHeader } from './ProfileHeader'
import { MyHomes } from './MyHomes'
import { MineMenu } from './MineMenu'

export function MineScreen() {
  const { me, loading, error, reload } = useMe()
  return (
    <StateView loading={!me && (loading || !error)} error={!me ? error : null} onRetry={reload}>
      {me && (
        <>
          <ProfileHeader me={me} />
          <MyHomes homes={me.homes} />
          <MineMenu me={me} />
        </>
      )}
    </StateView>
  )
}

import { View, Text } from '@tarojs/components'
import type { MeView } from '@/domain/identity'
import { displayName } from '@/features/account'
import './ProfileHeader.scss'

export function ProfileHeader({ me }: { me: MeView }) {
  const name = displayName(me)
  const sub = me.community?.name ?? '尚未绑定房屋'
  return (
    <View className='profile'>
      <View className='profile__avatar' aria-hidden='true'>
        <Text>{name.slice(0, 1)}</Text>
      </View>
      <View className='profile__text'>
        <Text className='profile__name'>{name}</Text>
        <Text className='profile__sub'>{sub}</Text>
      </View>
      {me.staff?.active && <Text className='profile__badge'>物业员工</Text>}
    </View>
  )
}

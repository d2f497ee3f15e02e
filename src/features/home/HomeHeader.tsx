import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './HomeHeader.scss'

interface Props {
  communityName: string | null
  greetingName: string
  hotline: string | null
}

/** Community name, greeting and the property hotline. */
export function HomeHeader({ communityName, greetingName, hotline }: Props) {
  const call = () => {
    if (hotline) void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)
  }
  return (
    <View className='home-header'>
      <View className='home-header__text'>
        <Text className='home-header__community'>{communityName ?? '邻里物业'}</Text>
        <Text className='home-header__greeting'>您好，{greetingName}</Text>
      </View>
      {hotline && (
        <View className='home-header__hotline' hoverClass='home-header__hotline--pressed' role='button' aria-label={`拨打物业服务电话 ${hotline}`} onClick={call}>
          <View className='home-header__phone' aria-hidden='true' />
          <Text className='home-header__hotline-text'>物业电话</Text>
        </View>
      )}
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './BindPrompt.scss'

/** Shown while the caller has no approved home. */
export function BindPrompt({ pending }: { pending: boolean }) {
  return (
    <View className='bind-prompt'>
      <View className='bind-prompt__text'>
        <Text className='bind-prompt__title'>绑定房屋</Text>
        <Text className='bind-prompt__desc'>{pending ? '您的绑定申请正在审核中，也可以继续绑定其他房屋。' : '绑定您的房屋后，即可使用物业服务。'}</Text>
      </View>
      <Button type='primary' size='small' className='bind-prompt__btn' onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
        去绑定
      </Button>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { HomeView } from '@/domain/identity'
import { naturalTime } from '@/domain/time'
import './PendingCard.scss'

/**
 * While a binding waits for the desk: what was asked, since when, and who to contact — not
 * another 去绑定. Binding another home stays one small link away.
 */
export function PendingCard({ home, hotline }: { home: HomeView; hotline: string | null }) {
  const call = () => hotline && void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)
  return (
    <View className='pending-card' role='status'>
      <View className='pending-card__head'>
        <Text className='pending-card__title'>绑定申请审核中</Text>
        <Text className='pending-card__tag'>待物业审核</Text>
      </View>
      <Text className='pending-card__unit'>
        {home.communityName} {home.label}
      </Text>
      <Text className='pending-card__desc'>{naturalTime(home.createdAt)} 提交。物业客服核实身份后即可使用报修、通知等服务，审核结果会通知您。</Text>
      <Text className='pending-card__desc'>想加快审核，请联系物业客服{hotline ? `（${hotline}）` : ''}，说明您的姓名和房号。</Text>
      <View className='pending-card__actions'>
        <Text className='pending-card__link' onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
          绑定其他房屋
        </Text>
        {hotline && (
          <Button size='small' type='primary' fill='outline' className='pending-card__call' onClick={call}>
            联系物业客服
          </Button>
        )}
      </View>
    </View>
  )
}

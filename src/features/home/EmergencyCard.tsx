import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './EmergencyCard.scss'

/**
 * For everyone, bound or not: 紧急报修 (report in one more tap) and 一键呼叫 (the hotline), with
 * what to do meanwhile. Offline it still calls the cached hotline.
 */
export function EmergencyCard({ hotline }: { hotline: string | null }) {
  const call = () => hotline && void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)
  return (
    <View className='emergency-card'>
      <View
        className='emergency-card__tile emergency-card__tile--report'
        hoverClass='emergency-card__tile--pressed'
        role='button'
        aria-label='紧急报修'
        onClick={() => void Taro.navigateTo({ url: '/pages/report/index?type=repair&mode=emergency' })}
      >
        <Text className='emergency-card__title'>紧急报修</Text>
        <Text className='emergency-card__desc'>电梯困人、燃气异味、漏水、停水停电</Text>
      </View>
      {hotline && (
        <View
          className='emergency-card__tile emergency-card__tile--call'
          hoverClass='emergency-card__tile--pressed'
          role='button'
          aria-label={`一键呼叫物业 ${hotline}`}
          onClick={call}
        >
          <Text className='emergency-card__title'>一键呼叫</Text>
          <Text className='emergency-card__desc'>物业服务电话 {hotline}</Text>
        </View>
      )}
    </View>
  )
}

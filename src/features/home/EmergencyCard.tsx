import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './EmergencyCard.scss'

export interface Hotline {
  communityId: string
  name: string
  hotline: string
}

/**
 * For everyone, bound or not: 紧急报修 (report in one more tap) and 一键呼叫 (the hotline), with
 * what to do meanwhile. Offline it still calls the cached hotline. Someone whose community is not
 * known yet, where there are several, picks the community first.
 */
export function EmergencyCard({ hotlines }: { hotlines: Hotline[] }) {
  const dial = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
  const call = () => {
    if (hotlines.length === 1) return dial(hotlines[0].hotline)
    Taro.showActionSheet({ itemList: hotlines.slice(0, 6).map((h) => `${h.name} ${h.hotline}`) }).then(
      (r) => dial(hotlines[r.tapIndex].hotline),
      () => undefined,
    )
  }
  const one = hotlines.length === 1 ? hotlines[0].hotline : null
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
      {hotlines.length > 0 && (
        <View
          className='emergency-card__tile emergency-card__tile--call'
          hoverClass='emergency-card__tile--pressed'
          role='button'
          aria-label={one ? `一键呼叫物业 ${one}` : '一键呼叫物业（选择小区）'}
          onClick={call}
        >
          <Text className='emergency-card__title'>一键呼叫</Text>
          <Text className='emergency-card__desc'>{one ? `物业服务电话 ${one}` : '选择小区，拨打物业电话'}</Text>
        </View>
      )}
    </View>
  )
}

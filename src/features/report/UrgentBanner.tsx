import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

/** What to do right now, before help arrives. */
export const SAFETY: Record<string, string> = {
  elevator_trapped: '被困时请保持冷静，按下轿厢内警铃，不要强行扒门。',
  outage: '停电时请关闭大功率电器，注意用火安全。',
  severe_leak: '请先关闭进水总阀，移开地面上的电器和贵重物品。',
  gas_smell: '请勿开关电器、勿用明火，立即开窗通风并撤离到室外。',
}

/** Emergencies: call first (one tap), then report; the description and photos become optional. */
export function UrgentBanner({ category, hotline }: { category: string; hotline: string | null }) {
  const call = () => {
    if (hotline) void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)
  }
  return (
    <View className='report-urgent' role='alert'>
      <Text className='report-urgent__title'>紧急情况，请立即电话联系物业</Text>
      {SAFETY[category] && <Text className='report-urgent__tip'>{SAFETY[category]}</Text>}
      <Text className='report-urgent__desc'>描述和图片可不填，提交后值班人员和主管会立即收到通知。</Text>
      {hotline && (
        <Button block type='danger' className='report-urgent__call' aria-label={`拨打物业电话 ${hotline}`} onClick={call}>
          拨打物业电话 {hotline}
        </Button>
      )}
    </View>
  )
}

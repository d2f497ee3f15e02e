import { View, Text } from '@tarojs/components'
import './ComingSoon.scss'

interface Props {
  title: string
  description?: string
}

/** Honest placeholder for a feature that is not built yet: no sample data. */
export function ComingSoon({ title, description = '我们正在加紧建设，敬请期待。' }: Props) {
  return (
    <View className='coming-soon' role='status'>
      <Text className='coming-soon__badge'>即将上线</Text>
      <Text className='coming-soon__title'>{title}</Text>
      <Text className='coming-soon__desc'>{description}</Text>
    </View>
  )
}

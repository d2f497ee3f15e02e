import { View, Text } from '@tarojs/components'
import type { BookingView } from './api'

/** A move-in document's name and review status, as both the owner and the desk see it. */
export function DocHead({ doc }: { doc: BookingView['documents'][number] }) {
  return (
    <View className='mv-doc__head'>
      <Text className='mv-doc__name'>{doc.label}</Text>
      <Text className={`mv-doc__st mv-doc__st--${doc.status}`}>{doc.statusLabel}</Text>
    </View>
  )
}

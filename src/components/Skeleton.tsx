import { View } from '@tarojs/components'
import './Skeleton.scss'

/** Grey placeholder rows where a list is coming (instead of a spinner over an empty page). */
export function Skeleton({ rows = 3, label = '加载中' }: { rows?: number; label?: string }) {
  return (
    <View className='skeleton' role='status' aria-live='polite' aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='skeleton__item'>
          <View className='skeleton__line skeleton__line--title' />
          <View className='skeleton__line' />
        </View>
      ))}
    </View>
  )
}

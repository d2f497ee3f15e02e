import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './Section.scss'

interface Props {
  title?: string
  extra?: ReactNode
  className?: string
  flush?: boolean
  children?: ReactNode
}

/** A titled white card. `flush` drops the inner padding (for lists of rows). */
export function Section({ title, extra, className, flush, children }: Props) {
  return (
    <View className={`section ${className ?? ''}`}>
      {(title || extra) && (
        <View className='section__head'>
          {title && <Text className='section__title'>{title}</Text>}
          {extra}
        </View>
      )}
      <View className={`section__body ${flush ? 'section__body--flush' : ''}`}>{children}</View>
    </View>
  )
}

import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './ListItem.scss'

interface Props {
  title: ReactNode
  description?: ReactNode
  extra?: ReactNode
  /** Shows a chevron and makes the row tappable. */
  onClick?: () => void
  disabled?: boolean
  className?: string
}

/** One row of a list card. Disabled rows render their `extra` (e.g. a 即将上线 tag) and ignore taps. */
export function ListItem({ title, description, extra, onClick, disabled, className }: Props) {
  const tappable = !!onClick && !disabled
  return (
    <View
      className={`list-item ${tappable ? 'list-item--link' : ''} ${disabled ? 'list-item--disabled' : ''} ${className ?? ''}`}
      hoverClass={tappable ? 'list-item--pressed' : 'none'}
      role={tappable ? 'button' : undefined}
      aria-disabled={disabled ? 'true' : undefined}
      onClick={tappable ? onClick : undefined}
    >
      <View className='list-item__main'>
        <Text className='list-item__title'>{title}</Text>
        {description && <Text className='list-item__desc'>{description}</Text>}
      </View>
      {extra && <View className='list-item__extra'>{extra}</View>}
      {tappable && <View className='list-item__chevron' aria-hidden='true' />}
    </View>
  )
}

import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './Sheet.scss'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  children?: ReactNode
  /** Buttons pinned under the content. */
  footer?: ReactNode
}

/** A bottom sheet for small forms (a reason, a reply, a choice of person). */
export function Sheet({ open, title, onClose, children, footer }: Props) {
  if (!open) return null
  return (
    <View className='sheet' role='dialog' aria-modal='true' aria-label={title}>
      <View className='sheet__mask' catchMove onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <View className='sheet__close' role='button' aria-label='关闭' hoverClass='sheet__close--pressed' onClick={onClose}>
            <Text>×</Text>
          </View>
        </View>
        <View className='sheet__body'>{children}</View>
        {footer && <View className='sheet__footer'>{footer}</View>}
      </View>
    </View>
  )
}

import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './Sheet.scss'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  children?: ReactNode
  /** Buttons pinned under the content (when `confirm` does not say it). */
  footer?: ReactNode
  /** The usual footer: a way back (返回, or `cancelText`) and the one button that does it. */
  confirm?: SheetConfirm
}

export interface SheetConfirm {
  text: string
  onConfirm: () => void
  busy?: boolean
  danger?: boolean
  cancelText?: string
}

/** A bottom sheet for small forms (a reason, a reply, a choice of person). */
export function Sheet({ open, title, onClose, children, footer, confirm }: Props) {
  if (!open) return null
  const buttons = confirm ? <SheetFooter confirm={confirm} onClose={onClose} /> : footer
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
        {buttons && <View className='sheet__footer'>{buttons}</View>}
      </View>
    </View>
  )
}

function SheetFooter({ confirm, onClose }: { confirm: SheetConfirm; onClose: () => void }) {
  return (
    <>
      <Button fill='outline' onClick={onClose}>
        {confirm.cancelText ?? '返回'}
      </Button>
      <Button type={confirm.danger ? 'danger' : 'primary'} loading={!!confirm.busy} disabled={!!confirm.busy} onClick={confirm.onConfirm}>
        {confirm.text}
      </Button>
    </>
  )
}

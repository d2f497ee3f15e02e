import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './ActionBar.scss'

interface Props {
  /** What the toolbar is for (screen readers). */
  label: string
  children: ReactNode
  className?: string
}

/**
 * The fixed bottom bar of a form or a detail page: always in reach of the thumb, above the
 * phone's home indicator (env(safe-area-inset-bottom)), with a spacer so the page's last lines
 * can scroll out from under it. Buttons in it are at least 44 px high; give one of them the
 * primary style (the bar's main action) and the rest the plain one.
 */
export function ActionBar({ label, children, className }: Props) {
  return (
    <>
      <View className='action-bar__spacer' aria-hidden='true' />
      <View className={`action-bar ${className ?? ''}`} role='toolbar' aria-label={label}>
        {children}
      </View>
    </>
  )
}

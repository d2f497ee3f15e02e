import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import './Pill.scss'

export type PillTone = 'success' | 'warning' | 'danger' | 'neutral' | 'brand' | 'on-dark'

/** A small rounded status label. */
export function Pill({ tone = 'neutral', className, children }: { tone?: PillTone; className?: string; children?: ReactNode }) {
  return <Text className={`pill pill--${tone} ${className ?? ''}`}>{children}</Text>
}

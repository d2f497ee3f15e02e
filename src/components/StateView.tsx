import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Skeleton } from './Skeleton'
import './StateView.scss'

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state--loading' role='status' aria-live='polite'>
      <View className='state__spinner' />
      <Text className='state__text'>{text}</Text>
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error' role='alert'>
      <View className='state__mark state__mark--error'>!</View>
      <Text className='state__text'>{message}</Text>
      {onRetry && (
        <Button size='small' fill='outline' type='primary' className='state__action' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}

export function EmptyState({ text, hint, children }: { text: string; hint?: string; children?: ReactNode }) {
  return (
    <View className='state state--empty'>
      <View className='state__mark' />
      <Text className='state__text'>{text}</Text>
      {hint && <Text className='state__hint'>{hint}</Text>}
      {children}
    </View>
  )
}

interface StateViewProps {
  loading?: boolean
  error?: string | null
  onRetry?: () => void
  empty?: boolean
  emptyText?: string
  emptyHint?: string
  /** A list is coming: this many grey placeholder rows instead of a spinner. */
  skeleton?: number
  children?: ReactNode
}

/** Renders exactly one of: error, loading, empty, or the content. */
export function StateView({ loading, error, onRetry, empty, emptyText = '暂无内容', emptyHint, skeleton, children }: StateViewProps) {
  if (error) return <ErrorState message={error} onRetry={onRetry} />
  if (loading) return skeleton ? <Skeleton rows={skeleton} /> : <LoadingState />
  if (empty) return <EmptyState text={emptyText} hint={emptyHint} />
  return <>{children}</>
}

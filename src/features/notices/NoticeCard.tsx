import { View, Text } from '@tarojs/components'
import type { Notice } from './api'
import { rangeText, shortTime } from './format'
import { TypeTag } from './TypeTag'
import './Notices.scss'

interface Props {
  notice: Notice
  onClick: () => void
  /** Home: rows inside one card; list page: one card per notice. */
  compact?: boolean
}

/** One notice in a list: kind, title, unread dot, summary, the interruption window and when. */
export function NoticeCard({ notice: n, onClick, compact }: Props) {
  const unread = n.read === false
  return (
    <View
      className={`notice-card ${compact ? 'notice-card--compact' : ''} ${unread ? 'notice-card--unread' : ''}`}
      hoverClass='notice-card--pressed'
      role='button'
      aria-label={`${n.typeLabel}：${n.title}${unread ? '（未读）' : ''}`}
      onClick={onClick}
    >
      <View className='notice-card__head'>
        <TypeTag type={n.type} label={n.typeLabel} />
        <Text className='notice-card__title'>{n.title}</Text>
        {unread && <View className='notice-card__dot' aria-label='未读' />}
      </View>
      {/* An interruption says its times once, in the 时间 row below (its summary is made from them). */}
      {n.summary && n.summary !== n.title && !n.interruption && <Text className='notice-card__summary'>{n.summary}</Text>}
      {n.interruption && (
        <View className='notice-card__window'>
          <Text className='notice-card__window-key'>时间</Text>
          <Text className='notice-card__window-value'>{rangeText(n.interruption.startAt, n.interruption.endAt)}</Text>
        </View>
      )}
      <View className='notice-card__meta'>
        {n.pinned && <Text className='notice-card__pin'>置顶</Text>}
        {n.revised && <Text className='notice-card__revised'>已更新</Text>}
        <Text className='notice-card__scope'>{n.scopeLabel}</Text>
        <Text className='notice-card__time'>{n.publishedAt ? shortTime(n.publishedAt) : ''}</Text>
      </View>
    </View>
  )
}

import { Text } from '@tarojs/components'
import type { AnnouncementType } from '@/domain/announcements'
import { ANNOUNCEMENT_TYPE_LABELS } from '@/domain/announcements'
import { TYPE_TONE } from './format'
import './Notices.scss'

/** The kind of a notice as a coloured tag: 停水 red, 电梯停用 orange, 通知 green… */
export function TypeTag({ type, label, large }: { type: AnnouncementType; label?: string; large?: boolean }) {
  return <Text className={`notice-tag notice-tag--${TYPE_TONE[type]} ${large ? 'notice-tag--large' : ''}`}>{label ?? ANNOUNCEMENT_TYPE_LABELS[type]}</Text>
}

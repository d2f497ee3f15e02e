/** Display helpers for notices: Asia/Shanghai times and the colour of each kind. */
import type { AnnouncementType } from '@/domain/announcements'
import { beijing, formatDate as beijingDate } from '@/domain/time'

/** A Beijing wall clock for an instant (the one time module: `@/domain/time`). */
export const shanghai = beijing

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** "2026年11月28日" */
export const formatDate = (iso: string) => beijingDate(iso)

/** "11月28日（周六）09:00" */
export const formatDay = (iso: string) => {
  const t = shanghai(iso)
  return `${t.format('M月D日')}（${WEEKDAYS[t.day()]}）${t.format('HH:mm')}`
}

/** A short "when" for lists: today → "今天 09:42", this year → "11月28日", else "2025年3月1日". */
export function shortTime(iso: string, now: Date = new Date()): string {
  const t = shanghai(iso)
  const n = shanghai(now)
  if (t.format('YYYY-MM-DD') === n.format('YYYY-MM-DD')) return `今天 ${t.format('HH:mm')}`
  if (t.year() === n.year()) return t.format('M月D日')
  return t.format('YYYY年M月D日')
}

/** An interruption's window: "11月28日 19:00–23:00", or both days when it crosses midnight. */
export function rangeText(startIso: string, endIso: string): string {
  const s = shanghai(startIso)
  const e = shanghai(endIso)
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')) return `${s.format('M月D日 HH:mm')}–${e.format('HH:mm')}`
  return `${s.format('M月D日 HH:mm')} – ${e.format('M月D日 HH:mm')}`
}

/** Tag colour per kind: interruptions are warm (停水/停电/停气 red, 电梯/改造 orange). */
export const TYPE_TONE: Record<AnnouncementType, 'danger' | 'warning' | 'brand' | 'info' | 'event'> = {
  water: 'danger',
  power: 'danger',
  gas: 'danger',
  elevator: 'warning',
  renovation: 'warning',
  general: 'brand',
  reminder: 'info',
  event: 'event',
}

/** The heading a kind prints as: 停水 → 停水通知, 温馨提示 stays. */
export function typeHeading(label: string): string {
  return /(通知|提示|公告)$/.test(label) ? label : `${label}通知`
}

/** The mini-program path of a notice (share cards, subscribe messages, posters). */
export const noticePath = (announcementId: string) => `/pages/notice/index?id=${encodeURIComponent(announcementId)}`

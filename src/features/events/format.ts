import { beijing } from '@/domain/time'

/** 今天 15:00 / 明天 9:00 / 12月4日 16:00 — in 北京时间. */
export function dayTime(at: string, now: Date = new Date()): string {
  const d = beijing(at)
  const today = beijing(now).startOf('day')
  const diff = d.startOf('day').diff(today, 'day')
  const hm = d.format('H:mm')
  if (diff === 0) return `今天 ${hm}`
  if (diff === 1) return `明天 ${hm}`
  if (diff === -1) return `昨天 ${hm}`
  return d.year() === today.year() ? `${d.format('M月D日')} ${hm}` : `${d.format('YYYY年M月D日')} ${hm}`
}

/** 12月4日 9:00–11:00 (a second date when it runs past midnight). */
export function timeRange(start: string, end: string, now: Date = new Date()): string {
  const s = beijing(start)
  const e = beijing(end)
  const sameDay = s.format('YYYYMMDD') === e.format('YYYYMMDD')
  return `${dayTime(start, now)}–${sameDay ? e.format('H:mm') : dayTime(end, now)}`
}

/** Seats left as a resident reads them. */
export function seatsText(e: { seatsLeft: number; capacity: number; waitlisted: number }): string {
  if (e.seatsLeft > 0) return `剩余 ${e.seatsLeft}/${e.capacity} 个名额`
  return e.waitlisted > 0 ? `名额已满 · ${e.waitlisted} 户候补` : '名额已满 · 可候补'
}

export const PHASE_TONE: Record<string, 'success' | 'warning' | 'danger' | 'neutral' | 'brand'> = {
  draft: 'neutral',
  review: 'warning',
  upcoming: 'brand',
  ongoing: 'success',
  ended: 'neutral',
  closed: 'neutral',
  cancelled: 'danger',
}

export const eventPath = (eventId: string) => `/pages/event/index?id=${encodeURIComponent(eventId)}`

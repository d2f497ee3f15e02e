/** The preferred visit window for in-home repairs: a day and a part of it, in Asia/Shanghai. */
import { shanghai, shanghaiIso } from '@/features/tickets'

export type SlotKey = 'morning' | 'afternoon' | 'evening'
export interface Slot {
  value: SlotKey
  label: string
  start: string
  end: string
}

export const SLOTS: Slot[] = [
  { value: 'morning', label: '上午 9–12 点', start: '09:00', end: '12:00' },
  { value: 'afternoon', label: '下午 2–6 点', start: '14:00', end: '18:00' },
  { value: 'evening', label: '晚上 6–9 点', start: '18:00', end: '21:00' },
]

/** '' stands for "as soon as possible" (no window). */
export const ASAP = ''
const NAMES = ['今天', '明天', '后天']

/** The next 7 days as chip options, today first. */
export function windowDays(now: Date = new Date()): { value: string; label: string }[] {
  const today = shanghai(now).startOf('day')
  return Array.from({ length: 7 }, (_, i) => {
    const d = today.add(i, 'day')
    return { value: d.format('YYYY-MM-DD'), label: NAMES[i] ?? d.format('M/D ddd') }
  })
}

/** A slot that has already begun cannot be chosen. */
export const slotStarted = (date: string, slot: Slot, now: Date = new Date()) => new Date(shanghaiIso(date, slot.start)).getTime() <= now.getTime()

export function toWindow(date: string, slotKey: SlotKey): { start: string; end: string } {
  const slot = SLOTS.find((s) => s.value === slotKey)!
  return { start: shanghaiIso(date, slot.start), end: shanghaiIso(date, slot.end) }
}

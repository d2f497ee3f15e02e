/** Display helpers for tickets: Asia/Shanghai times, tones for statuses and deadlines. */
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import type { DeadlineView } from '@/domain/tickets/api'
import type { TicketStatus } from '@/domain/tickets/state-machine'
import type { PillTone } from '@/components/Pill'
import { beijing, formatShort } from '@/domain/time'

dayjs.locale('zh-cn')

/** A Beijing wall clock for an instant (the one time module: `@/domain/time`). */
export const shanghai = beijing

/** An ISO instant from a Shanghai wall-clock date ("2026-11-29") and time ("09:00"). */
export const shanghaiIso = (date: string, time: string) => `${date}T${time}:00+08:00`

/** The pill colour of each ticket status (its words: the view's `statusLabel`, from the domain). */
export const TICKET_STATUS_TONE: Record<TicketStatus, PillTone> = {
  pending: 'warning',
  assigned: 'warning',
  accepted: 'success',
  arrived: 'success',
  paused: 'neutral',
  resolved: 'brand',
  closed: 'neutral',
  cancelled: 'neutral',
}

export const DEADLINE_TONE: Record<DeadlineView['state'], PillTone> = {
  met: 'success',
  'met-late': 'warning',
  running: 'neutral',
  'due-soon': 'warning',
  overdue: 'danger',
}

/** What to say about a deadline: how long is left, or when it was met. */
export function deadlineText(d: DeadlineView): string {
  // `remaining` of a met timer says how it was met (按时响应 / 晚 12 分钟响应), from the domain.
  if (d.metAt) return `${d.remaining} · ${formatShort(d.metAt)}`
  return d.remaining
}

/** How a ticket came in (the timeline's 来电 / 来访). */
export const TICKET_CHANNEL_LABELS: Record<string, string> = { app: '小程序', phone: '来电', walk_in: '来访', system: '系统', staff: '员工发现' }

import type { SearchInput, SearchStatus } from '@/domain/tickets/api'
import type { TicketType } from '@/domain/tickets/catalog'
import { SEARCH_RANGE_MAX_DAYS, SEARCH_RANGE_REVERSED, SEARCH_RANGE_TOO_LONG } from '@/domain/limits-staff'

/** What the staff search narrows by (besides the text): the same fields as `tickets.search`. */
export interface TicketFilters {
  status: SearchStatus
  type?: TicketType
  category?: string
  building?: string
  /** 北京时间 days, inclusive. */
  from?: string
  to?: string
  /** A unit's history (from a ticket). */
  unitId?: string
  unitLabel?: string
}

export const NO_FILTERS: TicketFilters = { status: 'all' }

export const STATUS_OPTIONS: { value: SearchStatus; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '未完成' },
  { value: 'resolved', label: '待确认' },
  { value: 'closed', label: '已关闭' },
]

/** How many filters narrow the search (the 筛选 button's badge). */
export function activeCount(f: TicketFilters): number {
  return [f.status !== 'all', f.type, f.category, f.building, f.from || f.to, f.unitId].filter(Boolean).length
}

/** The date range's problem, with the schema's words (an impossible range is refused by the function too). */
export function rangeError(f: Pick<TicketFilters, 'from' | 'to'>): string | undefined {
  if (!f.from || !f.to) return undefined
  const days = (Date.parse(f.to) - Date.parse(f.from)) / 86400_000
  if (days < 0) return SEARCH_RANGE_REVERSED
  if (days + 1 > SEARCH_RANGE_MAX_DAYS) return SEARCH_RANGE_TOO_LONG
  return undefined
}

export function toSearchInput(q: string, f: TicketFilters, cursor?: string, pageSize = 20): SearchInput {
  const text = q.trim()
  return {
    pageSize,
    status: f.status,
    ...(text ? { q: text } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.building ? { building: f.building } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

export const MATCHED_BY: Record<string, string> = { no: '按工单号', phone: '按电话', unit: '按房屋', name: '按姓名' }

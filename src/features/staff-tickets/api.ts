/** Staff-only calls to the `tickets` function (kept out of the main package). */
import { callFunction } from '@/services/cloud'
import type { CallerMatch, Page, RoutingRule, SearchInput, SearchPage, StaffLoad, StaffQueue, TicketSummary } from '@/domain/tickets/api'
import type { Department, TicketType } from '@/domain/tickets/catalog'
import { FN, read, type Created, type TicketLocation } from '@/features/tickets'

export type Queue = StaffQueue
/** The tabs' numbers; 已关闭 and 全部 are not counted. */
export type QueueCounts = Record<Exclude<Queue, 'closed' | 'all'>, number>
export type DepartmentMember = StaffLoad
export type { SearchInput, SearchPage, CallerMatch }

export interface OnBehalfInput {
  type: TicketType
  category: string
  description: string
  location: TicketLocation
  contactName: string
  contactPhone: string
  channel: 'phone' | 'walk_in'
  clientRequestId: string
}

export const staffTicketsApi = {
  queueCounts: () => callFunction<QueueCounts>(FN, 'queueCounts', {}, read),
  listQueue: (params: { queue: Queue; pageSize?: number; cursor?: string }) => callFunction<Page<TicketSummary>>(FN, 'listQueue', params, read),
  departmentStaff: (department?: Department) => callFunction<DepartmentMember[]>(FN, 'departmentStaff', department ? { department } : {}, read),
  createOnBehalf: (input: OnBehalfInput) => callFunction<Created>(FN, 'createOnBehalf', input),
  getRouting: () => callFunction<{ rules: RoutingRule[] }>(FN, 'getRouting', {}, read),
  setRouting: (rules: RoutingRule[]) => callFunction<{ rules: RoutingRule[] }>(FN, 'setRouting', { rules }),
  search: (input: SearchInput) => callFunction<SearchPage>(FN, 'search', input, read),
  lookupCaller: (by: { phone: string } | { unitId: string }) => callFunction<CallerMatch[]>(FN, 'lookupCaller', by, read),
  getTicketSettings: () => callFunction<{ completionPhotoRequired: boolean }>(FN, 'getTicketSettings', {}, read),
  setTicketSettings: (completionPhotoRequired: boolean) => callFunction<{ completionPhotoRequired: boolean }>(FN, 'setTicketSettings', { completionPhotoRequired }),
}

/** Staff-only calls to the `tickets` function (kept out of the main package). */
import { callFunction } from '@/services/cloud'
import type { Page, RoutingRule, TicketSummary } from '@/domain/tickets/api'
import type { Department, TicketType } from '@/domain/tickets/catalog'
import type { StaffRole } from '@/domain/roles'
import { FN, read, type Created, type TicketLocation } from '@/features/tickets'

export type Queue = 'assigned' | 'pool' | 'owned' | 'dueSoon' | 'overdue' | 'open'
export type QueueCounts = Record<Queue, number>

export interface DepartmentMember {
  staffId: string
  name: string
  roles: StaffRole[]
  onDuty: boolean
}

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
}

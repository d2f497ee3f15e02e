import type { StaffRole } from '@/domain/roles'
import type { Queue } from './api'

export const QUEUES: { value: Queue; label: string }[] = [
  { value: 'assigned', label: '派给我' },
  { value: 'pool', label: '抢单池' },
  { value: 'owned', label: '我负责的' },
  { value: 'dueSoon', label: '即将超时' },
  { value: 'overdue', label: '已超时' },
  { value: 'open', label: '全部' },
]

export const EMPTY_QUEUE: Record<Queue, string> = {
  assigned: '没有派给你的工单',
  pool: '抢单池是空的',
  owned: '没有你负责跟进的工单',
  dueSoon: '没有即将超时的工单',
  overdue: '没有已超时的工单',
  open: '没有未完成的工单',
}

/** Hands-on roles start with their own work; desk and managers with the whole picture. */
export function defaultQueue(roles: StaffRole[]): Queue {
  return roles.includes('engineer') || roles.includes('security') ? 'assigned' : 'open'
}

/** The workbench badge: what an engineer could pick up now, or what is open for everyone else. */
export function workload(roles: StaffRole[], c: Record<Queue, number>): number {
  return defaultQueue(roles) === 'assigned' ? c.assigned + c.pool : c.open
}

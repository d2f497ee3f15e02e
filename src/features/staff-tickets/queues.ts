import type { StaffRole } from '@/domain/roles'
import type { Queue, QueueCounts } from './api'

export const QUEUES: { value: Queue; label: string }[] = [
  { value: 'assigned', label: '派给我' },
  { value: 'pool', label: '抢单池' },
  { value: 'owned', label: '我负责的' },
  { value: 'unassigned', label: '待派单' },
  { value: 'dueSoon', label: '即将超时' },
  { value: 'overdue', label: '已超时' },
  { value: 'open', label: '未完成' },
  { value: 'closed', label: '已关闭' },
  { value: 'all', label: '全部' },
]

/** Who dispatches sees 待派单; everyone else has no use for it. */
const DISPATCHERS: StaffRole[] = ['desk', 'supervisor', 'admin']
export function queuesFor(roles: StaffRole[]) {
  return QUEUES.filter((q) => q.value !== 'unassigned' || roles.some((r) => DISPATCHERS.includes(r)))
}

export const EMPTY_QUEUE: Record<Queue, string> = {
  assigned: '没有派给你的工单',
  pool: '抢单池是空的',
  owned: '没有你负责跟进的工单',
  unassigned: '没有等待派单的工单',
  dueSoon: '没有即将超时的工单',
  overdue: '没有已超时的工单',
  open: '没有未完成的工单',
  closed: '没有已关闭的工单',
  all: '还没有工单',
}

/** Hands-on roles start with their own work; desk and managers with the whole picture. */
export function defaultQueue(roles: StaffRole[]): Queue {
  return roles.includes('engineer') || roles.includes('security') ? 'assigned' : 'open'
}

/** The workbench badge: what an engineer could pick up now, or what is open for everyone else. */
export function workload(roles: StaffRole[], c: QueueCounts): number {
  return defaultQueue(roles) === 'assigned' ? c.assigned + c.pool : c.open
}

/** Tabs without a number (large, nothing to act on). */
export const UNCOUNTED: Queue[] = ['closed', 'all']

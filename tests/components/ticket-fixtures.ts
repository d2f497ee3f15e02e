/** Response fixtures in the shapes of the `tickets` contract (src/domain/tickets/api.ts). */
import type { DeadlineView, TicketDetail, TicketSummary, TimelineEntry } from '@/domain/tickets/api'
import { COMMUNITY } from './fixtures'

export function deadline(over: Partial<DeadlineView> = {}): DeadlineView {
  return { kind: 'accept', label: '响应', dueAt: '2026-11-28T01:42:00.000Z', state: 'running', remaining: '剩余 29 分', ...over }
}

export function entry(over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    at: '2026-11-28T01:12:00.000Z',
    action: 'created',
    label: '提交',
    actorName: '张伟',
    actorKind: 'resident',
    channel: 'app',
    text: '厨房水龙头一直滴水',
    visibility: 'public',
    ...over,
  }
}

export function summary(over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    ticketId: 't-1',
    no: 'BX-20261128-0001',
    type: 'repair',
    typeLabel: '报修',
    category: 'plumbing_electric',
    categoryLabel: '水电',
    emergency: false,
    status: 'pending',
    statusLabel: '待受理',
    locationLabel: '1栋1单元101',
    description: '厨房水龙头一直滴水',
    createdAt: '2026-11-28T01:12:00.000Z',
    nextDue: deadline(),
    ...over,
  }
}

export function detail(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...summary(),
    department: 'engineering',
    departmentLabel: '工程',
    contactName: '张伟',
    contactPhone: '13800000001',
    photoUrls: [],
    pool: true,
    channel: 'app',
    deadlines: [
      deadline(),
      deadline({ kind: 'arrive', label: '到场', dueAt: '2026-11-28T01:52:00.000Z', state: 'due-soon', remaining: '剩余 9 分' }),
      deadline({ kind: 'resolve', label: '完成', dueAt: '2026-11-29T01:12:00.000Z', state: 'overdue', remaining: '已超时 5 分' }),
    ],
    timeline: [entry(), entry({ at: '2026-11-28T01:20:00.000Z', action: 'grab', label: '抢单', actorName: '李强', actorKind: 'staff', text: '已抢单' })],
    actions: ['cancel', 'message'],
    hotline: COMMUNITY.hotline,
    ...over,
  }
}

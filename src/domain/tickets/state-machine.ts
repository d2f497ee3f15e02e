import type { StaffRole } from '../roles';
import { CATEGORY_BY_CODE, DEPARTMENT_ROLE, type Department, type TicketType } from './catalog';

/**
 * The one state machine of a ticket. Functions check every action against it; the client
 * uses the same rules to show only the buttons that will succeed.
 */
export const TICKET_STATUSES = ['pending', 'assigned', 'accepted', 'arrived', 'paused', 'resolved', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const STATUS_LABELS: Record<TicketStatus, string> = {
  pending: '待受理',
  assigned: '已派单',
  accepted: '处理中',
  arrived: '已到场',
  paused: '已暂停',
  resolved: '待确认',
  closed: '已完成',
  cancelled: '已取消',
};
export const OPEN_STATUSES: TicketStatus[] = ['pending', 'assigned', 'accepted', 'arrived', 'paused'];
/** The statuses in which a ticket's timers run (a paused ticket's timers stand still). */
export const TIMER_STATUSES: readonly TicketStatus[] = ['pending', 'assigned', 'accepted', 'arrived'];
export const timersRun = (status: TicketStatus): boolean => TIMER_STATUSES.includes(status);

export const TICKET_ACTIONS = [
  'accept',
  'grab',
  'dispatch',
  'transfer',
  'arrive',
  'consent',
  'note',
  'pause',
  'resume',
  'complete',
  'answer',
  'promise',
  'confirm',
  'reopen',
  'rate',
  'cancel',
  'message',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export const ACTION_LABELS: Record<TicketAction, string> = {
  accept: '接单',
  grab: '抢单',
  dispatch: '派单',
  transfer: '转派',
  arrive: '到场签到',
  consent: '记录入户同意',
  note: '进展备注',
  pause: '暂停',
  resume: '恢复处理',
  complete: '完工',
  answer: '答复',
  promise: '承诺答复时间',
  confirm: '确认完成',
  reopen: '重新处理',
  rate: '评价',
  cancel: '取消',
  message: '留言',
};

export interface TicketState {
  status: TicketStatus;
  type: TicketType;
  category: string;
  communityId: string;
  department: Department;
  unitId?: string | null;
  reporterOpenid: string;
  assigneeStaffId?: string | null;
  ownerStaffId?: string | null;
  pool?: boolean;
  rating?: number | null;
  consent?: unknown;
}

export type Actor = { kind: 'resident'; openid: string; unitIds: string[] } | { kind: 'staff'; staffId: string; communityId: string; roles: StaffRole[] };

const isStaffOf = (t: TicketState, a: Actor): a is Extract<Actor, { kind: 'staff' }> => a.kind === 'staff' && a.communityId === t.communityId;
const has = (a: Extract<Actor, { kind: 'staff' }>, ...roles: StaffRole[]) => roles.some((r) => a.roles.includes(r));
const inDepartment = (t: TicketState, a: Extract<Actor, { kind: 'staff' }>) => a.roles.includes(DEPARTMENT_ROLE[t.department]);

/** A resident may see a ticket they reported or one of their household's homes. */
export function residentCanSee(t: TicketState, a: Extract<Actor, { kind: 'resident' }>): boolean {
  return t.reporterOpenid === a.openid || (!!t.unitId && a.unitIds.includes(t.unitId));
}

/** Staff of the community see its tickets. */
export function canSee(t: TicketState, a: Actor): boolean {
  return a.kind === 'resident' ? residentCanSee(t, a) : isStaffOf(t, a);
}

/** Staff handling the ticket (assignee or first-contact owner) or supervising it. */
export function isHandling(t: TicketState, a: Actor): boolean {
  if (!isStaffOf(t, a)) return false;
  return a.staffId === t.assigneeStaffId || a.staffId === t.ownerStaffId || has(a, 'supervisor', 'admin');
}

/** A repair inside a home (an in-home category reported for a home): work there needs the resident's consent. */
export function isInHomeRepair(t: TicketState): boolean {
  return t.type === 'repair' && !!CATEGORY_BY_CODE.get(t.category)?.inHome && !!t.unitId;
}

/**
 * The consent rule (manual: 征得同意后方可进行维修): an in-home repair is marked done only after
 * the resident's consent — or their recorded refusal — is on the ticket.
 */
export function awaitsConsent(t: TicketState): boolean {
  return isInHomeRepair(t) && !t.consent;
}
export const CONSENT_REQUIRED = '入户维修需先征得住户同意（或记录住户拒绝入户）后，方可完工';

/** Whether `actor` may perform `action` on the ticket now. */
export function can(t: TicketState, a: Actor, action: TicketAction): boolean {
  const s = t.status;
  const open = OPEN_STATUSES.includes(s);
  const cat = CATEGORY_BY_CODE.get(t.category);
  if (a.kind === 'resident') {
    if (!residentCanSee(t, a)) return false;
    switch (action) {
      case 'message':
        return open || s === 'resolved';
      case 'confirm':
        return s === 'resolved';
      case 'reopen':
        return s === 'resolved';
      case 'rate':
        return s === 'closed' && (t.rating === null || t.rating === undefined);
      case 'cancel':
        return (s === 'pending' || s === 'assigned') && t.reporterOpenid === a.openid;
      default:
        return false;
    }
  }
  if (!isStaffOf(t, a)) return false;
  const assignee = a.staffId === t.assigneeStaffId;
  switch (action) {
    case 'accept':
      return s === 'assigned' && assignee;
    case 'grab':
      return s === 'pending' && !!t.pool && inDepartment(t, a);
    case 'dispatch':
      return (s === 'pending' || s === 'assigned') && has(a, 'desk', 'supervisor', 'admin');
    case 'transfer':
      return ['assigned', 'accepted', 'arrived', 'paused'].includes(s) && (assignee || a.staffId === t.ownerStaffId || has(a, 'supervisor'));
    case 'arrive':
      return s === 'accepted' && assignee && t.type === 'repair';
    case 'consent':
      return (s === 'accepted' || s === 'arrived') && assignee && isInHomeRepair(t) && !t.consent;
    case 'note':
      return (open || s === 'resolved') && (isHandling(t, a) || has(a, 'desk'));
    case 'pause':
      return (s === 'accepted' || s === 'arrived') && assignee;
    case 'resume':
      return s === 'paused' && (assignee || has(a, 'supervisor'));
    case 'complete':
      return (s === 'accepted' || s === 'arrived') && assignee && t.type !== 'consultation' && !awaitsConsent(t);
    case 'answer':
      return t.type === 'consultation' && ['pending', 'assigned', 'accepted'].includes(s) && (assignee || has(a, 'desk'));
    case 'promise':
      return t.type === 'consultation' && (s === 'assigned' || s === 'accepted') && assignee;
    case 'reopen':
      return (s === 'resolved' || s === 'closed') && has(a, 'supervisor');
    case 'cancel':
      return open && has(a, 'supervisor');
    default:
      return false;
  }
}

export function availableActions(t: TicketState, a: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((x) => can(t, a, x));
}

/** The status an action leads to (null: the status does not change). */
export function nextStatus(t: TicketState & { pausedFrom?: TicketStatus | null }, action: TicketAction): TicketStatus | null {
  switch (action) {
    case 'accept':
    case 'grab':
      return 'accepted';
    case 'dispatch':
    case 'transfer':
      return 'assigned';
    case 'arrive':
      return 'arrived';
    case 'pause':
      return 'paused';
    case 'resume':
      return t.pausedFrom ?? 'accepted';
    case 'complete':
    case 'answer':
      return 'resolved';
    case 'promise':
      return t.status === 'assigned' ? 'accepted' : null;
    case 'confirm':
      return 'closed';
    case 'reopen':
      return t.assigneeStaffId ? 'assigned' : 'pending';
    case 'cancel':
      return 'cancelled';
    default:
      return null;
  }
}

import { AppError } from '../../src/domain/errors';
import type { Department, TicketType } from '../../src/domain/tickets/catalog';
import { DEFAULT_SLA, type Deadline } from '../../src/domain/tickets/sla';
import { nextReminderAt, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { can, TICKET_STATUSES, type Actor, type TicketAction, type TicketState, type TicketStatus } from '../../src/domain/tickets/state-machine';
import type { Caller } from '../_lib/caller';

export interface TicketDoc extends TicketState {
  _id: string;
  no: string;
  type: TicketType;
  category: string;
  emergency: boolean;
  description: string;
  photos: string[];
  video?: string;
  location: { kind: 'home'; unitId: string; label: string } | { kind: 'public'; building?: string; floor?: string; area: string; label: string };
  unitId: string | null;
  contactName: string;
  contactPhone: string;
  window?: { start: Date; end: Date } | null;
  reporterOpenid: string;
  channel: 'app' | 'phone' | 'walk_in';
  department: Department;
  pool: boolean;
  grabDeadline: Date | null;
  assigneeStaffId: string | null;
  assigneeName: string | null;
  ownerStaffId: string | null;
  ownerName: string | null;
  status: TicketStatus;
  /** Derived from status (see `derived`): pending, assigned, accepted, arrived or paused. */
  open: boolean;
  pausedFrom: TicketStatus | null;
  pause: { reason: string; expectedAt: Date; at: Date } | null;
  deadlines: Deadline[];
  nextDueAt: Date | null;
  consent: { by: string; scope: string; at: Date; recordedBy: string } | null;
  rating: number | null;
  ratingComment: string;
  subscribed: string[];
  resolvedAt: Date | null;
  autoConfirmAt: Date | null;
  closedAt: Date | null;
  /** How many log entries the ticket has; each new entry takes the next number. */
  eventCount: number;
  /** When the reminders timer next has something to say about this ticket's timers. */
  nextReminderAt: Date | null;
  /** Set on resolution; the reminders timer turns it into a callback task. */
  callbackDue: boolean;
  resolutionCount: number;
  confirmReminderAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventDoc {
  ticketId: string;
  /** Order within the ticket's log (timestamps can tie). */
  seq: number;
  communityId: string;
  at: Date;
  action: string;
  actor: { kind: 'resident' | 'staff' | 'system'; id: string; name: string };
  channel: 'app' | 'phone' | 'walk_in' | 'system';
  visibility: 'public' | 'internal';
  text?: string;
  photos?: string[];
  meta?: Record<string, unknown>;
}

/** The earliest running timer: what "due soon" and "overdue" queues sort by. */
export function nextDue(deadlines: Deadline[], status: TicketStatus): Date | null {
  if (!['pending', 'assigned', 'accepted', 'arrived'].includes(status)) return null;
  const running = deadlines.filter((d) => !d.metAt).map((d) => new Date(d.dueAt).getTime());
  return running.length ? new Date(Math.min(...running)) : null;
}

/**
 * Everything derived from a ticket's status and timers, written together on every change:
 * `open` (indexed, so queues need no `status IN (…)` scan), the nearest due time, and when
 * the reminders timer next has something to say.
 */
export function derived(deadlines: Deadline[], status: TicketStatus) {
  return { status, open: OPEN.includes(status), nextDueAt: nextDue(deadlines, status), nextReminderAt: reminderAt(deadlines, status) };
}
const OPEN: TicketStatus[] = ['pending', 'assigned', 'accepted', 'arrived', 'paused'];

/** Reminders run only while a ticket is open; a paused ticket's timers stand still. */
export function reminderAt(deadlines: Deadline[], status: TicketStatus): Date | null {
  if (!['pending', 'assigned', 'accepted', 'arrived'].includes(status)) return null;
  return nextReminderAt(deadlines as StagedDeadline[], DEFAULT_SLA.warnBeforeMinutes);
}

/** The actor a caller acts as on this ticket: staff of its community first, else a resident. */
export function actorFor(caller: Caller, t: Pick<TicketState, 'communityId'>, action?: TicketAction, ticket?: TicketState): Actor {
  const staff: Actor | null =
    caller.staff && caller.staff.communityId === t.communityId
      ? { kind: 'staff', staffId: caller.staff._id, communityId: caller.staff.communityId, roles: [...caller.roles] }
      : null;
  const resident: Actor = { kind: 'resident', openid: caller.openid!, unitIds: caller.homes.map((h) => h.unitId) };
  if (staff && (!action || !ticket || can(ticket, staff, action))) return staff;
  if (staff && action && ticket && !can(ticket, resident, action)) return staff;
  return resident;
}

/** FORBIDDEN when the actor could never do this; CONFLICT when only the ticket's state forbids it. */
export function refuse(t: TicketState, a: Actor, action: TicketAction): AppError {
  const somewhere = TICKET_STATUSES.some((status) => can({ ...t, status, pool: true, rating: null, consent: null }, a, action));
  return somewhere ? new AppError('CONFLICT', '工单状态已变化，当前不能进行此操作，请刷新') : new AppError('FORBIDDEN');
}

export function actorName(caller: Caller, a: Actor): string {
  return a.kind === 'staff' ? caller.staff!.name : (caller.homes[0]?.name ?? '住户');
}

import type { Department, TicketType } from '../../src/domain/tickets/catalog';
import { DEFAULT_SLA, type Deadline } from '../../src/domain/tickets/sla';
import { nextReminderAt, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { urgencyOf, type Urgency } from '../../src/domain/tickets/urgency';
import { canSee, OPEN_STATUSES, timersRun, type Actor, type TicketState, type TicketStatus } from '../../src/domain/tickets/state-machine';
import type { Caller } from './caller';
import type { TimelineAction } from '../../src/domain/tickets/timeline';
import type { EventOutcome } from '../../src/domain/register';

/** The stored ticket, shared by every function that reads or writes tickets. */
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
  /** 'staff': found by staff (inspection, patrol, round). */
  channel: 'app' | 'phone' | 'walk_in' | 'staff';
  /** What the ticket came from (验房问题, 巡检异常, a notice …). */
  origin?: { kind: string; id: string; label: string } | null;
  announcementId?: string;
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
  /** Derived (see `derived` and `urgencyOf`): the order of the queues sorted most urgent first. Absent on tickets stored before it (the timer adds it). */
  urgency?: Urgency;
  consent: { by: string; scope: string; at: Date; recordedBy: string; refused?: boolean } | null;
  rating: number | null;
  ratingComment: string;
  subscribed: string[];
  resolvedAt: Date | null;
  autoConfirmAt: Date | null;
  closedAt: Date | null;
  /** How many log entries the ticket has; each new entry takes the next number. */
  eventCount: number;
  /** The attempt that opened it: its first entries carry the same mark (`isTicketEntry`). Absent on tickets opened before. */
  opening?: string;
  /** When the reminders timer next has something to say about this ticket's timers (or its pause). */
  nextReminderAt: Date | null;
  /** Set on resolution; the reminders timer turns it into a callback task. */
  callbackDue: boolean;
  /** Reported by someone without an approved home here (tickets.reportEmergency): the desk verifies them. */
  reporterUnverified?: boolean;
  resolutionCount: number;
  confirmReminderAt: Date | null;
  /** Recorded on completion (parts used, fee in yuan; no payment). */
  completion?: { parts?: string; fee?: number } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventDoc {
  ticketId: string;
  /** Order within the ticket's log (timestamps can tie). */
  seq: number;
  communityId: string;
  at: Date;
  /** One of the domain's timeline actions (labelled by `TIMELINE_LABELS`). */
  action: TimelineAction;
  actor: { kind: 'resident' | 'staff' | 'system'; id: string; name: string };
  channel: 'app' | 'phone' | 'walk_in' | 'staff' | 'system';
  visibility: 'public' | 'internal';
  text?: string;
  photos?: string[];
  meta?: Record<string, unknown>;
  /** A callback's result or a rating's stars, stored when the entry is written (the analysis reads it). */
  outcome?: EventOutcome;
  /** On a ticket's first entries: the attempt that wrote them (`isTicketEntry`). */
  opening?: string;
}

/** The earliest running timer: what "due soon" and "overdue" queues sort by. */
export function nextDue(deadlines: Deadline[], status: TicketStatus): Date | null {
  if (!timersRun(status)) return null;
  const running = deadlines.filter((d) => !d.metAt).map((d) => new Date(d.dueAt).getTime());
  return running.length ? new Date(Math.min(...running)) : null;
}

/**
 * Everything derived from a ticket's status and timers, written together on every change:
 * `open` (indexed, so queues need no `status IN (…)` scan), the nearest due time, its queue
 * order (`urgency`, as of `now`), and when the reminders timer next has something to say. A
 * paused ticket is watched at its expected resume time (once: the pause reminder is keyed).
 */
export function derived(deadlines: Deadline[], status: TicketStatus, at: { emergency: boolean; now: Date; pause?: { expectedAt: Date } | null }) {
  const nextDueAt = nextDue(deadlines, status);
  return {
    status,
    open: OPEN_STATUSES.includes(status),
    nextDueAt,
    urgency: urgencyOf({ nextDueAt, emergency: at.emergency }, at.now),
    nextReminderAt: reminderAt(deadlines, status, at.pause),
  };
}

/** Reminders run only while a ticket's timers run; a paused ticket is looked at when its expected resume time passes. */
export function reminderAt(deadlines: Deadline[], status: TicketStatus, pause?: { expectedAt: Date } | null): Date | null {
  if (status === 'paused') return pause?.expectedAt ? new Date(pause.expectedAt) : null;
  if (!timersRun(status)) return null;
  return nextReminderAt(deadlines as StagedDeadline[], DEFAULT_SLA.warnBeforeMinutes);
}

/** Every actor a caller may act as: staff of their community (if staff) and a resident of their homes. */
export function callerActors(caller: Caller): Actor[] {
  const resident: Actor = { kind: 'resident', openid: caller.openid ?? '', unitIds: caller.homes.map((h) => h.unitId) };
  return caller.staff ? [{ kind: 'staff', staffId: caller.staff._id, communityId: caller.staff.communityId, roles: [...caller.roles] }, resident] : [resident];
}

/** The domain's visibility rule (`canSee`), for a caller. */
export const callerCanSee = (caller: Caller, t: TicketState): boolean => callerActors(caller).some((a) => canSee(t, a));

import type { Deadline } from './sla';

/**
 * Reminder stages of a running timer: a warning before it is due, then a breach (which is
 * also escalated to the supervisor). Each stage happens once per due time: when a timer
 * moves (a pause, a promise), its stages start over.
 *
 * Reminder times are kept to the minute (rounded up): the timers run at each minute, so a
 * finer time changes nothing anyone sees, and timers due in the same minute then share one
 * write (the timer marks a whole batch of them with one update per minute).
 */
export type ReminderStage = 'warn' | 'breach';
export interface StagedDeadline extends Deadline {
  /** For each stage done, the due time it was done for (to the minute; older records hold the exact ms). */
  stages?: Partial<Record<ReminderStage, number>>;
}

const MINUTE = 60_000;
/** A time rounded up to the whole minute (ms): when the minute timer first sees it. */
export const toMinute = (ms: number): number => Math.ceil(ms / MINUTE) * MINUTE;

/** Whether a stage was done for this due time (a due time moved to another minute starts over). */
const done = (mark: number | undefined, due: number) => mark !== undefined && (mark === due || mark === toMinute(due));

export function dueStages(d: StagedDeadline, now: Date, warnMinutes: number): ReminderStage[] {
  if (d.metAt) return [];
  const due = new Date(d.dueAt).getTime();
  const out: ReminderStage[] = [];
  if (!done(d.stages?.warn, due) && now.getTime() >= due - warnMinutes * MINUTE) out.push('warn');
  if (!done(d.stages?.breach, due) && now.getTime() >= due) out.push('breach');
  return out;
}

/** When the next reminder of any running timer falls due, to the minute (null: none left). */
export function nextReminderAt(deadlines: StagedDeadline[], warnMinutes: number): Date | null {
  let next = Infinity;
  for (const d of deadlines) {
    if (d.metAt) continue;
    const due = new Date(d.dueAt).getTime();
    if (!done(d.stages?.warn, due)) next = Math.min(next, due - warnMinutes * MINUTE);
    else if (!done(d.stages?.breach, due)) next = Math.min(next, due);
  }
  return Number.isFinite(next) ? new Date(toMinute(next)) : null;
}

/** The marks for stages done now (due time to the minute), as the timer writes them. */
export function stageMarks(d: StagedDeadline, stages: ReminderStage[]): NonNullable<StagedDeadline['stages']> {
  const due = toMinute(new Date(d.dueAt).getTime());
  return Object.fromEntries(stages.map((s) => [s, due]));
}

export function markStages(d: StagedDeadline, stages: ReminderStage[]): StagedDeadline {
  return { ...d, stages: { ...(d.stages ?? {}), ...stageMarks(d, stages) } };
}

export const CALLBACK_POLICIES = ['always', 'skip-if-rated-4', 'never'] as const;
export type CallbackPolicy = (typeof CALLBACK_POLICIES)[number];
export const CALLBACK_POLICY_LABELS: Record<CallbackPolicy, string> = { always: '全部回访', 'skip-if-rated-4': '好评（4 星及以上）免回访', never: '不回访' };

/** Who makes the callback: the service desk's shared queue (the default) or the ticket's handler. */
export const CALLBACK_ASSIGNEES = ['desk', 'handler'] as const;
export type CallbackAssignee = (typeof CALLBACK_ASSIGNEES)[number];
export const CALLBACK_ASSIGNEE_LABELS: Record<CallbackAssignee, string> = { desk: '客服回访', handler: '处理人回访' };

export interface CallbackSettings {
  policy: Record<'repair' | 'complaint' | 'consultation', CallbackPolicy>;
  /** Who calls back (default: the desk; the engineer who did the work judging their own work is not a callback). */
  assignTo: CallbackAssignee;
  /** Hours after resolution the callback is due (the manual: within 24 h). */
  dueHours: number;
  /** Unreachable attempts before the callback closes as unreachable. */
  maxAttempts: number;
  /** Hours after resolution a resident is reminded to confirm. */
  confirmReminderHours: number;
}

export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = {
  policy: { repair: 'always', complaint: 'always', consultation: 'never' },
  assignTo: 'desk',
  dueHours: 24,
  maxAttempts: 3,
  confirmReminderHours: 24,
};

export const CALLBACK_STATUSES = ['open', 'done', 'skipped', 'unreachable'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = { open: '待回访', done: '已回访', skipped: '免回访', unreachable: '联系不上' };

/**
 * Who a new callback task is assigned to: null = the service desk's shared queue. With
 * `handler`, the ticket's first-contact owner, else whoever it was assigned to.
 */
export function callbackAssignee(assignTo: CallbackAssignee, t: { ownerStaffId?: string | null; assigneeStaffId?: string | null }): string | null {
  return assignTo === 'handler' ? (t.ownerStaffId ?? t.assigneeStaffId ?? null) : null;
}

/** Whether a resolved ticket needs a callback at all, given the policy and any rating so far. */
export function callbackNeeded(policy: CallbackPolicy, rating: number | null | undefined): boolean {
  if (policy === 'never') return false;
  if (policy === 'skip-if-rated-4') return !(rating !== null && rating !== undefined && rating >= 4);
  return true;
}

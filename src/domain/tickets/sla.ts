import type { TicketType } from './catalog';
import { addWorkingMinutes, type WorkClock } from './working-time';
import { durationWords } from '../time';

/**
 * Service levels: which timers a ticket runs and for how long. Defaults come from
 * shared/docs/service-levels.md; every number can be overridden per community.
 */
export const DEADLINE_KINDS = ['accept', 'arrive', 'resolve', 'reply'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_LABELS: Record<DeadlineKind, string> = { accept: '响应', arrive: '到场', resolve: '完成', reply: '答复' };

export type SlaMinutes = Partial<Record<DeadlineKind, number>>;
export interface SlaPolicy {
  emergency: SlaMinutes;
  /** Per-category overrides (e.g. elevator entrapment: arrive within 30 min). */
  categories: Record<string, SlaMinutes>;
  repair: SlaMinutes;
  complaint: SlaMinutes;
  consultation: SlaMinutes;
  warnBeforeMinutes: number;
  autoConfirmDays: number;
  /**
   * Ticket types whose (non-emergency) deadlines run on working time: the community's service
   * hours on China's working days (see working-time.ts). Absent or false: around the clock.
   * Emergencies always run 24×7.
   */
  workingTime?: Partial<Record<TicketType, boolean>>;
}

export const DEFAULT_SLA: SlaPolicy = {
  emergency: { accept: 5, arrive: 15, resolve: 4 * 60 },
  categories: { elevator_trapped: { arrive: 30 } },
  repair: { accept: 30, arrive: 40, resolve: 24 * 60 },
  complaint: { accept: 24 * 60, resolve: 3 * 24 * 60 },
  consultation: { reply: 24 * 60 },
  warnBeforeMinutes: 30,
  autoConfirmDays: 3,
};

export interface Deadline {
  kind: DeadlineKind;
  dueAt: Date;
  metAt?: Date | null;
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

export function minutesFor(policy: SlaPolicy, t: { type: TicketType; category: string; emergency: boolean }): SlaMinutes {
  const base = t.emergency ? policy.emergency : policy[t.type];
  return { ...base, ...(policy.categories[t.category] ?? {}) };
}

/**
 * When a timer of `minutes` started at `from` is due: on working time when the community runs
 * this type on it (and a calendar is at hand), else around the clock. Emergencies: always 24×7.
 */
export function dueAfter(from: Date, minutes: number, t: { type: TicketType; emergency: boolean }, policy: SlaPolicy, work?: WorkClock | null): Date {
  if (work && !t.emergency && policy.workingTime?.[t.type]) return addWorkingMinutes(from, minutes, work);
  return new Date(from.getTime() + minutes * 60_000);
}

/**
 * The timers a new ticket starts with. A repair in a window the resident chose is due on
 * site by the window's end, and done 24 h (by default) after the window opens.
 */
export function initialDeadlines(
  t: { type: TicketType; category: string; emergency: boolean; window?: TimeWindow | null },
  createdAt: Date,
  policy: SlaPolicy = DEFAULT_SLA,
  work?: WorkClock | null,
): Deadline[] {
  const m = minutesFor(policy, t);
  const at = (base: Date, minutes: number) => dueAfter(base, minutes, t, policy, work);
  const out: Deadline[] = [];
  const windowStart = t.window && !t.emergency && t.window.start > createdAt ? t.window.start : null;
  if (m.accept) out.push({ kind: 'accept', dueAt: at(createdAt, m.accept) });
  if (m.arrive && t.type === 'repair') out.push({ kind: 'arrive', dueAt: windowStart ? t.window!.end : at(createdAt, m.arrive) });
  if (m.resolve) out.push({ kind: 'resolve', dueAt: at(windowStart ?? createdAt, m.resolve) });
  if (m.reply && t.type === 'consultation') out.push({ kind: 'reply', dueAt: at(createdAt, m.reply) });
  return out;
}

/** Time spent paused does not count: every running timer moves on by the pause. */
export function shiftForPause(deadlines: Deadline[], pausedMs: number): Deadline[] {
  return deadlines.map((d) => (d.metAt ? d : { ...d, dueAt: new Date(new Date(d.dueAt).getTime() + pausedMs) }));
}

export function meet(deadlines: Deadline[], kinds: DeadlineKind[], at: Date): Deadline[] {
  return deadlines.map((d) => (kinds.includes(d.kind) && !d.metAt ? { ...d, metAt: at } : d));
}

/** Which timers an action stops. */
export function metBy(action: string): DeadlineKind[] {
  switch (action) {
    case 'accept':
    case 'grab':
      return ['accept'];
    case 'arrive':
      return ['arrive'];
    case 'complete':
      return ['arrive', 'resolve'];
    case 'answer':
      return ['accept', 'reply', 'resolve'];
    default:
      return [];
  }
}

/** A reopened ticket starts its resolve (or, for a consultation, reply) timer afresh from now. */
export function reopenDeadlines(
  t: { type: TicketType; category: string; emergency: boolean; deadlines: Deadline[] },
  now: Date,
  policy: SlaPolicy = DEFAULT_SLA,
  work?: WorkClock | null,
): Deadline[] {
  const m = minutesFor(policy, t);
  const kind: DeadlineKind = t.type === 'consultation' ? 'reply' : 'resolve';
  const minutes = m[kind] ?? 24 * 60;
  return [...t.deadlines.filter((d) => d.kind !== kind), { kind, dueAt: dueAfter(now, minutes, t, policy, work) }];
}

export type DeadlineState = 'met' | 'running' | 'due-soon' | 'overdue' | 'met-late';
export function deadlineState(d: Deadline, now: Date, warnBeforeMinutes = DEFAULT_SLA.warnBeforeMinutes): DeadlineState {
  const due = new Date(d.dueAt).getTime();
  if (d.metAt) return new Date(d.metAt).getTime() <= due ? 'met' : 'met-late';
  if (now.getTime() > due) return 'overdue';
  if (due - now.getTime() <= warnBeforeMinutes * 60_000) return 'due-soon';
  return 'running';
}

/** "剩余 1 小时 20 分钟" / "已超时 5 分钟" (never "0 分": under a minute reads 不到 1 分钟). */
export function remainingText(d: Deadline, now: Date): string {
  const diff = new Date(d.dueAt).getTime() - now.getTime();
  return diff >= 0 ? `剩余 ${durationWords(diff)}` : `已超时 ${durationWords(diff)}`;
}

/** A met timer in words: "按时响应", or how late it was met: "晚 12 分钟响应" (never 超时完成 for a late response). */
export function metText(d: Deadline): string {
  const verb = DEADLINE_LABELS[d.kind];
  if (!d.metAt) return '';
  const late = new Date(d.metAt).getTime() - new Date(d.dueAt).getTime();
  return late <= 0 ? `按时${verb}` : `晚 ${durationWords(late)}${verb}`;
}

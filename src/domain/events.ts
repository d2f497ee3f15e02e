/**
 * Community events (manual 1.4): the state machine, who may do what, the sign-up rules and the
 * waitlist. Pure rules and labels shared by the `events` function and the client (no zod here:
 * the client's 活动 tab imports this).
 */
import type { StaffRole } from './roles';

/** Stored statuses. `ongoing` and `ended` are phases of a published event, derived from the clock. */
export const EVENT_STATUSES = ['draft', 'review', 'published', 'cancelled', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventPhase = 'draft' | 'review' | 'upcoming' | 'ongoing' | 'ended' | 'closed' | 'cancelled';
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  draft: '草稿',
  review: '待审核',
  upcoming: '报名中',
  ongoing: '进行中',
  ended: '已结束',
  closed: '已总结',
  cancelled: '已取消',
};

export const AGE_GROUPS = ['child', 'teen', 'adult', 'senior'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = { child: '儿童', teen: '青少年', adult: '成年人', senior: '老年人' };

export const INTERESTS = ['sports', 'culture', 'parenting', 'health', 'volunteer', 'festival', 'craft', 'learning'] as const;
export type Interest = (typeof INTERESTS)[number];
export const INTEREST_LABELS: Record<Interest, string> = {
  sports: '运动健身',
  culture: '文化艺术',
  parenting: '亲子',
  health: '健康讲座',
  volunteer: '志愿公益',
  festival: '节日联欢',
  craft: '手工',
  learning: '学习分享',
};

/** Questions an organiser may add to the feedback form (each answered 1–5). */
export const FEEDBACK_QUESTIONS = {
  time: '活动时间安排是否合适',
  content: '活动内容是否有意思',
  organisation: '现场组织是否有序',
  safety: '安全措施是否到位',
  again: '是否愿意再次参加类似活动',
} as const;
export type FeedbackQuestion = keyof typeof FEEDBACK_QUESTIONS;

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已签到',
};

/** Staff who plan events; who review and publish; who check people in. */
export const EVENT_PLANNERS: readonly StaffRole[] = ['desk', 'supervisor', 'admin'];
export const EVENT_REVIEWERS: readonly StaffRole[] = ['supervisor', 'admin'];
export const EVENT_CHECKERS: readonly StaffRole[] = ['desk', 'security', 'supervisor', 'admin'];

/** Limits of a plan. */
export const EVENT_LIMITS = {
  capacityMax: 500,
  perHouseholdMax: 10,
  cutoffHoursMax: 14 * 24,
  reminderHours: 24,
  /** Check-in opens this long before the start and stays open until the end. */
  checkInBeforeMinutes: 60,
} as const;

export interface EventTimes {
  startAt: Date | string;
  endAt: Date | string;
  signUpOpensAt: Date | string;
  signUpClosesAt: Date | string;
  /** Hours before the start after which a resident can no longer cancel. */
  cancelCutoffHours: number;
}

const ms = (d: Date | string) => new Date(d).getTime();

export function phaseOf(e: { status: EventStatus; startAt: Date | string; endAt: Date | string }, now: Date): EventPhase {
  if (e.status !== 'published') return e.status;
  if (now.getTime() >= ms(e.endAt)) return 'ended';
  if (now.getTime() >= ms(e.startAt)) return 'ongoing';
  return 'upcoming';
}

export type EventAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'change'
  | 'cancelEvent'
  | 'registrations'
  | 'export'
  | 'checkIn'
  | 'note'
  | 'close'
  | 'summary'
  | 'signUp'
  | 'cancel'
  | 'checkInCode'
  | 'feedback';

export const EVENT_ACTION_LABELS: Record<EventAction, string> = {
  edit: '编辑',
  submit: '提交发布',
  approve: '审核通过',
  reject: '退回',
  change: '变更活动',
  cancelEvent: '取消活动',
  registrations: '报名名单',
  export: '导出 Excel',
  checkIn: '签到',
  note: '现场记录',
  close: '写总结',
  summary: '活动总结',
  signUp: '报名',
  cancel: '取消报名',
  checkInCode: '签到码',
  feedback: '评价活动',
};

/** What a staff member may do with an event in its current phase. */
export function staffActions(phase: EventPhase, roles: ReadonlySet<StaffRole> | readonly StaffRole[]): EventAction[] {
  const has = (list: readonly StaffRole[]) => [...roles].some((r) => list.includes(r));
  const out: EventAction[] = [];
  const plan = has(EVENT_PLANNERS);
  const review = has(EVENT_REVIEWERS);
  const check = has(EVENT_CHECKERS);
  if (phase === 'draft' && plan) out.push('edit', 'submit', 'cancelEvent');
  if (phase === 'review' && review) out.push('approve', 'reject');
  if (phase === 'upcoming' && plan) out.push('change', 'cancelEvent');
  if (['upcoming', 'ongoing', 'ended', 'closed'].includes(phase) && (plan || check)) out.push('registrations');
  if (['upcoming', 'ongoing', 'ended', 'closed'].includes(phase) && plan) out.push('export');
  if (['upcoming', 'ongoing'].includes(phase) && check) out.push('checkIn');
  if (['ongoing', 'ended'].includes(phase) && (plan || check)) out.push('note');
  if (phase === 'ended' && plan) out.push('close');
  if (['ended', 'closed'].includes(phase) && plan) out.push('summary');
  return out;
}

export interface MyRegistration {
  status: RegistrationStatus;
  /** Whether feedback was given already. */
  feedbackGiven?: boolean;
}

/** What a resident may do, given the event and their household's registration (if any). */
export function residentActions(e: EventTimes & { status: EventStatus }, mine: MyRegistration | null, now: Date): EventAction[] {
  const phase = phaseOf(e, now);
  const out: EventAction[] = [];
  const active = mine && (mine.status === 'confirmed' || mine.status === 'waitlisted');
  if (phase === 'upcoming' && !active && signUpRefusal(e, now) === null) out.push('signUp');
  if (phase === 'upcoming' && active && cancelRefusal(e, now) === null) out.push('cancel');
  if (mine && (mine.status === 'confirmed' || mine.status === 'attended') && (phase === 'upcoming' || phase === 'ongoing')) out.push('checkInCode');
  if (mine && (mine.status === 'attended' || mine.status === 'confirmed') && (phase === 'ended' || phase === 'closed') && !mine.feedbackGiven) out.push('feedback');
  return out;
}

/** Why signing up now is refused, or null when it is open. */
export function signUpRefusal(e: EventTimes & { status: EventStatus }, now: Date): string | null {
  if (e.status === 'cancelled') return '活动已取消';
  if (e.status !== 'published') return '活动尚未发布';
  const t = now.getTime();
  if (t >= ms(e.startAt)) return '活动已开始，不能报名';
  if (t < ms(e.signUpOpensAt)) return '报名尚未开始';
  if (t >= ms(e.signUpClosesAt)) return '报名已截止';
  return null;
}

/** The last moment a resident may cancel. */
export const cancelDeadline = (e: EventTimes) => new Date(ms(e.startAt) - e.cancelCutoffHours * 3600_000);

/** Why cancelling now is refused, or null. */
export function cancelRefusal(e: EventTimes, now: Date): string | null {
  if (now.getTime() >= cancelDeadline(e).getTime()) {
    return e.cancelCutoffHours > 0 ? `活动开始前 ${e.cancelCutoffHours} 小时内不能取消报名，如有变化请联系物业` : '活动已开始，不能取消报名';
  }
  return null;
}

/** The plan's time rules, checked once for create and change. */
export function planRefusal(p: EventTimes & { capacity: number; perHousehold: number; membersCount: boolean }): string | null {
  if (ms(p.endAt) <= ms(p.startAt)) return '结束时间需晚于开始时间';
  if (ms(p.signUpClosesAt) <= ms(p.signUpOpensAt)) return '报名截止时间需晚于报名开始时间';
  if (ms(p.signUpClosesAt) > ms(p.startAt)) return '报名截止时间不能晚于活动开始时间';
  if (p.membersCount && p.perHousehold > p.capacity) return '每户可报人数不能超过活动名额';
  return null;
}

/** Seats a registration takes: each person when household members count, one per household otherwise. */
export const seatsFor = (people: number, membersCount: boolean) => (membersCount ? people : 1);

export interface WaitEntry {
  id: string;
  seats: number;
}

/**
 * Who comes off the waitlist when seats free: strictly in order — the head is promoted while it
 * fits; a head that does not fit waits (nobody behind it jumps the queue).
 */
export function promote(capacity: number, taken: number, waitlist: readonly WaitEntry[]): { promoted: WaitEntry[]; rest: WaitEntry[]; taken: number } {
  const promoted: WaitEntry[] = [];
  let i = 0;
  while (i < waitlist.length && taken + waitlist[i]!.seats <= capacity) {
    taken += waitlist[i]!.seats;
    promoted.push(waitlist[i]!);
    i++;
  }
  return { promoted, rest: waitlist.slice(i), taken };
}

/** Whether a new request is confirmed: only when it fits and nobody waits ahead of it. */
export const fitsNow = (capacity: number, taken: number, waiting: number, seats: number) => waiting === 0 && taken + seats <= capacity;

/** Recommendation score of an event for a household's age groups and interests (higher first). */
export function recommendScore(
  e: { ageGroups: readonly string[]; interests: readonly string[] },
  profile: { ageGroups: readonly string[]; interests: readonly string[] } | null,
): number {
  if (!profile) return 0;
  const a = e.ageGroups.filter((g) => profile.ageGroups.includes(g)).length;
  const i = e.interests.filter((g) => profile.interests.includes(g)).length;
  return a * 2 + i * 3;
}

/** Time of day bands for the cross-event analysis (北京时间 hours). */
export function timeBand(beijingHour: number): 'morning' | 'afternoon' | 'evening' {
  return beijingHour < 12 ? 'morning' : beijingHour < 18 ? 'afternoon' : 'evening';
}
export const TIME_BAND_LABELS = { morning: '上午', afternoon: '下午', evening: '晚上' } as const;
export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

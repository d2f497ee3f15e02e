import { beijing } from '../time';
import { CATEGORY_BY_CODE, TICKET_TYPES, type TicketType } from '../tickets/catalog';
import { DEFAULT_SLA, metBy, minutesFor, type DeadlineKind, type SlaPolicy } from '../tickets/sla';
import type { StaffRole } from '../roles';

/**
 * The communication register (客户沟通记录表) and its service analysis: what a contact is,
 * how a ticket's log folds into the aggregates, and the inputs of the `register` function.
 * Pure: the projection timer, the backfill and the tests all fold with these functions.
 */

export const CONTACT_TYPES = [...TICKET_TYPES, 'inquiry', 'suggestion', 'praise'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export const CONTACT_TYPE_LABELS: Record<ContactType, string> = {
  repair: '报修',
  complaint: '投诉',
  consultation: '咨询',
  inquiry: '当场答复的咨询',
  suggestion: '建议',
  praise: '表扬',
};
export const CHANNELS = ['phone', 'visit', 'app', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { phone: '电话', visit: '来访', app: '小程序', wechat: '微信群' };
export const OUTCOMES = [
  'accepted',
  'answered',
  'promised',
  'resolved',
  'confirmed',
  'satisfied',
  'unsatisfied',
  'unreachable',
  'reopened',
  'rated',
  'cancelled',
  'recorded',
  'message',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: '已受理',
  answered: '已答复',
  promised: '已承诺答复时间',
  resolved: '已完工',
  confirmed: '已确认完成',
  satisfied: '回访满意',
  unsatisfied: '回访不满意',
  unreachable: '回访未联系上',
  reopened: '重新处理',
  rated: '已评价',
  cancelled: '已取消',
  recorded: '已记录',
  message: '留言沟通',
};
/** Log actions that are contacts with the customer (the rest are internal steps, still folded into the analysis). */
const CONTACT_OUTCOME: Record<string, Outcome> = {
  created: 'accepted',
  logged: 'accepted',
  message: 'message',
  answer: 'answered',
  promise: 'promised',
  complete: 'resolved',
  confirm: 'confirmed',
  'auto-confirm': 'confirmed',
  reopen: 'reopened',
  rate: 'rated',
  cancel: 'cancelled',
};
/** Roles that read residents' phone numbers in the register and its exports; everyone else sees them masked. */
export const PHONE_ROLES: StaffRole[] = ['desk', 'supervisor', 'admin'];
export const REGISTER_ROLES: StaffRole[] = ['desk', 'engineer', 'security', 'supervisor', 'admin'];
export const ANALYSIS_ROLES: StaffRole[] = ['supervisor', 'admin'];
/** Service-grade targets (service-levels.md): satisfaction and callback completion. */
export const GRADE_TARGETS = { grade1: 0.8, grade2: 0.75, grade3: 0.7 } as const;
export const REPEAT_WINDOW_DAYS = 30;

export const maskPhone = (p: string) => (p && p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p ? '****' : '');

// ---------------------------------------------------------------- periods (北京时间)

export type PeriodKind = 'week' | 'month';
/**
 * Period keys by Beijing calendar day: folds and backfills ask for millions of them, and formatting
 * through the time zone costs tens of microseconds each. China keeps +08:00 (no daylight saving
 * since 1991), so the day number below is the Beijing day; each day's keys are computed once.
 */
const periodCache = new Map<string, string>();
/** `M2026-11` or `W2026-11-30` (the Monday the Beijing week starts on). */
export function periodKey(kind: PeriodKind, at: Date | number | string): string {
  const ms = at instanceof Date ? at.getTime() : new Date(at).getTime();
  const cacheKey = `${kind}${Math.floor((ms + 8 * 3600_000) / 86400_000)}`;
  let key = periodCache.get(cacheKey);
  if (key === undefined) {
    if (periodCache.size > 20_000) periodCache.clear();
    key = periodKeyOf(kind, at);
    periodCache.set(cacheKey, key);
  }
  return key;
}
function periodKeyOf(kind: PeriodKind, at: Date | number | string): string {
  const d = beijing(at);
  if (kind === 'month') return `M${d.format('YYYY-MM')}`;
  const monday = d.subtract((d.day() + 6) % 7, 'day');
  return `W${monday.format('YYYY-MM-DD')}`;
}
export function previousPeriod(key: string): string {
  if (key.startsWith('M'))
    return `M${beijing(`${key.slice(1)}-15T12:00:00+08:00`)
      .subtract(1, 'month')
      .format('YYYY-MM')}`;
  return `W${beijing(`${key.slice(1)}T12:00:00+08:00`)
    .subtract(7, 'day')
    .format('YYYY-MM-DD')}`;
}
export function periodLabel(key: string): string {
  if (key.startsWith('M')) return `${key.slice(1, 5)}年${Number(key.slice(6, 8))}月`;
  const start = beijing(`${key.slice(1)}T12:00:00+08:00`);
  return `${start.format('M月D日')}–${start.add(6, 'day').format('M月D日')}`;
}
export const PERIOD_KEY_RE = /^(M\d{4}-(0[1-9]|1[0-2])|W\d{4}-\d{2}-\d{2})$/;

// ---------------------------------------------------------------- the fold

/** What a callback attempt came to. */
export const CALLBACK_RESULTS = ['satisfied', 'unsatisfied', 'unreachable'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];
/**
 * The structured outcome a log entry carries from the moment it is written (the analysis reads
 * this, never the entry's text): a callback's result, or a rating's stars.
 */
export type EventOutcome = { kind: 'callback'; result: CallbackResult } | { kind: 'rating'; stars: number };

/**
 * The outcome of a log entry written before entries carried one, read from its text as the old
 * writers worded it ("电话回访：不满意…", "…回访未联系上…", "评价 4 星…"). Only the backfill uses it,
 * to store the field on old entries; null when the entry has no outcome (or none can be read).
 */
export function legacyOutcome(action: string, text = ''): EventOutcome | null {
  if (action === 'callback') return { kind: 'callback', result: text.includes('未联系上') ? 'unreachable' : text.includes('不满意') ? 'unsatisfied' : 'satisfied' };
  if (action === 'rate') {
    const stars = Number(/(\d)\s*星/.exec(text)?.[1] ?? 0);
    return stars ? { kind: 'rating', stars } : null;
  }
  return null;
}

export interface RawEvent {
  _id: string;
  ticketId: string;
  seq: number;
  communityId: string;
  at: Date;
  action: string;
  actor: { kind: 'resident' | 'staff' | 'system'; id: string; name: string };
  channel: 'app' | 'phone' | 'walk_in' | 'system';
  text?: string;
  /** Absent on entries written before outcomes were stored; null once the backfill found none in the text. */
  outcome?: EventOutcome | null;
  /** On a ticket's first entries: the attempt that wrote them (tickets/timeline `isTicketEntry`). */
  opening?: string;
}
/** What the register needs of a ticket (its facts do not change after creation). */
export interface TicketFacts {
  ticketId: string;
  no: string;
  type: TicketType;
  category: string;
  emergency: boolean;
  department: string;
  building: string;
  unitId: string | null;
  contactName: string;
  contactPhone: string;
  createdAt: Date;
  /** The attempt that opened it (tickets/timeline `isTicketEntry`). */
  opening?: string;
}
/** Per-ticket progress the fold carries from event to event (rebuilt from the log on every run). */
export interface TicketProgress {
  _id: string;
  communityId: string;
  unitId: string | null;
  category: string;
  createdAt: Date;
  met: Partial<Record<DeadlineKind, boolean>>;
}
export interface RegisterEntry {
  _id: string;
  sk: string;
  communityId: string;
  at: Date;
  source: 'ticket' | 'callback' | 'desk';
  action: string;
  type: ContactType;
  category: string;
  building: string;
  unitId: string | null;
  department: string;
  channel: Channel;
  who: string;
  phone: string;
  text: string;
  outcome: Outcome;
  staffId: string | null;
  staffName: string;
  ownerStaffId: string | null;
  ownerName: string;
  ticketId: string | null;
  ticketNo: string;
  open: boolean;
}
/** One counter to add, in the buckets of one time and the given dimensions. */
export interface Contribution {
  at: Date;
  dims: Dim[];
  path: string;
  inc: number;
}
export type Dim = { dim: 'community'; key: 'all' } | { dim: 'building' | 'department' | 'person'; key: string; label: string };

export const sortKey = (at: Date, id: string) => `${String(at.getTime()).padStart(14, '0')}~${id}`;

const channelOf = (c: RawEvent['channel']): Channel => (c === 'phone' ? 'phone' : c === 'walk_in' ? 'visit' : 'app');

/** A callback entry's result as stored with it (an old entry the backfill has not reached yet has none). */
const callbackResult = (ev: RawEvent): CallbackResult | null => (ev.outcome?.kind === 'callback' ? ev.outcome.result : null);

/**
 * Folds one log entry of a ticket: the register entry it makes (contacts only), the counters it
 * adds, and the ticket's progress after it. `repeat` says whether the ticket (on its creation)
 * repeats one of the same unit and category within 30 days.
 */
export function foldEvent(
  ev: RawEvent,
  t: TicketFacts,
  progress: TicketProgress | null,
  ctx: { repeat: boolean; open: boolean; owner: { id: string | null; name: string }; policy?: SlaPolicy },
): { entry: RegisterEntry | null; contributions: Contribution[]; progress: TicketProgress } {
  const policy = ctx.policy ?? DEFAULT_SLA;
  const p: TicketProgress = progress
    ? { ...progress, met: { ...progress.met } }
    : { _id: t.ticketId, communityId: ev.communityId, unitId: t.unitId, category: t.category, createdAt: t.createdAt, met: {} };
  const staff = ev.actor.kind === 'staff' ? ev.actor : null;
  const base: Dim[] = [
    { dim: 'community', key: 'all' },
    ...(t.building ? [{ dim: 'building' as const, key: t.building, label: t.building }] : []),
    { dim: 'department', key: t.department, label: t.department },
  ];
  const withPerson = (id: string | null, name: string): Dim[] => (id ? [...base, { dim: 'person', key: id, label: name }] : base);
  const out: Contribution[] = [];
  const add = (path: string, inc: number, dims: Dim[] = withPerson(staff?.id ?? null, staff?.name ?? '')) => out.push({ at: ev.at, dims, path, inc });

  if (ev.action === 'created' || ev.action === 'logged') {
    const owner = ev.action === 'logged' ? withPerson(ev.actor.id, ev.actor.name) : base;
    add('tickets', 1, owner);
    add(`type.${t.type}`, 1, owner);
    add(`category.${t.category}`, 1, owner);
    if (ctx.repeat) add('repeat', 1, owner);
  }
  const m = minutesFor(policy, t);
  for (const kind of metBy(ev.action)) {
    if (p.met[kind] || !m[kind]) continue;
    if (kind === 'arrive' && t.type !== 'repair') continue;
    if (kind === 'reply' && t.type !== 'consultation') continue;
    p.met[kind] = true;
    const ms = ev.at.getTime() - t.createdAt.getTime();
    add(`${kind}.n`, 1);
    add(`${kind}.ms`, ms);
    if (ms <= m[kind]! * 60_000) add(`${kind}.onTime`, 1);
  }
  if (ev.action === 'complete' || ev.action === 'answer') add('resolved', 1);
  if (ev.action === 'reopen') {
    add('reopens', 1);
    p.met = { ...p.met, resolve: false, reply: false };
  }
  if (ev.action === 'callback') {
    const o = callbackResult(ev);
    add('callback.attempts', 1);
    if (o && o !== 'unreachable') add('callback.done', 1);
    if (o === 'satisfied') add('callback.satisfied', 1);
  }
  if (ev.action === 'rate') {
    const stars = ev.outcome?.kind === 'rating' ? ev.outcome.stars : 0;
    if (stars) {
      add('rating.n', 1);
      add('rating.sum', stars);
      if (stars >= 4) add('rating.good', 1);
    }
  }

  const outcome = ev.action === 'callback' ? (callbackResult(ev) ?? 'recorded') : CONTACT_OUTCOME[ev.action];
  let entry: RegisterEntry | null = null;
  if (outcome && ev.actor.kind !== 'system') {
    const channel = channelOf(ev.channel);
    add('contacts', 1);
    add(`channel.${channel}`, 1);
    const resident = ev.actor.kind === 'resident';
    entry = {
      _id: `ev-${ev._id}`,
      sk: sortKey(ev.at, `ev-${ev._id}`),
      communityId: ev.communityId,
      at: ev.at,
      source: ev.action === 'callback' ? 'callback' : 'ticket',
      action: ev.action,
      type: t.type,
      category: t.category,
      building: t.building,
      unitId: t.unitId,
      department: t.department,
      channel,
      who: resident ? ev.actor.name || t.contactName : t.contactName,
      phone: t.contactPhone,
      text: (ev.text ?? '').slice(0, 500),
      outcome,
      staffId: staff?.id ?? null,
      staffName: staff?.name ?? '',
      ownerStaffId: ctx.owner.id,
      ownerName: ctx.owner.name,
      ticketId: t.ticketId,
      ticketNo: t.no,
      open: ctx.open,
    };
  }
  return { entry, contributions: out, progress: p };
}

/** A desk-logged contact (no ticket): its entry and counters. */
export function foldDeskLog(e: RegisterEntry): Contribution[] {
  const dims: Dim[] = [
    { dim: 'community', key: 'all' },
    ...(e.building ? [{ dim: 'building' as const, key: e.building, label: e.building }] : []),
    { dim: 'department', key: 'desk', label: 'desk' },
  ];
  if (e.staffId) dims.push({ dim: 'person', key: e.staffId, label: e.staffName });
  return [
    { at: e.at, dims, path: 'contacts', inc: 1 },
    { at: e.at, dims, path: `channel.${e.channel}`, inc: 1 },
    { at: e.at, dims, path: `type.${e.type}`, inc: 1 },
    ...(e.category ? [{ at: e.at, dims, path: `category.${e.category}`, inc: 1 }] : []),
  ];
}

export type Counters = Record<string, number>;
export const statId = (communityId: string, period: string, d: Dim) => `${communityId}:${period}:${d.dim}:${d.key}`;

/** Adds contributions into bucket documents keyed by `statId` (counters are flat dotted paths). */
export function accumulate(
  communityId: string,
  contributions: Contribution[],
  into = new Map<string, { dim: string; key: string; label: string; period: string; counts: Counters }>(),
) {
  for (const c of contributions) {
    for (const kind of ['week', 'month'] as const) {
      const period = periodKey(kind, c.at);
      for (const d of c.dims) {
        const id = statId(communityId, period, d);
        let s = into.get(id);
        if (!s) into.set(id, (s = { dim: d.dim, key: d.key, label: 'label' in d ? d.label : '全小区', period, counts: {} }));
        s.counts[c.path] = (s.counts[c.path] ?? 0) + c.inc;
      }
    }
  }
  return into;
}

// ---------------------------------------------------------------- what a reader sees

export interface AnalysisRow {
  key: string;
  label: string;
  contacts: number;
  tickets: number;
  onTime: { accept: number | null; arrive: number | null; resolve: number | null; reply: number | null };
  avgMinutes: { accept: number | null; arrive: number | null; resolve: number | null };
  callbackCompletion: number | null;
  satisfaction: number | null;
  reopenRate: number | null;
  repeat: number;
}
const ratio = (a = 0, b = 0) => (b ? a / b : null);
export function analysisRow(key: string, label: string, c: Counters): AnalysisRow {
  const avg = (k: string) => (c[`${k}.n`] ? Math.round(c[`${k}.ms`] / c[`${k}.n`] / 60_000) : null);
  return {
    key,
    label,
    contacts: c.contacts ?? 0,
    tickets: c.tickets ?? 0,
    onTime: {
      accept: ratio(c['accept.onTime'], c['accept.n']),
      arrive: ratio(c['arrive.onTime'], c['arrive.n']),
      resolve: ratio(c['resolve.onTime'], c['resolve.n']),
      reply: ratio(c['reply.onTime'], c['reply.n']),
    },
    avgMinutes: { accept: avg('accept'), arrive: avg('arrive'), resolve: avg('resolve') },
    callbackCompletion: ratio(c['callback.done'], c.resolved),
    satisfaction: ratio(c['callback.satisfied'], c['callback.done']),
    reopenRate: ratio(c.reopens, c.resolved),
    repeat: c.repeat ?? 0,
  };
}
/** Which grade a rate reaches (1 best), or null below grade 3. */
export const gradeOf = (r: number | null) => (r === null ? null : r >= GRADE_TARGETS.grade1 ? 1 : r >= GRADE_TARGETS.grade2 ? 2 : r >= GRADE_TARGETS.grade3 ? 3 : 0);
export const sliceOf = (c: Counters, prefix: string) =>
  Object.entries(c)
    .filter(([k]) => k.startsWith(`${prefix}.`))
    .map(([k, n]) => ({ key: k.slice(prefix.length + 1), n }))
    .sort((a, b) => b.n - a.n);
export const categoryLabel = (code: string) => CATEGORY_BY_CODE.get(code)?.label ?? (code in CONTACT_TYPE_LABELS ? CONTACT_TYPE_LABELS[code as ContactType] : code || '—');

/** Day bounds (北京时间) of the filters as instants. */
export function dayBounds(f: { from?: string; to?: string }): { from?: Date; to?: Date } {
  return {
    ...(f.from ? { from: new Date(`${f.from}T00:00:00+08:00`) } : {}),
    ...(f.to ? { to: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86400_000) } : {}),
  };
}
export const DEPARTMENT_NAMES: Record<string, string> = { desk: '客服', engineering: '工程', security: '秩序' };

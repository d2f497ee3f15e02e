/**
 * Facilities (manual 2.1): asset systems, inspection schedules, checklist readings, preventive
 * maintenance intervals and compliance. Pure rules, decided once; every calendar computation is in
 * 北京时间 (China has one zone and no daylight saving, so a fixed +08:00 is exact).
 */

export const SYSTEMS = {
  power: '供配电',
  water: '给排水',
  fire: '消防',
  elevator: '电梯',
  lighting: '公共照明',
  access: '门禁',
  cctv: '监控',
  playground: '游乐设施',
} as const;
export type BuiltinSystem = keyof typeof SYSTEMS;
export const SYSTEM_CODES = Object.keys(SYSTEMS) as [BuiltinSystem, ...BuiltinSystem[]];

/** The ticket category a fault of each system is filed under (src/domain/tickets/catalog.ts). */
export const SYSTEM_TICKET_CATEGORY: Record<string, string> = {
  elevator: 'elevator',
  lighting: 'public_lighting',
  access: 'access_control',
  power: 'repair_other',
  water: 'repair_other',
  fire: 'repair_other',
  cctv: 'repair_other',
  playground: 'repair_other',
};
export const ticketCategoryOf = (system: string) => SYSTEM_TICKET_CATEGORY[system] ?? 'repair_other';

/** Preventive-maintenance task kinds (manufacturer's advice). */
export const MAINTENANCE_TASKS = { clean: '清洁', lubricate: '润滑', tighten: '紧固', adjust: '调整', replace: '更换易损件' } as const;
export type MaintenanceTask = keyof typeof MAINTENANCE_TASKS;

const MIN = 60_000;
const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
const BJ = 8 * HOUR;

/** "HH:mm" → minutes since midnight. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Midnight (北京时间) of the Beijing day containing `t`, as an instant (ms). */
export const beijingMidnight = (t: number) => Math.floor((t + BJ) / DAY) * DAY - BJ;
/** Beijing calendar parts of an instant. */
export function beijingParts(t: number) {
  const d = new Date(t + BJ);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: d.getUTCDay() || 7 };
}
/** The instant of a Beijing wall-clock time. */
export const beijingInstant = (y: number, m: number, d: number, minutes = 0) => Date.UTC(y, m - 1, d) - BJ + minutes * MIN;
/** "2026-12-02": the Beijing date of an instant. */
export function beijingDate(t: number) {
  const p = beijingParts(t);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}
/** A "YYYY-MM-DD" Beijing date → its midnight instant. */
export const dateInstant = (date: string) => beijingInstant(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

// ---------------------------------------------------------------------------------------------
// Inspection schedules
// ---------------------------------------------------------------------------------------------

export type RoundSchedule =
  /** Every N hours within a daily window, e.g. every 2 h from 08:00 to 22:00 (key public areas). */
  | { kind: 'hourly'; everyHours: number; from: string; to: string }
  /** Daily at a time; the round's window is the given hours. */
  | { kind: 'daily'; at: string; windowHours: number }
  /** Weekly on a weekday (1 = Monday … 7 = Sunday). */
  | { kind: 'weekly'; weekday: number; at: string; windowHours: number }
  /** Monthly on a day (1–28, so every month has it). */
  | { kind: 'monthly'; day: number; at: string; windowHours: number };

export const SCHEDULE_LABELS = { hourly: '每 N 小时', daily: '每天', weekly: '每周', monthly: '每月' } as const;
const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

/** A schedule people read: "每 2 小时（08:00–22:00）". */
export function scheduleText(s: RoundSchedule): string {
  switch (s.kind) {
    case 'hourly':
      return `每 ${s.everyHours} 小时（${s.from}–${s.to}）`;
    case 'daily':
      return `每天 ${s.at}，${s.windowHours} 小时内完成`;
    case 'weekly':
      return `每周${WEEKDAYS[s.weekday]} ${s.at}，${s.windowHours} 小时内完成`;
    case 'monthly':
      return `每月 ${s.day} 日 ${s.at}，${s.windowHours} 小时内完成`;
  }
}

/** Why a schedule cannot work, or null. Zod checks shapes; this checks that the parts fit together. */
export function scheduleProblem(s: RoundSchedule): string | null {
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (s.kind === 'hourly') {
    if (!hhmm.test(s.from) || !(hhmm.test(s.to) || s.to === '24:00')) return '时间格式应为 HH:mm';
    const span = minutesOf(s.to) - minutesOf(s.from);
    if (span <= 0) return '巡检时段的结束时间必须晚于开始时间';
    if (!(s.everyHours > 0) || s.everyHours * 60 > span) return `间隔 ${s.everyHours} 小时超出了每天的巡检时段（${s.from}–${s.to}）`;
    return null;
  }
  if (!hhmm.test(s.at)) return '时间格式应为 HH:mm';
  const period = s.kind === 'daily' ? 24 : s.kind === 'weekly' ? 7 * 24 : 28 * 24;
  if (!(s.windowHours > 0) || s.windowHours > period) return `完成时限 ${s.windowHours} 小时长于巡检周期`;
  if (s.kind === 'weekly' && !(s.weekday >= 1 && s.weekday <= 7)) return '星期应为 1–7';
  if (s.kind === 'monthly' && !(s.day >= 1 && s.day <= 28)) return '每月日期应为 1–28 日（每个月都有）';
  return null;
}

export interface Window {
  start: number;
  end: number;
}

/** The round windows of a schedule whose start lies in [from, to) (instants, ms). */
export function roundWindows(s: RoundSchedule, from: number, to: number): Window[] {
  const out: Window[] = [];
  if (to <= from) return out;
  for (let day = beijingMidnight(from) - DAY; day < to; day += DAY) {
    const p = beijingParts(day + HOUR);
    if (s.kind === 'hourly') {
      const a = minutesOf(s.from);
      const b = minutesOf(s.to);
      for (let m = a; m + s.everyHours * 60 <= b; m += s.everyHours * 60) {
        const start = day + m * MIN;
        if (start >= from && start < to) out.push({ start, end: start + s.everyHours * HOUR });
      }
      continue;
    }
    if (s.kind === 'weekly' && p.weekday !== s.weekday) continue;
    if (s.kind === 'monthly' && p.d !== s.day) continue;
    const start = day + minutesOf(s.at) * MIN;
    if (start >= from && start < to) out.push({ start, end: start + s.windowHours * HOUR });
  }
  return out;
}

export type EscalationStage = 'warning' | 'overdue' | 'supervisor';
export const ESCALATION_LABELS: Record<EscalationStage, string> = { warning: '即将超时', overdue: '已超时', supervisor: '超时上报主管' };

/**
 * The escalation stages a round not done has reached at `now`: a warning when 80 % of its window
 * has passed, overdue at its end, to the supervisor once it is overdue by half its window (at
 * least 1 h, at most 24 h).
 */
export function escalationStages(w: Window, now: number): EscalationStage[] {
  const len = w.end - w.start;
  const out: EscalationStage[] = [];
  if (now >= w.start + len * 0.8) out.push('warning');
  if (now >= w.end) out.push('overdue');
  if (now >= w.end + Math.min(DAY, Math.max(HOUR, len / 2))) out.push('supervisor');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checklist templates and readings
// ---------------------------------------------------------------------------------------------

export type ChecklistItem =
  | { id: string; kind: 'number'; label: string; unit: string; min?: number | null; max?: number | null }
  | { id: string; kind: 'choice'; label: string; options: string[]; /** Options that mean a fault. */ bad: string[] }
  | { id: string; kind: 'yesno'; label: string; /** The answer that means all is well. */ ok: boolean }
  | { id: string; kind: 'photo'; label: string }
  | { id: string; kind: 'note'; label: string };

export type ReadingValue =
  | { kind: 'number'; value: number; unit: string }
  | { kind: 'choice'; value: string }
  | { kind: 'yesno'; value: boolean }
  | { kind: 'photo'; fileIds: string[] }
  | { kind: 'note'; text: string };

export const ITEM_KIND_LABELS = { number: '读数', choice: '选项', yesno: '是/否', photo: '拍照', note: '备注' } as const;

/** Units that name the same thing (people type "℃" or "°C"). */
const UNIT_ALIASES: Record<string, string> = { '°c': '℃', c: '℃', mpa: 'MPa', v: 'V', a: 'A', 'm/s': 'm/s', kw: 'kW', hz: 'Hz', '%': '%' };
export const normUnit = (u: string) => {
  const t = u.trim();
  return UNIT_ALIASES[t.toLowerCase()] ?? t;
};

export type ReadingCheck = { ok: true; anomaly: boolean; text: string } | { ok: false; message: string };

/** Checks one reading against its checklist item: wrong kind or unit is an error; out of range or a failed item is an anomaly. */
export function checkReading(item: ChecklistItem, v: ReadingValue): ReadingCheck {
  if (item.kind !== v.kind) return { ok: false, message: `「${item.label}」应填写${ITEM_KIND_LABELS[item.kind]}，收到的是${ITEM_KIND_LABELS[v.kind]}` };
  switch (v.kind) {
    case 'number': {
      const it = item as Extract<ChecklistItem, { kind: 'number' }>;
      if (!Number.isFinite(v.value)) return { ok: false, message: `「${item.label}」的读数无效` };
      if (normUnit(v.unit) !== normUnit(it.unit)) return { ok: false, message: `「${item.label}」的单位应为 ${it.unit}，收到的是 ${v.unit}` };
      const low = it.min != null && v.value < it.min;
      const high = it.max != null && v.value > it.max;
      const range = `${it.min ?? '—'}–${it.max ?? '—'} ${it.unit}`;
      return { ok: true, anomaly: low || high, text: `${v.value} ${it.unit}${low ? `（低于正常范围 ${range}）` : high ? `（高于正常范围 ${range}）` : ''}` };
    }
    case 'choice': {
      const it = item as Extract<ChecklistItem, { kind: 'choice' }>;
      if (!it.options.includes(v.value)) return { ok: false, message: `「${item.label}」只能选择：${it.options.join('、')}` };
      return { ok: true, anomaly: it.bad.includes(v.value), text: v.value };
    }
    case 'yesno': {
      const it = item as Extract<ChecklistItem, { kind: 'yesno' }>;
      return { ok: true, anomaly: v.value !== it.ok, text: v.value ? '是' : '否' };
    }
    case 'photo':
      if (!v.fileIds.length) return { ok: false, message: `「${item.label}」需要拍照` };
      return { ok: true, anomaly: false, text: `照片 ${v.fileIds.length} 张` };
    case 'note':
      return { ok: true, anomaly: false, text: v.text };
  }
}

/** Problems of a template as a whole (ids unique, ranges sensible, choices that include their bad options). */
export function templateProblem(items: ChecklistItem[]): string | null {
  const ids = new Set<string>();
  for (const it of items) {
    if (ids.has(it.id)) return `检查项编号重复：${it.id}`;
    ids.add(it.id);
    if (it.kind === 'number' && it.min != null && it.max != null && it.min > it.max) return `「${it.label}」的正常范围下限大于上限`;
    if (it.kind === 'choice' && it.bad.some((b) => !it.options.includes(b))) return `「${it.label}」的异常选项必须在选项之中`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Preventive maintenance
// ---------------------------------------------------------------------------------------------

/** Legal intervals of regulated equipment (shared/docs/service-levels.md). */
export const REGULATED = {
  elevator: { label: '电梯维保', every: { days: 15 } },
  fire: { label: '消防设施检查', every: { months: 1 } },
  'water-tank': { label: '二次供水水箱清洗', every: { months: 6 } },
} as const;
export type RegulatedKind = keyof typeof REGULATED;

export type Interval = { days: number } | { months: number };

export type MaintenanceSchedule =
  /** Fixed dates from an anchor, whatever happened (regulated equipment). */
  | { mode: 'fixed'; every: Interval; anchor: string }
  /** N days after the last completion. */
  | { mode: 'floating'; afterDays: number };

/** Elevator item sets by visit: every visit half-monthly; every 6th adds quarterly, 12th half-yearly, 24th yearly. */
export const ELEVATOR_SETS = { 'half-monthly': '半月保养', quarterly: '季度保养', 'half-yearly': '半年保养', yearly: '年度保养' } as const;
export type ElevatorSet = keyof typeof ELEVATOR_SETS;
export function elevatorSets(visitIndex: number): ElevatorSet[] {
  const n = visitIndex + 1;
  const out: ElevatorSet[] = ['half-monthly'];
  if (n % 6 === 0) out.push('quarterly');
  if (n % 12 === 0) out.push('half-yearly');
  if (n % 24 === 0) out.push('yearly');
  return out;
}

/** Adds an interval to a Beijing date ("YYYY-MM-DD"); months clamp to the month's last day. */
export function addInterval(date: string, every: Interval, times = 1): string {
  const t = dateInstant(date);
  if ('days' in every) return beijingDate(t + every.days * times * DAY + HOUR);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + every.months * times;
  const d = Number(date.slice(8, 10));
  const ny = y + Math.floor(m / 12);
  const nm = (m % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function intervalText(every: Interval) {
  return 'days' in every ? `每 ${every.days} 天` : every.months === 1 ? '每月' : `每 ${every.months} 个月`;
}

export function maintenanceProblem(s: MaintenanceSchedule, regulated: RegulatedKind | null): string | null {
  if (s.mode === 'floating') {
    if (!(s.afterDays >= 1 && s.afterDays <= 3660)) return '间隔天数应为 1–3660 天';
    if (regulated) return `${REGULATED[regulated].label}有法定周期，必须使用固定周期`;
    return null;
  }
  const n = 'days' in s.every ? s.every.days : s.every.months;
  if (!(n >= 1)) return '维护周期必须大于 0';
  if (regulated) {
    const legal = REGULATED[regulated].every;
    const days = (i: Interval) => ('days' in i ? i.days : i.months * 30);
    if (days(s.every) > days(legal)) return `${REGULATED[regulated].label}的法定周期为${intervalText(legal)}，不能更长`;
  }
  return null;
}

/**
 * The due dates (Beijing dates) of a maintenance plan that fall on or before `until`.
 * Fixed: the anchor and every interval after it (index = visit number). Floating: one date, N days
 * after the last completion (or the anchor date when never done).
 */
export function dueDates(s: MaintenanceSchedule, until: string, lastDone: string | null, start: string): { date: string; index: number }[] {
  if (s.mode === 'floating') {
    const date = lastDone ? addInterval(lastDone, { days: s.afterDays }) : start;
    return date <= until ? [{ date, index: 0 }] : [];
  }
  const out: { date: string; index: number }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const date = addInterval(s.anchor, s.every, i);
    if (date > until) break;
    out.push({ date, index: i });
  }
  return out;
}

/** The next due date after the latest completion. */
export function nextDue(s: MaintenanceSchedule, lastDone: string | null, start: string): string {
  if (s.mode === 'floating') return lastDone ? addInterval(lastDone, { days: s.afterDays }) : start;
  for (let i = 0; i < 10_000; i++) {
    const date = addInterval(s.anchor, s.every, i);
    if (!lastDone || date > lastDone) return date;
  }
  return s.anchor;
}

/** Days a regulated asset is overdue at `today`: past the legal interval after its last maintenance (0 when in time). */
export function daysOverdue(kind: RegulatedKind, lastDone: string | null, installed: string | null, today: string): number {
  const from = lastDone ?? installed;
  if (!from) return 0;
  const due = addInterval(from, REGULATED[kind].every);
  if (today <= due) return 0;
  return Math.round((dateInstant(today) - dateInstant(due)) / DAY);
}

/** Mean time between failures (days) from the times of failures tied to an asset, or null with fewer than two. */
export function mtbfDays(failures: number[]): number | null {
  if (failures.length < 2) return null;
  const s = [...failures].sort((a, b) => a - b);
  return Math.round(((s[s.length - 1] - s[0]) / (s.length - 1) / DAY) * 10) / 10;
}

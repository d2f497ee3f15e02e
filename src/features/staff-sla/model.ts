/**
 * The service-levels form: the policy as editable text, its checks (the same limits as the
 * `setSla` input), friendly readouts and the exact payload the function accepts.
 */
import { CATEGORIES, CATEGORY_BY_CODE, type Category } from '@/domain/tickets/catalog'
import type { DeadlineKind, SlaMinutes, SlaPolicy } from '@/domain/tickets/sla'
import {
  AUTO_CONFIRM_DAYS_MAX,
  AUTO_CONFIRM_DAYS_MIN,
  AUTO_CONFIRM_DAYS_TOO_LARGE,
  AUTO_CONFIRM_DAYS_TOO_SMALL,
  SLA_MINUTES_MAX,
  bestDurationUnit,
  checkSlaDuration,
  durationMinutes,
  DURATION_UNIT_MINUTES,
  type DurationUnit,
} from '@/domain/limits-staff'

export type Group = 'emergency' | 'repair' | 'complaint' | 'consultation'

/** The timers each kind of ticket runs (emergencies are repairs on a shorter clock). */
export const GROUPS: { key: Group; title: string; kinds: DeadlineKind[] }[] = [
  { key: 'emergency', title: '紧急', kinds: ['accept', 'arrive', 'resolve'] },
  { key: 'repair', title: '报修', kinds: ['accept', 'arrive', 'resolve'] },
  { key: 'complaint', title: '投诉', kinds: ['accept', 'resolve'] },
  { key: 'consultation', title: '咨询', kinds: ['reply'] },
]
export const GROUP_BY_KEY = new Map(GROUPS.map((g) => [g.key, g]))

export const KIND_HINTS: Record<DeadlineKind, string> = {
  accept: '提交后多久内接单',
  arrive: '提交后多久内上门',
  resolve: '提交后多久内处理完成',
  reply: '提交后多久内答复住户',
}

export const groupOf = (c: Category): Group => (c.emergency ? 'emergency' : c.type)

export const MAX_MINUTES = SLA_MINUTES_MAX
export const MAX_DAYS = AUTO_CONFIRM_DAYS_MAX

/** 40 → "40 分钟", 90 → "1 小时 30 分钟", 1440 → "24 小时", 4320 → "3 天", 3000 → "2 天 2 小时". */
export function friendlyMinutes(total: number): string {
  if (total < 60) return `${total} 分钟`
  // Under two days, hours read better (24 小时 rather than 1 天).
  if (total < 2 * 1440) {
    const h = Math.floor(total / 60)
    const m = total % 60
    return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`
  }
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const mins = total % 60
  return [`${days} 天`, hours ? `${hours} 小时` : '', mins ? `${mins} 分钟` : ''].filter(Boolean).join(' ')
}

/** Each timer as typed, in its field's unit ('' = not set). */
export type Values = Partial<Record<DeadlineKind, string>>

/** The unit each timer is typed in, by field key (`repair.accept`, `cat.noise.accept`); absent: minutes. */
export type Units = Record<string, DurationUnit>

export interface Override {
  code: string
  values: Values
}

export interface Draft {
  groups: Record<Group, Values>
  /** Per-category overrides, in catalogue order. */
  categories: Override[]
  autoConfirmDays: string
  units?: Units
  /** Types whose ordinary deadlines run on working time (service hours on China's working days). */
  workingTime: WorkingTime
}

export const WORKING_TYPES = ['repair', 'complaint', 'consultation'] as const
export type WorkingTime = Record<(typeof WORKING_TYPES)[number], boolean>

const text = (n: number | undefined) => (typeof n === 'number' ? String(n) : '')

export const unitOf = (d: Draft, key: string): DurationUnit => d.units?.[key] ?? 'minute'

/** A stored number of minutes as the form shows it: the number in the unit it reads best in. */
export function typed(minutes: number | undefined): { value: string; unit: DurationUnit } {
  if (typeof minutes !== 'number') return { value: '', unit: 'minute' }
  const unit = bestDurationUnit(minutes)
  return { value: String(minutes / DURATION_UNIT_MINUTES[unit]), unit }
}

/**
 * The text after switching a field to `unit`: the same duration when it is a whole number in the
 * new unit (60 分钟 → 1 小时), else the number as typed (the readout then shows the new meaning).
 */
export function convert(value: string, from: DurationUnit, to: DurationUnit): string {
  const m = durationMinutes(value, from)
  return m !== null && m % DURATION_UNIT_MINUTES[to] === 0 ? String(m / DURATION_UNIT_MINUTES[to]) : value
}

function values(kinds: DeadlineKind[], m: SlaMinutes | undefined, prefix: string, units: Units): Values {
  return Object.fromEntries(
    kinds.map((k) => {
      const t = typed(m?.[k])
      if (t.unit !== 'minute') units[`${prefix}.${k}`] = t.unit
      return [k, t.value]
    }),
  )
}

/** Which timers a category's override can set. */
export const kindsOf = (code: string): DeadlineKind[] => {
  const c = CATEGORY_BY_CODE.get(code)
  return c ? GROUP_BY_KEY.get(groupOf(c))!.kinds : []
}

const order = (code: string) => CATEGORIES.findIndex((c) => c.code === code)

export function toDraft(sla: SlaPolicy): Draft {
  const units: Units = {}
  const categories = Object.entries(sla.categories ?? {})
    .filter(([code]) => CATEGORY_BY_CODE.has(code))
    .map(([code, m]) => ({ code, values: values(kindsOf(code), m, `cat.${code}`, units) }))
    // `{}` is how a removed default override is stored: nothing to show.
    .filter((o) => Object.values(o.values).some(Boolean))
    .sort((a, b) => order(a.code) - order(b.code))
  return {
    groups: {
      emergency: values(GROUP_BY_KEY.get('emergency')!.kinds, sla.emergency, 'emergency', units),
      repair: values(GROUP_BY_KEY.get('repair')!.kinds, sla.repair, 'repair', units),
      complaint: values(GROUP_BY_KEY.get('complaint')!.kinds, sla.complaint, 'complaint', units),
      consultation: values(GROUP_BY_KEY.get('consultation')!.kinds, sla.consultation, 'consultation', units),
    },
    categories,
    autoConfirmDays: text(sla.autoConfirmDays),
    units,
    workingTime: { repair: !!sla.workingTime?.repair, complaint: !!sla.workingTime?.complaint, consultation: !!sla.workingTime?.consultation },
  }
}

/** A whole number of minutes, or null when the text is not one. */
export function parseWhole(v: string | undefined): number | null {
  const t = (v ?? '').trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : null
}

/** A timer typed in `unit` (minutes unless given): the shared check of src/domain/limits.ts. */
export const checkMinutes = (v: string | undefined, required: boolean, unit: DurationUnit = 'minute') => checkSlaDuration(v, unit, required)

export function checkDays(v: string): string | undefined {
  const t = v.trim()
  if (!t) return '请填写自动确认天数'
  const n = parseWhole(t)
  if (n === null) return '请填写整数天数'
  if (n < AUTO_CONFIRM_DAYS_MIN) return AUTO_CONFIRM_DAYS_TOO_SMALL
  if (n > MAX_DAYS) return AUTO_CONFIRM_DAYS_TOO_LARGE
  return undefined
}

/** Field keys: `repair.accept`, `cat.elevator_trapped.arrive`, `cat.elevator_trapped`, `autoConfirmDays`. */
export type DraftErrors = Record<string, string>

export const EMPTY_OVERRIDE = '至少填写一项时限，或删除这个类别'

export function checkDraft(d: Draft): DraftErrors {
  const errors: DraftErrors = {}
  for (const g of GROUPS) {
    for (const k of g.kinds) {
      const e = checkMinutes(d.groups[g.key][k], true, unitOf(d, `${g.key}.${k}`))
      if (e) errors[`${g.key}.${k}`] = e
    }
  }
  for (const o of d.categories) {
    const kinds = kindsOf(o.code)
    for (const k of kinds) {
      const e = checkMinutes(o.values[k], false, unitOf(d, `cat.${o.code}.${k}`))
      if (e) errors[`cat.${o.code}.${k}`] = e
    }
    if (!kinds.some((k) => (o.values[k] ?? '').trim())) errors[`cat.${o.code}`] = EMPTY_OVERRIDE
  }
  const days = checkDays(d.autoConfirmDays)
  if (days) errors.autoConfirmDays = days
  return errors
}

export interface SlaInput {
  emergency: SlaMinutes
  repair: SlaMinutes
  complaint: SlaMinutes
  consultation: SlaMinutes
  categories: Record<string, SlaMinutes>
  autoConfirmDays: number
  workingTime?: WorkingTime
}

function minutes(kinds: DeadlineKind[], v: Values, d: Draft, prefix: string): SlaMinutes {
  const out: SlaMinutes = {}
  for (const k of kinds) {
    const n = durationMinutes(v[k], unitOf(d, `${prefix}.${k}`))
    if (n !== null) out[k] = n
  }
  return out
}

/** Whether any type runs on working time (a draft made before the setting existed has none). */
const workingOn = (d: Draft) => Object.values((d.workingTime as WorkingTime | undefined) ?? {}).some(Boolean)

/**
 * Exactly what `setSla` accepts (a checked draft). A default override the admin removed is sent
 * as `{}`: the function lays the community's overrides over the defaults, so leaving it out
 * would bring it back.
 */
export function toPayload(d: Draft, defaults: SlaPolicy): SlaInput {
  const categories: Record<string, SlaMinutes> = {}
  for (const code of Object.keys(defaults.categories ?? {})) categories[code] = {}
  for (const o of d.categories) categories[o.code] = minutes(kindsOf(o.code), o.values, d, `cat.${o.code}`)
  return {
    emergency: minutes(GROUP_BY_KEY.get('emergency')!.kinds, d.groups.emergency, d, 'emergency'),
    repair: minutes(GROUP_BY_KEY.get('repair')!.kinds, d.groups.repair, d, 'repair'),
    complaint: minutes(GROUP_BY_KEY.get('complaint')!.kinds, d.groups.complaint, d, 'complaint'),
    consultation: minutes(GROUP_BY_KEY.get('consultation')!.kinds, d.groups.consultation, d, 'consultation'),
    categories,
    autoConfirmDays: parseWhole(d.autoConfirmDays) ?? 0,
    // Left out when every type runs around the clock (the stored policy is replaced whole: same meaning).
    ...(workingOn(d) ? { workingTime: d.workingTime } : {}),
  }
}

/** Categories that can still get an override, by group. */
export function addableCategories(d: Draft): { group: Group; title: string; options: { value: string; label: string }[] }[] {
  const taken = new Set(d.categories.map((o) => o.code))
  return GROUPS.map((g) => ({
    group: g.key,
    title: g.title,
    options: CATEGORIES.filter((c) => groupOf(c) === g.key && !taken.has(c.code)).map((c) => ({ value: c.code, label: c.label })),
  })).filter((g) => g.options.length > 0)
}

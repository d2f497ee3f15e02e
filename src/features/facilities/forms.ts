/**
 * The facilities forms (设备, 巡检计划, 维护计划): what staff type, as text, and its checks with
 * the same rules and Chinese messages as the `facilities` function (the domain's scheduleProblem,
 * templateProblem and maintenanceProblem, and the limits of its zod schemas, which stay the
 * authority: their refusals are shown under the field they name).
 */
import {
  ITEM_KIND_LABELS,
  MAINTENANCE_TASKS,
  REGULATED,
  maintenanceProblem,
  scheduleProblem,
  templateProblem,
  type ChecklistItem,
  type MaintenanceSchedule,
  type MaintenanceTask,
  type RegulatedKind,
  type RoundSchedule,
} from '@/domain/facilities'
import type { AssetView } from './api'

export type Errors<K extends string> = Partial<Record<K, string>>
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/
const tooLong = (s: string, max: number, label: string) => (s.trim().length > max ? `${label}不能超过 ${max} 字` : undefined)
/** A number typed as text; '' → null. NaN means "not a number". */
const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()))

// ------------------------------------------------------------------------------------------
// Asset
// ------------------------------------------------------------------------------------------

export interface AssetForm {
  name: string
  system: string
  building: string
  floor: string
  area: string
  model: string
  manufacturer: string
  installDate: string
  contractor: string
  contractorPhone: string
  regulated: RegulatedKind | ''
}
export type AssetField = keyof AssetForm
export const ASSET_FIELDS: AssetField[] = ['name', 'system', 'building', 'floor', 'area', 'model', 'manufacturer', 'installDate', 'contractor', 'contractorPhone', 'regulated']
export const REGULATED_OPTIONS = [{ value: '', label: '否' }, ...(Object.keys(REGULATED) as RegulatedKind[]).map((k) => ({ value: k, label: REGULATED[k].label }))]

export const blankAsset = (): AssetForm => ({
  name: '',
  system: '',
  building: '',
  floor: '',
  area: '',
  model: '',
  manufacturer: '',
  installDate: '',
  contractor: '',
  contractorPhone: '',
  regulated: '',
})
export const formOfAsset = (a: AssetView): AssetForm => ({
  name: a.name,
  system: a.system,
  building: a.building ?? '',
  floor: a.floor ?? '',
  area: a.area ?? '',
  model: a.model,
  manufacturer: a.manufacturer,
  installDate: a.installDate ?? '',
  contractor: a.contractor,
  contractorPhone: a.contractorPhone,
  regulated: a.regulated ?? '',
})

export function toAssetInput(f: AssetForm) {
  const e: Errors<AssetField> = {}
  if (!f.name.trim()) e.name = '请填写设备名称'
  e.name ??= tooLong(f.name, 40, '设备名称')
  if (!f.system) e.system = '请选择设备系统'
  e.building = tooLong(f.building, 20, '楼栋')
  e.floor = tooLong(f.floor, 10, '楼层')
  if (!f.area.trim()) e.area = '请填写位置'
  e.area ??= tooLong(f.area, 40, '位置')
  e.model = tooLong(f.model, 40, '型号')
  e.manufacturer = tooLong(f.manufacturer, 40, '厂家')
  if (f.installDate.trim() && !DATE_RE.test(f.installDate.trim())) e.installDate = '日期格式应为 YYYY-MM-DD'
  e.contractor = tooLong(f.contractor, 40, '维保单位')
  if (f.contractorPhone.trim() && !/^[\d\-+ ]{5,20}$/.test(f.contractorPhone.trim())) e.contractorPhone = '请填写正确的联系电话'
  const errors = clean(e)
  if (Object.keys(errors).length) return { input: null, errors }
  return {
    input: {
      name: f.name.trim(),
      system: f.system,
      building: f.building.trim(),
      floor: f.floor.trim(),
      area: f.area.trim(),
      model: f.model.trim(),
      manufacturer: f.manufacturer.trim(),
      installDate: f.installDate.trim() || null,
      contractor: f.contractor.trim(),
      contractorPhone: f.contractorPhone.trim(),
      regulated: f.regulated || null,
    },
    errors,
  }
}

function clean<K extends string>(e: Errors<K>): Errors<K> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => !!v)) as Errors<K>
}

// ------------------------------------------------------------------------------------------
// Inspection plan and its checklist template
// ------------------------------------------------------------------------------------------

export type ItemKind = ChecklistItem['kind']
export const ITEM_KINDS = (Object.keys(ITEM_KIND_LABELS) as ItemKind[]).map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))

/** One checklist item being edited: every kind's fields, as text. */
export interface ItemDraft {
  id: string
  kind: ItemKind
  label: string
  unit: string
  min: string
  max: string
  /** Choice options and the ones that mean a fault, separated by 、 or commas. */
  options: string
  bad: string
  /** Yes/no: the answer that means all is well. */
  ok: boolean
}
export interface PlanForm {
  name: string
  kind: RoundSchedule['kind']
  everyHours: string
  from: string
  to: string
  at: string
  windowHours: string
  weekday: string
  day: string
  stops: { assetId: string | null; area: string }[]
  items: ItemDraft[]
  role: 'engineer' | 'security'
  active: boolean
}
export type PlanField = 'name' | 'schedule' | 'stops' | 'items' | 'role'
export const PLAN_FIELDS: PlanField[] = ['name', 'schedule', 'stops', 'items', 'role']

const list = (s: string) =>
  s
    .split(/[,，、]+/)
    .map((x) => x.trim())
    .filter(Boolean)

export function newItem(kind: ItemKind, taken: string[]): ItemDraft {
  let n = taken.length + 1
  while (taken.includes(`i${n}`)) n++
  return { id: `i${n}`, kind, label: '', unit: '', min: '', max: '', options: '', bad: '', ok: true }
}

export const blankPlan = (): PlanForm => ({
  name: '',
  kind: 'daily',
  everyHours: '2',
  from: '08:00',
  to: '22:00',
  at: '09:00',
  windowHours: '4',
  weekday: '1',
  day: '1',
  stops: [{ assetId: null, area: '' }],
  items: [newItem('yesno', [])],
  role: 'engineer',
  active: true,
})

export function formOfPlan(p: {
  name: string
  schedule: RoundSchedule
  stops: { assetId: string | null; area: string }[]
  items: ChecklistItem[]
  role: 'engineer' | 'security'
  active: boolean
}): PlanForm {
  const s = p.schedule
  const f = blankPlan()
  return {
    ...f,
    name: p.name,
    kind: s.kind,
    ...(s.kind === 'hourly' ? { everyHours: String(s.everyHours), from: s.from, to: s.to } : { at: s.at, windowHours: String(s.windowHours) }),
    ...(s.kind === 'weekly' ? { weekday: String(s.weekday) } : {}),
    ...(s.kind === 'monthly' ? { day: String(s.day) } : {}),
    stops: p.stops.map((x) => ({ assetId: x.assetId, area: x.area })),
    items: p.items.map((i) => ({
      ...newItem(i.kind, []),
      id: i.id,
      label: i.label,
      ...(i.kind === 'number' ? { unit: i.unit, min: i.min == null ? '' : String(i.min), max: i.max == null ? '' : String(i.max) } : {}),
      ...(i.kind === 'choice' ? { options: i.options.join('、'), bad: i.bad.join('、') } : {}),
      ...(i.kind === 'yesno' ? { ok: i.ok } : {}),
    })),
    role: p.role,
    active: p.active,
  }
}

function scheduleOf(f: PlanForm): RoundSchedule | string {
  if (f.kind === 'hourly') {
    const every = num(f.everyHours)
    if (every == null || !Number.isInteger(every) || every < 1 || every > 24) return '间隔小时应为 1–24 的整数'
    if (!HHMM_RE.test(f.from) || !(HHMM_RE.test(f.to) || f.to === '24:00')) return '时间格式应为 HH:mm'
    return { kind: 'hourly', everyHours: every, from: f.from, to: f.to }
  }
  if (!HHMM_RE.test(f.at)) return '时间格式应为 HH:mm'
  const windowHours = num(f.windowHours)
  if (windowHours == null || Number.isNaN(windowHours) || windowHours < 0.5) return '完成时限至少 0.5 小时'
  if (f.kind === 'daily') return { kind: 'daily', at: f.at, windowHours }
  if (f.kind === 'weekly') {
    const weekday = Number(f.weekday)
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return '星期应为 1–7'
    return { kind: 'weekly', weekday, at: f.at, windowHours }
  }
  const day = Number(f.day)
  if (!Number.isInteger(day) || day < 1 || day > 28) return '每月日期应为 1–28 日（每个月都有）'
  return { kind: 'monthly', day, at: f.at, windowHours }
}

function itemOf(d: ItemDraft): ChecklistItem | string {
  const label = d.label.trim()
  if (!label) return '请填写检查项名称'
  if (label.length > 40) return `「${label.slice(0, 10)}…」名称不能超过 40 字`
  switch (d.kind) {
    case 'number': {
      if (!d.unit.trim()) return `请填写「${label}」的读数单位`
      if (d.unit.trim().length > 10) return `「${label}」的单位不能超过 10 字`
      const min = num(d.min)
      const max = num(d.max)
      if (Number.isNaN(min) || Number.isNaN(max)) return `「${label}」的正常范围应为数字`
      return { id: d.id, kind: 'number', label, unit: d.unit.trim(), min, max }
    }
    case 'choice': {
      const options = list(d.options)
      if (options.length < 2) return `「${label}」至少需要 2 个选项`
      if (options.length > 10) return `「${label}」最多 10 个选项`
      if (options.some((o) => o.length > 20)) return `「${label}」的选项不能超过 20 字`
      return { id: d.id, kind: 'choice', label, options, bad: list(d.bad) }
    }
    case 'yesno':
      return { id: d.id, kind: 'yesno', label, ok: d.ok }
    default:
      return { id: d.id, kind: d.kind, label }
  }
}

export function toPlanInput(f: PlanForm) {
  const e: Errors<PlanField> = {}
  if (!f.name.trim()) e.name = '请填写计划名称'
  e.name ??= tooLong(f.name, 40, '计划名称')
  const schedule = scheduleOf(f)
  if (typeof schedule === 'string') e.schedule = schedule
  else e.schedule = scheduleProblem(schedule) ?? undefined
  if (!f.stops.length) e.stops = '请至少设置一个巡检点'
  else if (f.stops.length > 100) e.stops = '巡检点最多 100 个'
  else if (f.stops.some((s) => !s.area.trim())) e.stops = '请填写巡检点位置'
  const items = f.items.map(itemOf)
  if (!items.length) e.items = '检查表至少一项'
  else if (items.length > 50) e.items = '检查表最多 50 项'
  else e.items = items.find((i): i is string => typeof i === 'string') ?? templateProblem(items as ChecklistItem[]) ?? undefined
  const errors = clean(e)
  if (Object.keys(errors).length) return { input: null, errors }
  return {
    input: {
      name: f.name.trim(),
      schedule: schedule as RoundSchedule,
      stops: f.stops.map((s) => ({ assetId: s.assetId, area: s.area.trim() })),
      items: items as ChecklistItem[],
      role: f.role,
      active: f.active,
    },
    errors,
  }
}

// ------------------------------------------------------------------------------------------
// Maintenance plan
// ------------------------------------------------------------------------------------------

export const TASK_OPTIONS = (Object.keys(MAINTENANCE_TASKS) as MaintenanceTask[]).map((k) => ({ value: k, label: MAINTENANCE_TASKS[k] }))

export interface MaintenanceForm {
  name: string
  assetId: string
  mode: 'fixed' | 'floating'
  every: string
  unit: 'days' | 'months'
  anchor: string
  afterDays: string
  tasks: MaintenanceTask[]
  start: string
}
export type MaintenanceField = 'name' | 'assetId' | 'schedule' | 'tasks' | 'start'
export const MAINTENANCE_FIELDS: MaintenanceField[] = ['name', 'assetId', 'schedule', 'tasks', 'start']

export const blankMaintenance = (assetId = '', today = ''): MaintenanceForm => ({
  name: '',
  assetId,
  mode: 'fixed',
  every: '1',
  unit: 'months',
  anchor: today,
  afterDays: '30',
  tasks: ['clean'],
  start: today,
})
export function formOfMaintenance(p: { name: string; assetId: string; schedule: MaintenanceSchedule; tasks: MaintenanceTask[]; start: string }): MaintenanceForm {
  const s = p.schedule
  return {
    ...blankMaintenance(p.assetId, p.start),
    name: p.name,
    mode: s.mode,
    ...(s.mode === 'fixed'
      ? { every: String('days' in s.every ? s.every.days : s.every.months), unit: 'days' in s.every ? ('days' as const) : ('months' as const), anchor: s.anchor }
      : { afterDays: String(s.afterDays) }),
    tasks: p.tasks,
    start: p.start,
  }
}

export function toMaintenanceInput(f: MaintenanceForm, regulated: RegulatedKind | null) {
  const e: Errors<MaintenanceField> = {}
  if (!f.name.trim()) e.name = '请填写计划名称'
  e.name ??= tooLong(f.name, 40, '计划名称')
  if (!f.assetId) e.assetId = '请选择设备'
  let schedule: MaintenanceSchedule | null = null
  if (f.mode === 'fixed') {
    const n = num(f.every)
    if (n == null || !Number.isInteger(n) || n < 1) e.schedule = '维护周期应为正整数'
    else if (!DATE_RE.test(f.anchor.trim())) e.schedule = '首次日期格式应为 YYYY-MM-DD'
    else schedule = { mode: 'fixed', every: f.unit === 'days' ? { days: n } : { months: n }, anchor: f.anchor.trim() }
  } else {
    const n = num(f.afterDays)
    if (n == null || !Number.isInteger(n)) e.schedule = '间隔天数应为 1–3660 天'
    else schedule = { mode: 'floating', afterDays: n }
  }
  if (schedule) e.schedule = maintenanceProblem(schedule, regulated) ?? undefined
  if (!f.tasks.length) e.tasks = '请至少选择一项维护项目'
  if (!DATE_RE.test(f.start.trim())) e.start = '开始日期格式应为 YYYY-MM-DD'
  const errors = clean(e)
  if (Object.keys(errors).length || !schedule) return { input: null, errors }
  return { input: { name: f.name.trim(), assetId: f.assetId, schedule, tasks: f.tasks, start: f.start.trim() }, errors }
}

/** The form field a backend issue path names (`schedule.every.days` → schedule, `items.2.label` → items). */
export function fieldOf<K extends string>(path: string | null, fields: readonly K[]): K | null {
  if (!path) return null
  const head = path.split('.')[0]
  if (head === 'every' || head === 'anchor' || head === 'afterDays') return (fields as readonly string[]).includes('schedule') ? ('schedule' as K) : null
  return (fields as readonly string[]).includes(head) ? (head as K) : null
}

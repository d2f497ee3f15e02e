import { DEFAULT_CUTOFF_HOURS, DEFAULT_PREPARATION, DOCUMENT_KINDS, type DocumentKind } from '@/domain/movein'
import type { MoveinInput } from '@/domain/movein-api'
import type { BatchView } from './api'

/**
 * The move-in batch form: what staff type, as text. `toBatchInput` checks it with the same rules
 * and messages as the `movein` function's zod schema (which stays the authority: its refusals are
 * shown under the field they name, see `fieldOfPath`).
 */
export interface BatchForm {
  title: string
  building: string
  unitNos: string
  rooms: string
  startDate: string
  endDate: string
  slots: { start: string; end: string; capacity: string }[]
  requiredDocuments: DocumentKind[]
  feesNotice: string
  preparation: { task: string; who: string; done: boolean }[]
  cutoffHours: string
}
export type BatchField = 'title' | 'building' | 'unitNos' | 'rooms' | 'startDate' | 'endDate' | 'slots' | 'requiredDocuments' | 'feesNotice' | 'preparation' | 'cutoffHours'
export type BatchErrors = Partial<Record<BatchField, string>>
export type BatchInput = Omit<MoveinInput<'createBatch'>, 'clientRequestId'>

export const DOCUMENT_OPTIONS = (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((k) => ({ value: k, label: DOCUMENT_KINDS[k] }))
export const FIELD_ORDER: BatchField[] = ['title', 'building', 'unitNos', 'rooms', 'startDate', 'endDate', 'slots', 'requiredDocuments', 'feesNotice', 'preparation', 'cutoffHours']

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/
const list = (s: string) =>
  s
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

export function blankBatch(): BatchForm {
  return {
    title: '',
    building: '',
    unitNos: '',
    rooms: '',
    startDate: '',
    endDate: '',
    slots: [
      { start: '09:00', end: '11:00', capacity: '10' },
      { start: '14:00', end: '17:00', capacity: '10' },
    ],
    requiredDocuments: ['id_card', 'purchase_contract'],
    feesNotice: '',
    preparation: DEFAULT_PREPARATION.map((task) => ({ task, who: '', done: false })),
    cutoffHours: String(DEFAULT_CUTOFF_HOURS),
  }
}

export function formOfBatch(b: BatchView): BatchForm {
  return {
    title: b.title,
    building: b.building,
    unitNos: (b.unitNos ?? []).join('、'),
    rooms: (b.rooms ?? []).join('、'),
    startDate: b.startDate,
    endDate: b.endDate,
    slots: (b.slotSpecs ?? []).map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) })),
    requiredDocuments: b.requiredDocuments.map((d) => d.kind as DocumentKind),
    feesNotice: b.feesNotice,
    preparation: b.preparation.map((p) => ({ task: p.task, who: p.who, done: p.done })),
    cutoffHours: String(b.cutoffHours),
  }
}

/** The form's field a backend issue path names (`range.building` → building, `slots.1.end` → slots). */
export function fieldOfPath(path: string | null): BatchField | null {
  if (!path) return null
  const head = path.split('.')[0]
  if (head === 'range') return (path.split('.')[1] as BatchField) ?? 'building'
  return (FIELD_ORDER as string[]).includes(head) ? (head as BatchField) : null
}

export function toBatchInput(f: BatchForm): { input: BatchInput | null; errors: BatchErrors } {
  const e: BatchErrors = {}
  const title = f.title.trim()
  if (!title) e.title = '请填写批次名称'
  else if (title.length > 40) e.title = '批次名称不能超过 40 字'
  const building = f.building.trim()
  if (!building) e.building = '请填写楼栋'
  else if (building.length > 20) e.building = '楼栋不能超过 20 字'
  const unitNos = list(f.unitNos)
  if (unitNos.length > 20) e.unitNos = '单元最多 20 个'
  const rooms = list(f.rooms)
  if (rooms.length > 200) e.rooms = '房号最多 200 个'
  if (!DATE_RE.test(f.startDate.trim())) e.startDate = '日期格式应为 2026-12-04'
  if (!DATE_RE.test(f.endDate.trim())) e.endDate = '日期格式应为 2026-12-04'
  else if (!e.startDate && f.endDate.trim() < f.startDate.trim()) e.endDate = '结束日期不能早于开始日期'
  const slots = f.slots.map((s) => ({ start: s.start.trim(), end: s.end.trim(), capacity: Number(s.capacity) }))
  if (!slots.length) e.slots = '请至少设置一个时段'
  else if (slots.length > 12) e.slots = '每天最多 12 个时段'
  for (const s of slots) {
    if (e.slots) break
    if (!HHMM_RE.test(s.start) || !HHMM_RE.test(s.end)) e.slots = '时段格式应为 09:00'
    else if (s.end <= s.start) e.slots = `时段 ${s.start} 的结束时间应晚于开始时间`
    else if (!Number.isInteger(s.capacity) || s.capacity < 1) e.slots = '每个时段至少可约 1 户'
    else if (s.capacity > 500) e.slots = '每个时段最多 500 户'
  }
  if (!e.slots) {
    const sorted = [...slots].sort((a, b) => a.start.localeCompare(b.start))
    for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) e.slots = `时段 ${sorted[i - 1].start} 与 ${sorted[i].start} 重叠`
  }
  if (!f.requiredDocuments.length) e.requiredDocuments = '请至少选择一项所需资料'
  if (f.feesNotice.trim().length > 2000) e.feesNotice = '收费告知不能超过 2000 字'
  const preparation = f.preparation.map((p) => ({ task: p.task.trim(), who: p.who.trim(), done: p.done }))
  if (preparation.length > 20) e.preparation = '准备事项最多 20 项'
  else if (preparation.some((p) => !p.task)) e.preparation = '请填写准备事项'
  else if (preparation.some((p) => p.task.length > 40)) e.preparation = '准备事项不能超过 40 字'
  else if (preparation.some((p) => p.who.length > 20)) e.preparation = '负责人不能超过 20 字'
  const cutoff = Number(f.cutoffHours)
  if (f.cutoffHours.trim() === '' || !Number.isInteger(cutoff) || cutoff < 0 || cutoff > 168) e.cutoffHours = '截止时间应为 0–168 小时'
  if (Object.keys(e).length) return { input: null, errors: e }
  return {
    input: {
      title,
      range: { building, ...(unitNos.length ? { unitNos } : {}), ...(rooms.length ? { rooms } : {}) },
      startDate: f.startDate.trim(),
      endDate: f.endDate.trim(),
      slots,
      requiredDocuments: f.requiredDocuments,
      feesNotice: f.feesNotice.trim(),
      preparation,
      cutoffHours: cutoff,
    },
    errors: {},
  }
}

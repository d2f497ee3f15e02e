/**
 * The editor's form, its inline checks (same rules and words as the contract in
 * src/domain/announcements-api.ts; the cloud function checks again) and the notice-period hint.
 */
import type { AnnouncementView } from '@/domain/announcements-api'
import { ANNOUNCEMENT_TYPE_LABELS, isInterruption, NOTICE_PERIOD_HOURS, noticeShortfallHours, type AnnouncementType } from '@/domain/announcements'
import { BODY_MAX, BUILDINGS_REQUIRED, END_AFTER_START, FACILITY_MAX, REASON_MAX, TITLE_MAX, TITLE_TOO_LONG, UNITS_REQUIRED } from '@/domain/limits'
import { checkBody, checkFacilities, checkReason, checkSummary, checkTitle } from '@/domain/limits-staff'
import type { NoticeInput, ScopeInput } from './api'

export { BODY_MAX, FACILITY_MAX, REASON_MAX, TITLE_TOO_LONG }

export type ScopeKind = ScopeInput['kind']

export interface DraftForm {
  type: AnnouncementType
  title: string
  summary: string
  body: string
  scopeKind: ScopeKind
  buildings: string[]
  unitIds: string[]
  /** Free text, split on 、，, and spaces. */
  facilities: string
  reason: string
  startAt: string | null
  endAt: string | null
  pinned: boolean
  /** Kept from a loaded non-interruption notice (interruption notices expire by their end). */
  expiresAt?: string
}

export const emptyDraft = (): DraftForm => ({
  type: 'general',
  title: '',
  summary: '',
  body: '',
  scopeKind: 'community',
  buildings: [],
  unitIds: [],
  facilities: '',
  reason: '',
  startAt: null,
  endAt: null,
  pinned: false,
})

export function fromNotice(n: AnnouncementView): DraftForm {
  return {
    type: n.type,
    title: n.title,
    // The backend stores the title as the summary when none was given: show it empty again.
    summary: n.summary === n.title ? '' : n.summary,
    body: n.body,
    scopeKind: n.scope.kind,
    buildings: n.scope.buildings ?? [],
    unitIds: n.scope.unitIds ?? [],
    facilities: (n.scope.facilities ?? []).join('、'),
    reason: n.interruption?.reason ?? '',
    startAt: n.interruption?.startAt ?? null,
    endAt: n.interruption?.endAt ?? null,
    pinned: n.pinned,
    ...(n.expiresAt && !n.interruption ? { expiresAt: n.expiresAt } : {}),
  }
}

export const splitFacilities = (s: string) =>
  s
    .split(/[、，,；;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean)

export type Field = 'title' | 'summary' | 'body' | 'scope' | 'reason' | 'startAt' | 'endAt'
export type Errors = Partial<Record<Field, string>>

/** Every problem with the draft, in Chinese. */
export function validate(d: DraftForm): Errors {
  const e: Errors = {}
  const title = checkTitle(d.title)
  if (title) e.title = title
  const summary = isInterruption(d.type) ? undefined : checkSummary(d.summary)
  if (summary) e.summary = summary
  const body = checkBody(d.body)
  if (body) e.body = body
  if (d.scopeKind === 'buildings' && d.buildings.length === 0) e.scope = BUILDINGS_REQUIRED
  if (d.scopeKind === 'units' && d.unitIds.length === 0) e.scope = UNITS_REQUIRED
  const facilities = d.scopeKind === 'facilities' ? checkFacilities(splitFacilities(d.facilities)) : undefined
  if (facilities) e.scope = facilities
  if (isInterruption(d.type)) {
    const reason = checkReason(d.reason, `请填写${ANNOUNCEMENT_TYPE_LABELS[d.type]}原因`)
    if (reason) e.reason = reason
    if (!d.startAt) e.startAt = '请选择开始时间'
    if (!d.endAt) e.endAt = '请选择预计恢复时间'
    else if (d.startAt && new Date(d.endAt) <= new Date(d.startAt)) e.endAt = END_AFTER_START
  }
  return e
}

/** Problems worth showing while typing (before the first submit): only what is already wrong. */
export function liveErrors(d: DraftForm): Errors {
  const all = validate(d)
  const e: Errors = {}
  if (d.title.trim().length > TITLE_MAX) e.title = all.title
  if (all.summary) e.summary = all.summary
  if (d.body.trim().length > BODY_MAX) e.body = all.body
  if (d.startAt && d.endAt && all.endAt) e.endAt = all.endAt
  return e
}

export function toScope(d: DraftForm): ScopeInput {
  switch (d.scopeKind) {
    case 'buildings':
      return { kind: 'buildings', buildings: d.buildings }
    case 'units':
      return { kind: 'units', unitIds: d.unitIds }
    case 'facilities':
      return { kind: 'facilities', facilities: splitFacilities(d.facilities) }
    default:
      return { kind: 'community' }
  }
}

export function toInput(d: DraftForm, images: string[]): NoticeInput {
  return {
    type: d.type,
    title: d.title.trim(),
    // An interruption's summary is made from its times (by the function): nothing typed to contradict them.
    summary: isInterruption(d.type) ? '' : d.summary.trim(),
    body: d.body.trim(),
    scope: toScope(d),
    images,
    attachments: [],
    ...(isInterruption(d.type) && d.startAt && d.endAt ? { interruption: { reason: d.reason.trim(), startAt: d.startAt, endAt: d.endAt } } : {}),
    pinned: d.pinned,
    ...(d.expiresAt && !isInterruption(d.type) ? { expiresAt: d.expiresAt } : {}),
  }
}

/** "24 小时" / "7 天" */
export function periodText(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`
}

export interface NoticePeriod {
  /** The rule, e.g. "停水需提前 24 小时通知住户"; null when the kind has none. */
  rule: string | null
  /** Hours short of it for this start and publication time (0 = enough notice). */
  shortfall: number
}

/** The notice-period rule for a kind and how far this draft falls short of it (live). */
export function noticePeriod(type: AnnouncementType, startAt: string | null, publishAt: Date = new Date()): NoticePeriod {
  const need = NOTICE_PERIOD_HOURS[type]
  if (!need) return { rule: null, shortfall: 0 }
  return {
    rule: `${ANNOUNCEMENT_TYPE_LABELS[type]}需提前 ${periodText(need)}通知住户`,
    shortfall: startAt ? noticeShortfallHours(type, publishAt, new Date(startAt)) : 0,
  }
}

/** The backend's refusal for a notice published too late: `details.shortfallHours`. */
export function shortfallOf(err: unknown): number | null {
  const e = err as { code?: string; details?: { shortfallHours?: unknown } } | null
  if (!e || e.code !== 'INVALID_INPUT') return null
  const h = e.details?.shortfallHours
  return typeof h === 'number' && h > 0 ? h : null
}

/**
 * The callback-settings form: the settings as editable text, their checks (the same limits as
 * the `setSettings` input) and the exact payload the function accepts.
 */
import { CALLBACK_LIMITS } from '@/domain/limits-staff'
import type { CallbackAssignee, CallbackPolicy, CallbackSettings } from '@/domain/tickets/reminders'

export type PolicyType = keyof CallbackSettings['policy']
export const POLICY_TYPES: PolicyType[] = ['repair', 'complaint', 'consultation']

export type NumberKey = 'dueHours' | 'maxAttempts' | 'confirmReminderHours'

export interface NumberField {
  key: NumberKey
  label: string
  unit: string
  min: number
  max: number
  /** Messages as the function words them. */
  tooSmall: string
  tooLarge: string
}

export const NUMBER_FIELDS: NumberField[] = [
  { key: 'dueHours', label: '回访时限（小时）', unit: '小时', ...CALLBACK_LIMITS.dueHours },
  { key: 'maxAttempts', label: '联系不上最多尝试（次）', unit: '次', ...CALLBACK_LIMITS.maxAttempts },
  { key: 'confirmReminderHours', label: '完工后提醒住户确认（小时）', unit: '小时', ...CALLBACK_LIMITS.confirmReminderHours },
]

export interface Draft {
  policy: Record<PolicyType, CallbackPolicy>
  /** Absent (an older draft): the desk. */
  assignTo?: CallbackAssignee
  dueHours: string
  maxAttempts: string
  confirmReminderHours: string
}

export const toDraft = (s: CallbackSettings): Draft => ({
  policy: { ...s.policy },
  assignTo: s.assignTo ?? 'desk',
  dueHours: String(s.dueHours),
  maxAttempts: String(s.maxAttempts),
  confirmReminderHours: String(s.confirmReminderHours),
})

/** A whole number, or null when the text is not one. */
export function parseWhole(v: string | undefined): number | null {
  const t = (v ?? '').trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : null
}

export function checkNumber(f: NumberField, v: string): string | undefined {
  const t = v.trim()
  if (!t) return '请填写数值'
  const n = parseWhole(t)
  if (n === null) return '请填写整数'
  if (n < f.min) return f.tooSmall
  if (n > f.max) return f.tooLarge
  return undefined
}

export type DraftErrors = Partial<Record<NumberKey, string>>

export function checkDraft(d: Draft): DraftErrors {
  const errors: DraftErrors = {}
  for (const f of NUMBER_FIELDS) {
    const e = checkNumber(f, d[f.key])
    if (e) errors[f.key] = e
  }
  return errors
}

/** Exactly what `setSettings` accepts (a checked draft). */
export const toPayload = (d: Draft): CallbackSettings => ({
  policy: { repair: d.policy.repair, complaint: d.policy.complaint, consultation: d.policy.consultation },
  assignTo: d.assignTo ?? 'desk',
  dueHours: parseWhole(d.dueHours) ?? 0,
  maxAttempts: parseWhole(d.maxAttempts) ?? 0,
  confirmReminderHours: parseWhole(d.confirmReminderHours) ?? 0,
})

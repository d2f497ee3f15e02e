import { CATEGORIES, CATEGORY_BY_CODE, DEPARTMENTS, TICKET_TYPES, TICKET_TYPE_LABELS, type TicketType } from '@/domain/tickets/catalog'
import type { RoutingRule } from '@/domain/tickets/routing'
import { FIXED_STAFF_REQUIRED, GRAB_FALLBACK_MAX, GRAB_FALLBACK_MIN, GRAB_FALLBACK_OUT_OF_RANGE } from '@/domain/limits-staff'

/** What a rule's `match` means to a person. */
export function matchLabel(match: string): string {
  if (match === '*') return '全部工单'
  if (match.startsWith('type:')) {
    const t = match.slice(5) as TicketType
    return TICKET_TYPE_LABELS[t] ? `全部${TICKET_TYPE_LABELS[t]}` : match
  }
  return CATEGORY_BY_CODE.get(match)?.label ?? match
}

/** Match choices: the broad ones first, then each type's categories. */
export function matchGroups(): { title: string; options: { value: string; label: string }[] }[] {
  return [
    { title: '整类', options: [...TICKET_TYPES.map((t) => ({ value: `type:${t}`, label: matchLabel(`type:${t}`) })), { value: '*', label: '全部工单' }] },
    ...TICKET_TYPES.map((t) => ({
      title: `${TICKET_TYPE_LABELS[t]}类别`,
      options: CATEGORIES.filter((c) => c.type === t).map((c) => ({ value: c.code, label: c.label })),
    })),
  ]
}

export const FALLBACK_CHOICES = [5, 10, 15, 30, 60]

export const blankRule = (): RoutingRule => ({ match: '', department: DEPARTMENTS[1], mode: 'assign', grabFallbackMinutes: 10 })

export type RuleErrors = Partial<Record<'match' | 'fixedStaffId' | 'grabFallbackMinutes', string>>

/** Simple checks before the function's own (which also knows who is an active staff member). */
export function checkRule(rule: RoutingRule, others: RoutingRule[]): RuleErrors {
  const errors: RuleErrors = {}
  if (!rule.match) errors.match = '请选择适用的类别'
  else if (others.some((r) => r.match === rule.match)) errors.match = '已有这个类别的规则，请直接编辑它'
  if (rule.mode === 'fixed' && !rule.fixedStaffId) errors.fixedStaffId = FIXED_STAFF_REQUIRED
  const m = rule.grabFallbackMinutes
  if (!Number.isInteger(m) || m < GRAB_FALLBACK_MIN || m > GRAB_FALLBACK_MAX) errors.grabFallbackMinutes = GRAB_FALLBACK_OUT_OF_RANGE
  return errors
}

/** Exactly the fields the function accepts. */
export function normalize(rule: RoutingRule): RoutingRule {
  return {
    match: rule.match,
    department: rule.department,
    mode: rule.mode,
    grabFallbackMinutes: rule.grabFallbackMinutes,
    ...(rule.mode === 'fixed' && rule.fixedStaffId ? { fixedStaffId: rule.fixedStaffId } : {}),
  }
}

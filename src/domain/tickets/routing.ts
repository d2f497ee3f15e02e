import { CATEGORY_BY_CODE, type Department } from './catalog';

/**
 * Routing rules are data (collection `routing_rules`), editable by admins. A rule maps a
 * category (or every category of a type, or `*`) to a department and a mode:
 * - `assign`: the least-loaded on-duty member of the department (round-robin on ties);
 * - `grab`: open to the department's grab pool, assigned as above after `grabFallbackMinutes`;
 * - `fixed`: always one named staff member (falls back to `assign` when they are off duty).
 */
export const ROUTING_MODES = ['assign', 'grab', 'fixed'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];
export const ROUTING_MODE_LABELS: Record<RoutingMode, string> = { assign: '自动派单', grab: '抢单', fixed: '指定人员' };

export interface RoutingRule {
  /** A category code, `type:<repair|complaint|consultation>`, or `*`. */
  match: string;
  department: Department;
  mode: RoutingMode;
  fixedStaffId?: string;
  grabFallbackMinutes: number;
}

export const DEFAULT_RULES: RoutingRule[] = [
  { match: 'type:repair', department: 'engineering', mode: 'grab', grabFallbackMinutes: 10 },
  { match: 'access_control', department: 'security', mode: 'assign', grabFallbackMinutes: 10 },
  { match: 'noise', department: 'security', mode: 'assign', grabFallbackMinutes: 10 },
  { match: 'parking', department: 'security', mode: 'assign', grabFallbackMinutes: 10 },
  { match: 'type:complaint', department: 'desk', mode: 'assign', grabFallbackMinutes: 10 },
  { match: 'type:consultation', department: 'desk', mode: 'assign', grabFallbackMinutes: 10 },
];

/** The most specific rule: exact category, then type, then `*`; else the category's default department. */
export function ruleFor(rules: RoutingRule[], category: string): RoutingRule {
  const cat = CATEGORY_BY_CODE.get(category);
  const exact = rules.find((r) => r.match === category);
  const byType = cat ? rules.find((r) => r.match === `type:${cat.type}`) : undefined;
  const any = rules.find((r) => r.match === '*');
  return exact ?? byType ?? any ?? { match: '*', department: cat?.department ?? 'desk', mode: 'assign', grabFallbackMinutes: 10 };
}

export interface Candidate {
  staffId: string;
  onDuty: boolean;
  active: boolean;
  /** Open tickets assigned to them. */
  load: number;
  /** When they were last given a ticket (round-robin among equals). */
  lastAssignedAt?: Date | null;
}

/** Least-loaded on-duty member; ties go to whoever waited longest since their last ticket. */
export function pickAssignee(candidates: Candidate[]): Candidate | null {
  const ready = candidates.filter((c) => c.active && c.onDuty);
  if (ready.length === 0) return null;
  return [...ready].sort((a, b) => a.load - b.load || time(a.lastAssignedAt) - time(b.lastAssignedAt) || a.staffId.localeCompare(b.staffId))[0];
}
const time = (d?: Date | null) => (d ? new Date(d).getTime() : 0);

export interface RoutingDecision {
  department: Department;
  mode: RoutingMode;
  /** Who gets it now (null: the grab pool, or nobody on duty). */
  assigneeStaffId: string | null;
  /** When an unclaimed pool ticket falls back to assignment. */
  grabDeadline: Date | null;
  /** Emergencies alert the supervisor at once. */
  alertSupervisor: boolean;
}

export function route(rule: RoutingRule, ticket: { category: string; emergency: boolean }, candidates: Candidate[], now: Date): RoutingDecision {
  // Emergencies never wait in a pool: straight to the on-duty engineer.
  if (ticket.emergency) {
    const pick = pickAssignee(candidates);
    return { department: rule.department, mode: 'assign', assigneeStaffId: pick?.staffId ?? null, grabDeadline: null, alertSupervisor: true };
  }
  if (rule.mode === 'fixed') {
    const fixed = candidates.find((c) => c.staffId === rule.fixedStaffId && c.active && c.onDuty);
    const pick = fixed ?? pickAssignee(candidates);
    return { department: rule.department, mode: 'fixed', assigneeStaffId: pick?.staffId ?? null, grabDeadline: null, alertSupervisor: false };
  }
  if (rule.mode === 'grab') {
    return { department: rule.department, mode: 'grab', assigneeStaffId: null, grabDeadline: new Date(now.getTime() + rule.grabFallbackMinutes * 60_000), alertSupervisor: false };
  }
  const pick = pickAssignee(candidates);
  return { department: rule.department, mode: 'assign', assigneeStaffId: pick?.staffId ?? null, grabDeadline: null, alertSupervisor: false };
}

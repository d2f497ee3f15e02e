import { DEFAULT_RULES, route, ruleFor, type Candidate, type RoutingDecision, type RoutingRule } from '../../src/domain/tickets/routing';
import { DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import type { Database } from './cloud';
import type { StaffDoc } from './caller';

/** A community's rules as stored (its `routing_rules` document, or none): the defaults unless it has its own. */
export const rulesOf = (doc: { rules?: RoutingRule[] } | undefined | null): RoutingRule[] => (doc?.rules?.length ? doc.rules : DEFAULT_RULES);

export async function loadRules(db: Database, communityId: string): Promise<RoutingRule[]> {
  return rulesOf((await db.collection('routing_rules').doc(communityId).get()).data[0] as any);
}

/** What routing reads of a community, when the caller has it already (e.g. joined into one read). */
export interface RoutingKnown {
  rules: RoutingRule[];
  /** Every staff record of the community. */
  staff: StaffDoc[];
}

/** Active members of a department with their current load of open tickets. */
export async function candidatesFor(db: Database, communityId: string, department: Department, known?: StaffDoc[]): Promise<(Candidate & { name: string; openid: string })[]> {
  const _ = db.command;
  const role = DEPARTMENT_ROLE[department];
  const staff = (
    known
      ? known.filter((s) => s.communityId === communityId && s.active === true && s.roles?.includes(role)).slice(0, 200)
      : (await db.collection('staff').where({ communityId, active: true, roles: role }).limit(200).get()).data
  ) as (StaffDoc & { lastAssignedAt?: Date })[];
  if (staff.length === 0) return [];
  const loads = await db
    .collection('tickets')
    .aggregate()
    .match({ assigneeStaffId: _.in(staff.map((s) => s._id)), open: true })
    .group({ _id: '$assigneeStaffId', n: db.command.aggregate.sum(1) })
    .end();
  const load = new Map((loads.data as any[]).map((r) => [r._id, r.n]));
  return staff.map((s) => ({
    staffId: s._id,
    name: s.name,
    openid: s.openid,
    onDuty: s.onDuty,
    active: s.active,
    load: load.get(s._id) ?? 0,
    lastAssignedAt: s.lastAssignedAt ?? null,
  }));
}

export async function decide(
  db: Database,
  communityId: string,
  ticket: { category: string; emergency: boolean },
  now: Date,
  known?: RoutingKnown,
): Promise<RoutingDecision & { assigneeName: string | null }> {
  const rule = ruleFor(known?.rules ?? (await loadRules(db, communityId)), ticket.category);
  const candidates = await candidatesFor(db, communityId, rule.department, known?.staff);
  if (rule.mode === 'fixed' && rule.fixedStaffId && !candidates.some((c) => c.staffId === rule.fixedStaffId)) {
    // The named person need not hold the department's role (a supervisor handling complaints, say).
    const fixedId = rule.fixedStaffId;
    const s = known ? known.staff.find((x) => x._id === fixedId) : ((await db.collection('staff').doc(fixedId).get()).data[0] as StaffDoc | undefined);
    if (s && s.communityId === communityId) candidates.push({ staffId: s._id, name: s.name, openid: s.openid, onDuty: s.onDuty, active: s.active, load: 0, lastAssignedAt: null });
  }
  const decision = route(rule, ticket, candidates, now);
  const name = candidates.find((c) => c.staffId === decision.assigneeStaffId)?.name ?? null;
  return { ...decision, assigneeName: name };
}

export async function markAssigned(db: Database, staffId: string | null, now: Date) {
  if (staffId) await db.collection('staff').doc(staffId).update({ lastAssignedAt: now });
}

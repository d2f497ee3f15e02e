import { DEFAULT_RULES, route, ruleFor, type Candidate, type RoutingDecision, type RoutingRule } from '../../src/domain/tickets/routing';
import { DEPARTMENT_ROLE, type Department } from '../../src/domain/tickets/catalog';
import type { Database } from './cloud';
import type { StaffDoc } from './caller';

export async function loadRules(db: Database, communityId: string): Promise<RoutingRule[]> {
  const doc = (await db.collection('routing_rules').doc(communityId).get()).data[0] as any;
  return doc?.rules?.length ? doc.rules : DEFAULT_RULES;
}

/** Active members of a department with their current load of open tickets. */
export async function candidatesFor(db: Database, communityId: string, department: Department): Promise<(Candidate & { name: string; openid: string })[]> {
  const _ = db.command;
  const staff = (await db.collection('staff').where({ communityId, active: true, roles: DEPARTMENT_ROLE[department] }).limit(200).get()).data as (StaffDoc & {
    lastAssignedAt?: Date;
  })[];
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
): Promise<RoutingDecision & { assigneeName: string | null }> {
  const rule = ruleFor(await loadRules(db, communityId), ticket.category);
  const candidates = await candidatesFor(db, communityId, rule.department);
  if (rule.mode === 'fixed' && rule.fixedStaffId && !candidates.some((c) => c.staffId === rule.fixedStaffId)) {
    // The named person need not hold the department's role (a supervisor handling complaints, say).
    const s = (await db.collection('staff').doc(rule.fixedStaffId).get()).data[0] as StaffDoc | undefined;
    if (s && s.communityId === communityId) candidates.push({ staffId: s._id, name: s.name, openid: s.openid, onDuty: s.onDuty, active: s.active, load: 0, lastAssignedAt: null });
  }
  const decision = route(rule, ticket, candidates, now);
  const name = candidates.find((c) => c.staffId === decision.assigneeStaffId)?.name ?? null;
  return { ...decision, assigneeName: name };
}

export async function markAssigned(db: Database, staffId: string | null, now: Date) {
  if (staffId) await db.collection('staff').doc(staffId).update({ lastAssignedAt: now });
}

import { ESCALATION_LABELS, REGULATED, beijingDate, dueDates, elevatorSets, escalationStages, type EscalationStage } from '../../src/domain/facilities';
import { formatMinute } from '../../src/domain/time';
import { roundWindows } from '../../src/domain/facilities';
import { insertMissing } from '../_lib/bulk';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { notify, type Outgoing } from '../_lib/notify';
import type { PlanDoc, RoundDoc } from './facilities';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Rounds appear this long before their window opens (the phone can download them ahead, for offline). */
export const ROUND_LEAD_MS = HOUR;
/** A timer that missed runs catches up this far back. */
const ROUND_LOOKBACK_MS = DAY;
/** Maintenance tasks appear this many days before their due date. */
export const TASK_LEAD_DAYS = 7;

export const roundIdFor = (planId: string, windowStart: number) => stableId('fr', planId, String(windowStart));
export const taskIdFor = (planId: string, date: string) => stableId('ft', planId, date);

async function* pages<T>(ctx: ActionContext, coll: string, where: Record<string, unknown>): AsyncGenerator<T[]> {
  let after = '';
  const _ = ctx.db.command;
  for (;;) {
    const r = await ctx.db
      .collection(coll)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    if (!r.data.length) return;
    yield r.data as T[];
    after = (r.data[r.data.length - 1] as any)._id;
    if (r.data.length < 1000) return;
  }
}

/**
 * The facilities timer: rounds and maintenance tasks that are due (keyed by plan + window start /
 * due date, so overlapping or repeated runs insert each once), then escalation of rounds not done
 * in their window (warning → overdue → supervisor, each once: keyed messages and a conditional mark).
 */
export async function generate(_: unknown, ctx: ActionContext) {
  const now = ctx.clock.now().getTime();
  const db = ctx.db;
  const dbc = db.command;
  let roundsCreated = 0;
  let tasksCreated = 0;
  let considered = 0;

  // 1. Rounds.
  const assetNames = new Map<string, string>();
  /** Reads the names of the assets not named yet (500 ids a query), for rounds and tasks alike. */
  const nameAssets = async (assetIds: string[]) => {
    const missing = [...new Set(assetIds)].filter((id) => !assetNames.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      const r = await db
        .collection('facility_assets')
        .where({ _id: dbc.in(missing.slice(i, i + 500)) })
        .field({ name: true })
        .limit(1000)
        .get();
      for (const a of r.data as any[]) assetNames.set(a._id, a.name);
    }
  };
  for await (const plans of pages<PlanDoc>(ctx, 'facility_plans', { active: true })) {
    await nameAssets(plans.flatMap((p) => p.stops.map((s) => s.assetId).filter((x): x is string => !!x)));
    const docs: RoundDoc[] = [];
    for (const p of plans) {
      const from = Math.max(new Date(p.since).getTime(), now - ROUND_LOOKBACK_MS);
      for (const w of roundWindows(p.schedule, from, now + ROUND_LEAD_MS)) {
        considered++;
        docs.push({
          _id: roundIdFor(p._id, w.start),
          communityId: p.communityId,
          planId: p._id,
          planName: p.name,
          version: p.version,
          role: p.role,
          assigneeStaffId: p.assigneeStaffId,
          windowStart: new Date(w.start),
          windowEnd: new Date(w.end),
          stops: p.stops.map((s) => ({ assetId: s.assetId, area: s.area, assetName: s.assetId ? (assetNames.get(s.assetId) ?? null) : null, arrivedAt: null, how: null })),
          status: 'open',
          escalated: [],
          doneAt: null,
          doneBy: null,
          late: null,
          readings: 0,
          anomalies: 0,
        });
      }
    }
    roundsCreated += (await insertMissing(db, 'facility_rounds', docs)).size;
  }

  // 2. Maintenance tasks.
  const today = beijingDate(now);
  const until = beijingDate(now + TASK_LEAD_DAYS * DAY);
  for await (const plans of pages<any>(ctx, 'facility_mplans', { active: true })) {
    await nameAssets(plans.map((p) => p.assetId));
    const docs: any[] = [];
    for (const p of plans) {
      for (const d of dueDates(p.schedule, until, p.lastDone, p.start)) {
        // Fixed schedules: only from the plan's start and not before the last completion.
        if (d.date < p.start || (p.lastDone && d.date <= p.lastDone && p.schedule.mode === 'fixed')) continue;
        considered++;
        docs.push({
          _id: taskIdFor(p._id, d.date),
          communityId: p.communityId,
          planId: p._id,
          planName: p.name,
          assetId: p.assetId,
          assetName: assetNames.get(p.assetId) ?? '',
          regulated: p.regulated ?? null,
          dueDate: d.date,
          tasks: p.tasks,
          sets: p.regulated === 'elevator' ? elevatorSets(d.index) : [],
          status: 'due',
          escalated: [],
          createdAt: new Date(now),
        });
      }
    }
    tasksCreated += (await insertMissing(db, 'facility_tasks', docs)).size;
  }

  // 3. Escalation of rounds not done in their window, and of maintenance past its date.
  let escalations = 0;
  const supervisorRole = (communityId: string) => ({ role: 'supervisor' as const, communityId });
  for await (const list of pages<RoundDoc>(ctx, 'facility_rounds', { status: 'open', windowStart: dbc.lte(new Date(now)) })) {
    const out: Outgoing[] = [];
    const marks: [string, EscalationStage[]][] = [];
    for (const r of list) {
      const reached = escalationStages({ start: new Date(r.windowStart).getTime(), end: new Date(r.windowEnd).getTime() }, now).filter((s) => !r.escalated.includes(s));
      if (!reached.length) continue;
      marks.push([r._id, reached]);
      const team = r.assigneeStaffId ? [{ staffId: r.assigneeStaffId }] : [{ role: r.role, communityId: r.communityId }];
      for (const stage of reached) {
        out.push({
          key: `${r._id}:${stage}`,
          to: stage === 'supervisor' ? [supervisorRole(r.communityId)] : team,
          kind: stage === 'warning' ? 'round-warning' : stage === 'overdue' ? 'round-overdue' : 'round-escalation',
          title: `巡检${ESCALATION_LABELS[stage]}：${r.planName}`,
          body: `巡检时段 ${formatMinute(r.windowStart)} – ${formatMinute(r.windowEnd).slice(11)}，${stage === 'warning' ? '请尽快完成' : '尚未完成'}`,
          communityId: r.communityId,
          target: { kind: 'facility-round', id: r._id },
        });
      }
    }
    if (out.length) escalations += out.length;
    await notify(ctx, out);
    for (const [id, stages] of marks)
      for (const st of stages)
        await db
          .collection('facility_rounds')
          .doc(id)
          .update({ escalated: dbc.addToSet(st) });
  }
  for await (const list of pages<any>(ctx, 'facility_tasks', { status: 'due', dueDate: dbc.lt(today) })) {
    const out: Outgoing[] = [];
    const marks: string[] = [];
    for (const t of list) {
      if ((t.escalated ?? []).includes('overdue')) continue;
      marks.push(t._id);
      const to: Outgoing['to'] = t.regulated
        ? [{ role: 'engineer', communityId: t.communityId }, supervisorRole(t.communityId)]
        : [{ role: 'engineer', communityId: t.communityId }];
      out.push({
        key: `${t._id}:overdue`,
        to,
        kind: 'maintenance-overdue',
        title: `维护逾期：${t.assetName}`,
        body: `${t.planName} 应于 ${t.dueDate} 完成${t.regulated ? `（${REGULATED[t.regulated as keyof typeof REGULATED].label}，法定周期）` : ''}`,
        communityId: t.communityId,
        target: { kind: 'facility-asset', id: t.assetId },
      });
    }
    if (out.length) await notify(ctx, out);
    for (const id of marks)
      await db
        .collection('facility_tasks')
        .doc(id)
        .update({ escalated: dbc.addToSet('overdue') });
  }
  return { considered, roundsCreated, tasksCreated, escalations };
}

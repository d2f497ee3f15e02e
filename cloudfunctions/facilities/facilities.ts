import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  ELEVATOR_SETS,
  MAINTENANCE_TASKS,
  REGULATED,
  SYSTEMS,
  beijingDate,
  checkReading,
  daysOverdue,
  dateInstant,
  elevatorSets,
  maintenanceProblem,
  mtbfDays,
  nextDue,
  scheduleProblem,
  scheduleText,
  templateProblem,
  type ChecklistItem,
  type MaintenanceSchedule,
  type RegulatedKind,
  type RoundSchedule,
} from '../../src/domain/facilities';
import type { facilitiesInputs as I } from '../../src/domain/facilities-api';
import { formatMinute } from '../../src/domain/time';
import { claim } from '../_lib/bulk';
import { useFiles } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { raiseTicket } from './tickets';

type In<K extends keyof typeof I> = z.infer<(typeof I)[K]>;

export interface AssetDoc {
  _id: string;
  communityId: string;
  /** The QR label's code: random, 12 characters (≈ 60 bits), never derived from anything guessable. */
  code: string;
  name: string;
  system: string;
  building: string;
  floor: string;
  area: string;
  model: string;
  manufacturer: string;
  installDate: string | null;
  contractor: string;
  contractorPhone: string;
  regulated: RegulatedKind | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanDoc {
  _id: string;
  communityId: string;
  name: string;
  schedule: RoundSchedule;
  stops: { assetId: string | null; area: string }[];
  role: 'engineer' | 'security';
  assigneeStaffId: string | null;
  active: boolean;
  version: number;
  /** Rounds are generated from here on (a new or changed plan does not reach back). */
  since: Date;
  updatedAt: Date;
}

export interface RoundDoc {
  _id: string;
  communityId: string;
  planId: string;
  planName: string;
  version: number;
  role: PlanDoc['role'];
  assigneeStaffId: string | null;
  windowStart: Date;
  windowEnd: Date;
  stops: { assetId: string | null; area: string; assetName: string | null; arrivedAt: Date | null; how: 'scan' | 'confirm' | null }[];
  status: 'open' | 'done';
  escalated: string[];
  doneAt: Date | null;
  doneBy: string | null;
  late: boolean | null;
  readings: number;
  anomalies: number;
}

const ALLOWED_STAFF = ['engineer', 'security', 'supervisor', 'admin'] as const;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => [...randomBytes(12)].map((b) => ALPHABET[b % 32]).join('');

function staffOf(ctx: ActionContext) {
  const s = ctx.caller.staff;
  if (!s || !ALLOWED_STAFF.some((r) => ctx.caller.roles.has(r))) throw new AppError('FORBIDDEN');
  return s;
}
const isManager = (ctx: ActionContext) => ctx.caller.roles.has('admin') || ctx.caller.roles.has('supervisor');

async function get<T>(ctx: ActionContext, coll: string, id: string): Promise<T | null> {
  const r = await ctx.db.collection(coll).where({ _id: id }).limit(1).get();
  return (r.data[0] as T) ?? null;
}
/** A document of the caller's community, else NOT_FOUND (never say it exists elsewhere). */
async function mine<T extends { communityId: string }>(ctx: ActionContext, coll: string, id: string, what: string): Promise<T> {
  const s = staffOf(ctx);
  const d = await get<T>(ctx, coll, id);
  if (!d || d.communityId !== s.communityId) throw new AppError('NOT_FOUND', `未找到该${what}`);
  return d;
}
/** Changes a document of the caller's community (another community's is not found). */
async function updateMine(ctx: ActionContext, coll: string, id: string, what: string, patch: Record<string, unknown>) {
  await mine(ctx, coll, id, what);
  await ctx.db.collection(coll).doc(id).update(patch);
}
async function all<T>(ctx: ActionContext, coll: string, where: Record<string, unknown>, order?: [string, 'asc' | 'desc']): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    let q = ctx.db.collection(coll).where(where);
    if (order) q = q.orderBy(order[0], order[1]) as any;
    const r = await q.skip(skip).limit(1000).get();
    out.push(...(r.data as T[]));
    if (r.data.length < 1000) return out;
  }
}

async function systemLabels(ctx: ActionContext, communityId: string): Promise<Record<string, string>> {
  const custom = await all<{ code: string; label: string }>(ctx, 'facility_systems', { communityId });
  return { ...SYSTEMS, ...Object.fromEntries(custom.map((c) => [c.code, c.label])) };
}

// ------------------------------------------------------------------------------------------
// Systems and assets
// ------------------------------------------------------------------------------------------

export async function addSystem(input: In<'addSystem'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  if (input.code in SYSTEMS) throw new AppError('CONFLICT', '该系统已存在');
  await claim(ctx.db, 'facility_systems', {
    _id: stableId('fsys', s.communityId, input.code),
    communityId: s.communityId,
    code: input.code,
    label: input.label,
    createdAt: ctx.clock.now(),
  });
  return { code: input.code };
}

export async function systems(_: In<'systems'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const labels = await systemLabels(ctx, s.communityId);
  return { items: Object.entries(labels).map(([code, label]) => ({ code, label, builtin: code in SYSTEMS })) };
}

export async function saveAsset(input: In<'saveAsset'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const labels = await systemLabels(ctx, s.communityId);
  if (!labels[input.system]) throw new AppError('INVALID_INPUT', '未知的设备系统，请先由管理员添加');
  const now = ctx.clock.now();
  const { assetId, clientRequestId, ...fields } = input;
  if (assetId) {
    await updateMine(ctx, 'facility_assets', assetId, '设备', { ...fields, updatedAt: now });
    return { assetId };
  }
  const _id = clientRequestId ? stableId('fa', s.communityId, clientRequestId) : `fa-${randomBytes(8).toString('hex')}`;
  const doc: AssetDoc = { _id, communityId: s.communityId, code: newCode(), ...fields, createdAt: now, updatedAt: now };
  // A repeated request (double tap, retry) answers the asset it created the first time.
  if (!(await claim(ctx.db, 'facility_assets', doc))) return { assetId: _id, code: (await get<AssetDoc>(ctx, 'facility_assets', _id))!.code };
  return { assetId: doc._id, code: doc.code };
}

const assetView = (a: AssetDoc, labels: Record<string, string>) => ({
  id: a._id,
  code: a.code,
  name: a.name,
  system: a.system,
  systemLabel: labels[a.system] ?? a.system,
  location: [a.building, a.floor, a.area].filter(Boolean).join(' '),
  building: a.building,
  floor: a.floor,
  area: a.area,
  model: a.model,
  manufacturer: a.manufacturer,
  installDate: a.installDate,
  contractor: a.contractor,
  contractorPhone: a.contractorPhone,
  regulated: a.regulated,
  regulatedLabel: a.regulated ? REGULATED[a.regulated].label : null,
});

export async function assets(input: In<'assets'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const labels = await systemLabels(ctx, s.communityId);
  const list = await all<AssetDoc>(ctx, 'facility_assets', { communityId: s.communityId, ...(input.system ? { system: input.system } : {}) });
  return { items: list.map((a) => assetView(a, labels)) };
}

/** The asset page (scan of its label, or from the list): details, what is due, history. */
export async function asset(input: In<'asset'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  let a: AssetDoc | null;
  if ('code' in input) {
    const r = await ctx.db.collection('facility_assets').where({ code: input.code }).limit(1).get();
    a = (r.data[0] as AssetDoc) ?? null;
    if (!a || a.communityId !== s.communityId) throw new AppError('NOT_FOUND', '未找到该设备码对应的设备');
  } else a = await mine<AssetDoc>(ctx, 'facility_assets', input.assetId, '设备');
  const labels = await systemLabels(ctx, s.communityId);
  const [readings, records, tasks, tickets] = await Promise.all([
    ctx.db.collection('facility_readings').where({ assetId: a._id }).orderBy('at', 'desc').limit(50).get(),
    ctx.db.collection('facility_records').where({ assetId: a._id }).orderBy('doneAt', 'desc').limit(50).get(),
    ctx.db.collection('facility_tasks').where({ assetId: a._id, status: 'due' }).orderBy('dueDate', 'asc').limit(20).get(),
    ctx.db.collection('facility_anomalies').where({ assetId: a._id }).orderBy('at', 'desc').limit(50).get(),
  ]);
  const roundIds = [...new Set((readings.data as any[]).map((r) => r.roundId))];
  return {
    asset: assetView(a, labels),
    due: (tasks.data as any[]).map(taskView),
    readings: (readings.data as any[]).map((r) => ({ id: r._id, roundId: r.roundId, label: r.label, text: r.text, anomaly: r.anomaly, at: r.at, by: r.byName })),
    rounds: roundIds.length,
    maintenance: (records.data as any[]).map(recordView),
    tickets: (tickets.data as any[]).map((t) => ({ ticketId: t.ticketId, no: t.ticketNo, label: t.label, at: t.at, source: t.source })),
  };
}

export async function labels(input: In<'labels'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const list = await all<AssetDoc>(ctx, 'facility_assets', { communityId: s.communityId });
  const chosen = input.assetIds ? list.filter((a) => input.assetIds!.includes(a._id)) : list;
  const sys = await systemLabels(ctx, s.communityId);
  return {
    items: chosen.map((a) => ({ id: a._id, code: a.code, name: a.name, system: sys[a.system] ?? a.system, location: [a.building, a.floor, a.area].filter(Boolean).join(' ') })),
  };
}

/** 报修 from the asset page: a ticket tied to the asset, once per client request. */
export async function report(input: In<'report'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const a = await mine<AssetDoc>(ctx, 'facility_assets', input.assetId, '设备');
  const key = stableId('fan', 'asset-report', s._id, input.clientRequestId);
  return raiseTicket(ctx, { key, asset: a, description: input.description, label: '设备报修', source: 'asset', roundId: null, staff: s, at: ctx.clock.now() });
}

// ------------------------------------------------------------------------------------------
// Inspection plans (versioned templates) and rounds
// ------------------------------------------------------------------------------------------

export async function savePlan(input: In<'savePlan'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  if (!isManager(ctx) && !ctx.caller.roles.has('engineer')) throw new AppError('FORBIDDEN');
  const problem = scheduleProblem(input.schedule as RoundSchedule) ?? templateProblem(input.items as ChecklistItem[]);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  for (const st of input.stops) if (st.assetId) await mine<AssetDoc>(ctx, 'facility_assets', st.assetId, '设备');
  const now = ctx.clock.now();
  const { planId, clientRequestId, items, ...fields } = input;
  const _ = ctx.db.command;
  if (planId) {
    const p = await mine<PlanDoc>(ctx, 'facility_plans', planId, '巡检计划');
    const version = p.version + 1;
    // Template first (keyed by version), then the plan: a retry after a crash writes the same version.
    await claim(ctx.db, 'facility_templates', { _id: `${planId}:v${version}`, planId, version, items, createdAt: now, by: s._id });
    const res: any = await ctx.db
      .collection('facility_plans')
      .where({ _id: planId, version: p.version })
      // The schedule is replaced whole (a plain object would be merged into the stored one).
      .update({ ...fields, schedule: _.set(fields.schedule), version, updatedAt: now });
    if (res.updated !== 1) throw new AppError('CONFLICT', '计划已被他人修改，请刷新后再保存');
    return { planId, version };
  }
  const id = clientRequestId ? stableId('fp', s.communityId, clientRequestId) : `fp-${randomBytes(8).toString('hex')}`;
  const existing = await get<PlanDoc>(ctx, 'facility_plans', id);
  if (existing) return { planId: id, version: existing.version };
  await claim(ctx.db, 'facility_templates', { _id: `${id}:v1`, planId: id, version: 1, items, createdAt: now, by: s._id });
  const doc: PlanDoc = { _id: id, communityId: s.communityId, ...fields, version: 1, since: now, updatedAt: now } as PlanDoc;
  await claim(ctx.db, 'facility_plans', doc);
  return { planId: id, version: 1 };
}

export async function plans(_: In<'plans'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const list = await all<PlanDoc>(ctx, 'facility_plans', { communityId: s.communityId });
  const templates = await Promise.all(list.map((p) => get<{ items: ChecklistItem[] }>(ctx, 'facility_templates', `${p._id}:v${p.version}`)));
  return {
    items: list.map((p, i) => ({
      id: p._id,
      name: p.name,
      schedule: p.schedule,
      scheduleText: scheduleText(p.schedule),
      stops: p.stops,
      role: p.role,
      active: p.active,
      version: p.version,
      items: templates[i]?.items ?? [],
    })),
  };
}

const roundView = (r: RoundDoc, now: Date) => ({
  id: r._id,
  planId: r.planId,
  planName: r.planName,
  version: r.version,
  windowStart: r.windowStart,
  windowEnd: r.windowEnd,
  window: `${formatMinute(r.windowStart)} – ${formatMinute(r.windowEnd).slice(11)}`,
  status: r.status,
  overdue: r.status === 'open' && new Date(r.windowEnd).getTime() <= now.getTime(),
  statusLabel: r.status === 'done' ? (r.late ? '已完成（超时）' : '已完成') : new Date(r.windowEnd).getTime() <= now.getTime() ? '已超时' : '待巡检',
  stops: r.stops,
  readings: r.readings,
  anomalies: r.anomalies,
  doneAt: r.doneAt,
});

export async function rounds(input: In<'rounds'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const now = ctx.clock.now();
  const where: Record<string, unknown> = { communityId: s.communityId };
  if (input.status !== 'all') where.status = input.status;
  const r = await ctx.db.collection('facility_rounds').where(where).orderBy('windowStart', 'desc').limit(100).get();
  return { items: (r.data as RoundDoc[]).map((x) => roundView(x, now)) };
}

/** A round with its checklist (the template version it is done with) and the readings stored so far: all the phone needs to work offline. */
export async function round(input: In<'round'>, ctx: ActionContext) {
  const r = await mine<RoundDoc>(ctx, 'facility_rounds', input.roundId, '巡检任务');
  const [tpl, readings, assetsOf] = await Promise.all([
    get<{ items: ChecklistItem[] }>(ctx, 'facility_templates', `${r.planId}:v${r.version}`),
    all<any>(ctx, 'facility_readings', { roundId: r._id }),
    all<AssetDoc>(ctx, 'facility_assets', { communityId: r.communityId }),
  ]);
  const codes = new Map(assetsOf.map((a) => [a._id, a]));
  return {
    round: roundView(r, ctx.clock.now()),
    items: tpl?.items ?? [],
    stops: r.stops.map((st, i) => ({ index: i, ...st, assetCode: st.assetId ? (codes.get(st.assetId)?.code ?? null) : null })),
    readings: readings.map((x) => ({ clientId: x.clientId, stop: x.stop, itemId: x.itemId, text: x.text, anomaly: x.anomaly, at: x.at, syncedAt: x.syncedAt })),
  };
}

/**
 * Readings from the phone, possibly after being offline: each is stored once under its
 * (round, stop, item) id with the time it was taken; a repeat (a second sync, a second phone)
 * stores nothing and answers how it went. An anomaly opens exactly one ticket (keyed).
 */
export async function sync(input: In<'sync'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const r = await mine<RoundDoc>(ctx, 'facility_rounds', input.roundId, '巡检任务');
  const now = ctx.clock.now();
  const tpl = await get<{ items: ChecklistItem[] }>(ctx, 'facility_templates', `${r.planId}:v${r.version}`);
  const items = new Map((tpl?.items ?? []).map((i) => [i.id, i]));
  // Validate everything first: a bad reading refuses the whole sync, writing nothing.
  const checked = input.readings.map((x) => {
    const item = items.get(x.itemId);
    if (!item) throw new AppError('INVALID_INPUT', `检查项 ${x.itemId} 不在本次巡检的检查表中`);
    if (x.stop >= r.stops.length) throw new AppError('INVALID_INPUT', `巡检点 ${x.stop + 1} 不存在`);
    const c = checkReading(item, x.value as any);
    if (!c.ok) throw new AppError('INVALID_INPUT', c.message, { clientId: x.clientId });
    const at = new Date(x.at);
    if (at.getTime() > now.getTime() + 5 * 60_000) throw new AppError('INVALID_INPUT', '读数时间晚于当前时间，请检查手机时间');
    return { x, item, c, at };
  });
  for (const st of input.stops) {
    if (st.stop >= r.stops.length) throw new AppError('INVALID_INPUT', `巡检点 ${st.stop + 1} 不存在`);
    const stop = r.stops[st.stop];
    if (st.how === 'scan' && stop.assetId) {
      const a = await get<AssetDoc>(ctx, 'facility_assets', stop.assetId);
      if (!a || a.code !== (st.code ?? '').trim().toUpperCase())
        throw new AppError('INVALID_INPUT', `第 ${st.stop + 1} 个巡检点的设备码不符，请扫描「${stop.assetName ?? stop.area}」的标签`);
    }
  }
  if (r.status === 'done') {
    // A closed round takes nothing new; a repeat of what it already holds is answered as stored.
    const have = new Set((await all<any>(ctx, 'facility_readings', { roundId: r._id })).map((x) => x._id));
    const fresh = checked.filter(({ x }) => !have.has(stableId('frd', r._id, String(x.stop), x.itemId)));
    if (fresh.length) throw new AppError('CONFLICT', '该巡检任务已完成并关闭，不能再补录读数', { reason: 'round-closed' });
    return { stored: 0, duplicates: checked.length, anomalies: 0, tickets: [], closed: true, alreadyClosed: true };
  }

  // Photo items: each file must be an upload slot of this community's staff, uploaded, and not
  // attached elsewhere; it is bound to this round (a repeated sync binds the same files again, harmlessly).
  const photos = checked.flatMap(({ x }) => (x.value.kind === 'photo' ? x.value.fileIds : []));
  await useFiles(ctx, photos, `round:${r._id}`);

  let stored = 0;
  const tickets: { ticketId: string | null; no: string | null }[] = [];
  for (const { x, item, c, at } of checked) {
    const stop = r.stops[x.stop];
    const _id = stableId('frd', r._id, String(x.stop), x.itemId);
    const doc = {
      _id,
      clientId: x.clientId,
      communityId: r.communityId,
      roundId: r._id,
      planId: r.planId,
      assetId: stop.assetId,
      stop: x.stop,
      itemId: x.itemId,
      label: item.label,
      value: x.value,
      text: c.text,
      anomaly: c.anomaly,
      at,
      syncedAt: now,
      by: s._id,
      byName: s.name,
    };
    if (!(await claim(ctx.db, 'facility_readings', doc))) continue;
    stored++;
    if (c.anomaly) {
      const asset = stop.assetId ? await get<AssetDoc>(ctx, 'facility_assets', stop.assetId) : null;
      const t = await raiseTicket(ctx, {
        key: stableId('fan', r._id, String(x.stop), x.itemId),
        asset,
        area: stop.area,
        description: `巡检异常：${r.planName}，${stop.assetName ?? stop.area}「${item.label}」${c.text}`,
        label: '巡检异常',
        source: 'round',
        roundId: r._id,
        staff: s,
        at,
      });
      tickets.push({ ticketId: t.ticketId, no: t.no });
    }
  }
  const _ = ctx.db.command;
  const stopPatch: Record<string, unknown> = {};
  for (const st of input.stops) {
    if (!r.stops[st.stop].arrivedAt) {
      stopPatch[`stops.${st.stop}.arrivedAt`] = new Date(st.arrivedAt);
      stopPatch[`stops.${st.stop}.how`] = st.how;
    }
  }
  const anomalies = checked.filter((c) => c.c.anomaly).length;
  if (stored || Object.keys(stopPatch).length) {
    await ctx.db
      .collection('facility_rounds')
      .doc(r._id)
      .update({ ...stopPatch, readings: _.inc(stored), anomalies: _.inc(stored ? tickets.length : 0) });
  }
  let closed = false;
  if (input.close) {
    // Done when the last reading was taken on the phone (its real time, even if synced later).
    const doneAt = checked.length ? new Date(Math.max(...checked.map((c) => c.at.getTime()))) : now;
    // Closing is conditional on the round still being open: two phones closing at once close it once.
    const res: any = await ctx.db
      .collection('facility_rounds')
      .where({ _id: r._id, status: 'open' })
      .update({ status: 'done', doneAt, doneBy: s._id, doneByName: s.name, late: doneAt.getTime() > new Date(r.windowEnd).getTime() });
    closed = true;
    if (!res.updated) return { stored, duplicates: checked.length - stored, anomalies, tickets, closed, alreadyClosed: true };
  }
  return { stored, duplicates: checked.length - stored, anomalies, tickets, closed, alreadyClosed: false };
}

// ------------------------------------------------------------------------------------------
// Preventive maintenance
// ------------------------------------------------------------------------------------------

export async function saveMaintenancePlan(input: In<'saveMaintenancePlan'>, ctx: ActionContext) {
  staffOf(ctx);
  if (!isManager(ctx) && !ctx.caller.roles.has('engineer')) throw new AppError('FORBIDDEN');
  const a = await mine<AssetDoc>(ctx, 'facility_assets', input.assetId, '设备');
  const problem = maintenanceProblem(input.schedule as MaintenanceSchedule, a.regulated);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const now = ctx.clock.now();
  const { planId, clientRequestId, ...fields } = input;
  if (planId) {
    // Fixed ↔ floating: the schedule is replaced whole, not merged into the stored one.
    await updateMine(ctx, 'facility_mplans', planId, '维护计划', { ...fields, schedule: ctx.db.command.set(fields.schedule), regulated: a.regulated, updatedAt: now });
    return { planId };
  }
  const id = clientRequestId ? stableId('fm', a.communityId, clientRequestId) : `fm-${randomBytes(8).toString('hex')}`;
  await claim(ctx.db, 'facility_mplans', { _id: id, communityId: a.communityId, ...fields, regulated: a.regulated, lastDone: null, active: true, createdAt: now, updatedAt: now });
  return { planId: id };
}

export async function maintenancePlans(input: In<'maintenancePlans'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const list = await all<any>(ctx, 'facility_mplans', { communityId: s.communityId, ...(input.assetId ? { assetId: input.assetId } : {}) });
  return {
    items: list.map((p) => ({
      id: p._id,
      assetId: p.assetId,
      name: p.name,
      schedule: p.schedule,
      tasks: p.tasks,
      start: p.start,
      lastDone: p.lastDone,
      nextDue: nextDue(p.schedule, p.lastDone, p.start),
    })),
  };
}

const taskView = (t: any) => ({
  id: t._id,
  assetId: t.assetId,
  assetName: t.assetName,
  planName: t.planName,
  dueDate: t.dueDate,
  tasks: t.tasks.map((k: keyof typeof MAINTENANCE_TASKS) => MAINTENANCE_TASKS[k]),
  sets: (t.sets ?? []).map((k: keyof typeof ELEVATOR_SETS) => ELEVATOR_SETS[k]),
  status: t.status,
  escalated: t.escalated ?? [],
});

export async function tasks(input: In<'tasks'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const list = await all<any>(ctx, 'facility_tasks', { communityId: s.communityId, ...(input.status === 'all' ? {} : { status: input.status }) }, ['dueDate', 'asc']);
  return { items: list.map(taskView) };
}

const recordView = (r: any) => ({
  id: r._id,
  assetId: r.assetId,
  assetName: r.assetName,
  kind: r.kind,
  what: [
    r.tasks.map((k: keyof typeof MAINTENANCE_TASKS) => MAINTENANCE_TASKS[k]).join('、'),
    r.sets?.length ? r.sets.map((k: keyof typeof ELEVATOR_SETS) => ELEVATOR_SETS[k]).join('、') : '',
    r.summary,
  ]
    .filter(Boolean)
    .join('；'),
  doneAt: r.doneAt,
  when: formatMinute(r.doneAt),
  who: [r.contractor, r.technician].filter(Boolean).join(' ') || r.byName,
  witness: r.witnessName,
  parts: r.parts.map((p: any) => `${p.name}×${p.qty}`).join('、'),
  cost: r.parts.reduce((n: number, p: any) => n + p.qty * p.unitCost, 0),
  result: r.result,
  qualified: r.qualified,
  nextDue: r.nextDue,
  reportFiles: r.reportFiles,
});

/** A maintenance done (ours or a contractor's visit, witnessed by staff): once per client request. Completes the due task it answers. */
export async function recordMaintenance(input: In<'recordMaintenance'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const a = await mine<AssetDoc>(ctx, 'facility_assets', input.assetId, '设备');
  const _id = stableId('frec', s._id, input.clientRequestId);
  const existing = await get<any>(ctx, 'facility_records', _id);
  if (existing) return { recordId: _id, created: false, nextDue: existing.nextDue };
  const doneAt = new Date(input.doneAt);
  if (doneAt.getTime() > ctx.clock.now().getTime() + 5 * 60_000) throw new AppError('INVALID_INPUT', '维护时间不能晚于现在');
  let witnessName: string | null = null;
  if (input.witnessStaffId) {
    const w = await get<any>(ctx, 'staff', input.witnessStaffId);
    if (!w || w.communityId !== s.communityId || !w.active) throw new AppError('INVALID_INPUT', '见证人不是本小区在职员工');
    witnessName = w.name;
  }
  if (input.contractor && !input.witnessStaffId) throw new AppError('INVALID_INPUT', '外包单位的维保须由本小区员工见证，请选择见证人');
  let task: any = null;
  if (input.taskId) {
    task = await mine<any>(ctx, 'facility_tasks', input.taskId, '维护任务');
    if (task.assetId !== a._id) throw new AppError('INVALID_INPUT', '该维护任务不属于此设备');
  }
  const { useFiles } = await import('../_lib/files');
  await useFiles(ctx, input.reportFiles, `facility-record:${_id}`);
  const day = beijingDate(doneAt.getTime());
  const plans = await all<any>(ctx, 'facility_mplans', { assetId: a._id });
  const plan = task ? plans.find((p) => p._id === task.planId) : plans[0];
  // What this visit covers: a fixed plan's due date (the grid does not move); a floating plan's completion day.
  const covers = plan ? (plan.schedule.mode === 'fixed' && task ? task.dueDate : day) : day;
  const last = plan?.lastDone && plan.lastDone > covers ? plan.lastDone : covers;
  const next = plan ? nextDue(plan.schedule, last, plan.start) : null;
  const doc = {
    _id,
    communityId: a.communityId,
    assetId: a._id,
    assetName: a.name,
    system: a.system,
    taskId: task?._id ?? null,
    planId: plan?._id ?? null,
    kind: input.kind,
    tasks: input.tasks.length ? input.tasks : (task?.tasks ?? []),
    sets: task?.sets ?? [],
    summary: input.summary,
    doneAt,
    by: s._id,
    byName: s.name,
    contractor: input.contractor,
    technician: input.technician,
    witnessStaffId: input.witnessStaffId,
    witnessName,
    parts: input.parts,
    result: input.result,
    qualified: input.qualified,
    reportFiles: input.reportFiles,
    nextDue: next,
    createdAt: ctx.clock.now(),
  };
  if (!(await claim(ctx.db, 'facility_records', doc))) return { recordId: _id, created: false, nextDue: next };
  if (task) await ctx.db.collection('facility_tasks').doc(task._id).update({ status: 'done', doneAt, recordId: _id });
  if (plan && (!plan.lastDone || covers > plan.lastDone)) await ctx.db.collection('facility_mplans').doc(plan._id).update({ lastDone: covers, lastDoneAt: doneAt });
  return { recordId: _id, created: true, nextDue: next };
}

async function recordRows(input: In<'record'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  if (input.assetId) await mine<AssetDoc>(ctx, 'facility_assets', input.assetId, '设备');
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { communityId: s.communityId, ...(input.assetId ? { assetId: input.assetId } : {}) };
  const range = [input.from ? _.gte(new Date(dateInstant(input.from))) : null, input.to ? _.lt(new Date(dateInstant(input.to) + 86_400_000)) : null].filter(Boolean);
  if (range.length === 2) where.doneAt = _.and(range as any);
  else if (range.length === 1) where.doneAt = range[0];
  return (await all<any>(ctx, 'facility_records', where, ['doneAt', 'desc'])).map(recordView);
}

/** 《设施设备维护记录表》 on screen. */
export async function record(input: In<'record'>, ctx: ActionContext) {
  return { title: '设施设备维护记录表', items: await recordRows(input, ctx) };
}

export const RECORD_COLUMNS = ['序号', '设备名称', '维护内容', '维护时间', '维护人员', '见证人', '更换配件', '维护结果', '下次维护日期'] as const;

/** The same table as an .xlsx (exceljs), base64, in the form's layout. */
export async function exportRecord(input: In<'exportRecord'>, ctx: ActionContext) {
  const rows = await recordRows(input, ctx);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('维护记录');
  ws.mergeCells(1, 1, 1, RECORD_COLUMNS.length);
  ws.getCell(1, 1).value = '设施设备维护记录表';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([...RECORD_COLUMNS]).font = { bold: true };
  rows.forEach((r, i) => ws.addRow([i + 1, r.assetName, r.what, r.when, r.who, r.witness ?? '', r.parts, r.result, r.nextDue ?? '']));
  ws.columns.forEach((c, i) => (c.width = [6, 18, 40, 18, 16, 10, 24, 16, 14][i]));
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `设施设备维护记录表-${beijingDate(ctx.clock.now().getTime())}.xlsx`, base64: Buffer.from(buf as ArrayBuffer).toString('base64'), rows: rows.length };
}

// ------------------------------------------------------------------------------------------
// Analysis and the public page
// ------------------------------------------------------------------------------------------

export async function analysis(input: In<'analysis'>, ctx: ActionContext) {
  const s = staffOf(ctx);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const _ = ctx.db.command;
  const [roundList, anomalies, recs, assetList, mplans] = await Promise.all([
    all<RoundDoc>(ctx, 'facility_rounds', { communityId: s.communityId, windowStart: _.gte(since) }),
    all<any>(ctx, 'facility_anomalies', { communityId: s.communityId, at: _.gte(since) }),
    all<any>(ctx, 'facility_records', { communityId: s.communityId, doneAt: _.gte(since) }),
    all<AssetDoc>(ctx, 'facility_assets', { communityId: s.communityId }),
    all<any>(ctx, 'facility_mplans', { communityId: s.communityId }),
  ]);
  const labels = await systemLabels(ctx, s.communityId);
  const due = roundList.filter((r) => new Date(r.windowEnd).getTime() <= now.getTime() || r.status === 'done');
  const done = due.filter((r) => r.status === 'done');
  const onTime = done.filter((r) => !r.late);
  const bySystem: Record<string, number> = {};
  const byAsset: Record<string, { name: string; count: number; times: number[] }> = {};
  const assetById = new Map(assetList.map((a) => [a._id, a]));
  for (const a of anomalies) {
    const asset = a.assetId ? assetById.get(a.assetId) : null;
    const sys = asset ? (labels[asset.system] ?? asset.system) : '其他';
    bySystem[sys] = (bySystem[sys] ?? 0) + 1;
    if (asset) {
      const e = (byAsset[asset._id] ??= { name: asset.name, count: 0, times: [] });
      e.count++;
      e.times.push(new Date(a.at).getTime());
    }
  }
  const today = beijingDate(now.getTime());
  const compliance = assetList
    .filter((a) => a.regulated)
    .map((a) => {
      const last =
        mplans
          .filter((p) => p.assetId === a._id)
          .map((p) => p.lastDone as string | null)
          .filter(Boolean)
          .sort()
          .pop() ?? null;
      return { assetId: a._id, name: a.name, kind: REGULATED[a.regulated!].label, lastDone: last, daysOverdue: daysOverdue(a.regulated!, last, a.installDate, today) };
    });
  const costBySystem: Record<string, number> = {};
  for (const r of recs) {
    const sys = labels[r.system] ?? r.system;
    costBySystem[sys] = (costBySystem[sys] ?? 0) + r.parts.reduce((n: number, p: any) => n + p.qty * p.unitCost, 0);
  }
  return {
    days: input.days,
    rounds: {
      due: due.length,
      done: done.length,
      onTime: onTime.length,
      completionRate: due.length ? done.length / due.length : null,
      punctuality: done.length ? onTime.length / done.length : null,
    },
    anomaliesBySystem: Object.entries(bySystem).map(([label, count]) => ({ label, count })),
    anomaliesByAsset: Object.entries(byAsset).map(([assetId, e]) => ({ assetId, name: e.name, count: e.count, mtbfDays: mtbfDays(e.times) })),
    repeatFaults: Object.entries(byAsset)
      .filter(([, e]) => e.count >= 2)
      .map(([assetId, e]) => ({ assetId, name: e.name, count: e.count })),
    compliance,
    cost: { total: Object.values(costBySystem).reduce((a, b) => a + b, 0), bySystem: Object.entries(costBySystem).map(([label, amount]) => ({ label, amount })) },
  };
}

/** The residents' 设施维护 page: their buildings' elevators, water tanks, the latest water-quality result. */
export async function publicStatus(_: In<'publicStatus'>, ctx: ActionContext) {
  const homes = ctx.caller.homes;
  if (!homes.length) throw new AppError('FORBIDDEN', '请先绑定房屋');
  const communityId = homes[0].communityId;
  const cmd = ctx.db.command;
  // The homes' units and the regulated assets with their records and plans joined in by the
  // database: one step of two calls (it was two calls per asset, one after another).
  const [units, joined] = await Promise.all([
    all<any>(ctx, 'units', { _id: cmd.in(homes.map((h) => h.unitId)) }),
    ctx.db
      .collection('facility_assets')
      .aggregate()
      .match({ communityId, regulated: cmd.in(['elevator', 'water-tank']) })
      .limit(1000)
      .lookup({ from: 'facility_records', localField: '_id', foreignField: 'assetId', as: 'records' })
      .lookup({ from: 'facility_mplans', localField: '_id', foreignField: 'assetId', as: 'plans' })
      .end(),
  ]);
  const buildings = new Set(units.filter(Boolean).map((u) => String(u.building)));
  const list = (joined as any).data as (AssetDoc & { records: any[]; plans: any[] })[];
  const mine = list.filter((a) => a.regulated === 'water-tank' || buildings.has(a.building.replace(/[^0-9A-Za-z]/g, '')) || buildings.has(a.building));
  const out = await Promise.all(
    mine.map(async (a) => {
      // Newest first (ties in stored order), the 20 latest, as the per-asset query read them.
      const recs = a.records
        .map((r, i) => ({ r, i }))
        .sort((x, y) => new Date(y.r.doneAt).getTime() - new Date(x.r.doneAt).getTime() || x.i - y.i)
        .slice(0, 20)
        .map((x) => x.r);
      const maint = recs.find((r) => r.kind !== 'water-quality');
      const quality = recs.find((r) => r.kind === 'water-quality');
      const plans = a.plans;
      const next = plans.map((p) => nextDue(p.schedule, p.lastDone, p.start)).sort()[0] ?? null;
      return {
        kind: a.regulated,
        name: a.name,
        location: [a.building, a.area].filter(Boolean).join(' '),
        lastDone: maint ? beijingDate(new Date(maint.doneAt).getTime()) : null,
        by: maint ? maint.contractor || maint.byName : null,
        nextDue: next,
        waterQuality: quality ? { date: beijingDate(new Date(quality.doneAt).getTime()), result: quality.result, qualified: quality.qualified } : null,
      };
    }),
  );
  return { elevators: out.filter((x) => x.kind === 'elevator'), waterTanks: out.filter((x) => x.kind === 'water-tank') };
}

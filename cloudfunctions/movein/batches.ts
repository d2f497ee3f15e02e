import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { ACTIVE_BOOKING, DEFAULT_PREPARATION, DOCUMENT_KINDS, inRange } from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { checkText } from '../_lib/content-check';
import { loadBatch, staffCommunity, type BatchDoc, type BookingDoc, type SlotDoc } from './model';

type In<K extends keyof typeof moveinInputs> = z.infer<(typeof moveinInputs)[K]>;

const DAY = 86400_000;
const beijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

function days(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** A batch and its daily slots; keyed by the client's request id, so a retry creates nothing twice. */
export async function createBatch(input: In<'createBatch'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const communityId = caller.staff!.communityId;
  const dates = days(input.startDate, input.endDate);
  if (dates.length > 62) throw new AppError('INVALID_INPUT', '一个批次最长 62 天');
  for (const s of input.slots) if (s.end <= s.start) throw new AppError('INVALID_INPUT', `时段 ${s.start} 的结束时间应晚于开始时间`);
  await checkText(ctx, input.title, input.feesNotice);
  const units = (await db.collection('units').where({ communityId, building: input.range.building }).limit(1000).get()).data as any[];
  if (!units.some((u) => inRange(input.range, u))) throw new AppError('INVALID_INPUT', '该楼栋/范围内没有房屋，请检查交付范围');
  const id = stableId('mvb', communityId, input.clientRequestId);
  const existing = (await db.collection('movein_batches').doc(id).get()).data[0] as BatchDoc | undefined;
  if (existing) return { batchId: id };
  const now = clock.now();
  const batch: BatchDoc = {
    _id: id,
    communityId,
    title: input.title,
    range: input.range,
    startDate: input.startDate,
    endDate: input.endDate,
    slotSpecs: input.slots,
    requiredDocuments: [...new Set(input.requiredDocuments)],
    feesNotice: input.feesNotice,
    preparation: (input.preparation ?? DEFAULT_PREPARATION.map((task) => ({ task, who: '' }))).map((p) => ({ ...p, done: false, doneAt: null })),
    cutoffHours: input.cutoffHours,
    status: 'draft',
    requestKey: input.clientRequestId,
    createdAt: now,
    createdBy: caller.openid!,
  };
  // Slots first (keyed ids: a retry rewrites the same ones), then the batch that makes them visible.
  const slots: SlotDoc[] = dates.flatMap((date) =>
    input.slots.map((s) => ({
      _id: stableId('mvs', id, date, s.start),
      batchId: id,
      communityId,
      date,
      startAt: beijing(date, s.start),
      endAt: beijing(date, s.end),
      capacity: s.capacity,
      booked: 0,
    })),
  );
  for (const s of slots) {
    try {
      await db.collection('movein_slots').add(s);
    } catch (e: any) {
      if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
    }
  }
  try {
    await db.collection('movein_batches').add(batch);
  } catch (e: any) {
    if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
  }
  return { batchId: id };
}

/**
 * Opens a batch for booking and tells the residents already bound to its units (inbox, keyed).
 * The community-wide announcement is not published from here: the announcements function owns
 * that flow, and its notices are written by staff in 公告 (see the report).
 */
export async function publishBatch(input: In<'publishBatch'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const b = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, b.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  if (b.status !== 'open') await db.collection('movein_batches').where({ _id: b._id, status: 'draft' }).update({ status: 'open', publishedAt: clock.now() });
  if (input.announce) {
    const units = ((await db.collection('units').where({ communityId: b.communityId, building: b.range.building }).limit(1000).get()).data as any[]).filter((u) =>
      inRange(b.range, u),
    );
    const ids = new Set(units.map((u) => u._id));
    const members = ((await db.collection('memberships').where({ communityId: b.communityId, status: 'approved' }).limit(1000).get()).data as any[]).filter((m) =>
      ids.has(m.unitId),
    );
    const to = [...new Set(members.map((m) => m.openid as string))].map((openid) => ({ openid }));
    if (to.length)
      await notify(ctx, [
        {
          key: `movein-open:${b._id}`,
          to,
          kind: 'movein',
          title: `${b.title}开始预约`,
          body: `您的房屋所在的${b.range.building}即将交付，入住办理时间 ${b.startDate} 至 ${b.endDate}。请在「首页 → 入住预约」选择办理时段并上传所需资料。`,
          communityId: b.communityId,
          target: { kind: 'movein', id: b._id },
        },
      ]);
  }
  return { batchId: b._id, status: 'open' as const };
}

export async function setPreparation(input: In<'setPreparation'>, ctx: ActionContext) {
  const b = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, b.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  const item = b.preparation[input.index];
  if (!item) throw new AppError('NOT_FOUND', '准备事项不存在');
  const preparation = b.preparation.map((p, i) => (i === input.index ? { ...p, done: input.done, doneAt: input.done ? ctx.clock.now() : null, who: input.who ?? p.who } : p));
  await ctx.db.collection('movein_batches').doc(b._id).update({ preparation });
  return { preparation };
}

export function batchView(b: BatchDoc) {
  return {
    batchId: b._id,
    title: b.title,
    building: b.range.building,
    unitNos: b.range.unitNos ?? [],
    rooms: b.range.rooms ?? [],
    startDate: b.startDate,
    endDate: b.endDate,
    status: b.status,
    cutoffHours: b.cutoffHours,
    feesNotice: b.feesNotice,
    requiredDocuments: b.requiredDocuments.map((k) => ({ kind: k, label: DOCUMENT_KINDS[k] })),
    preparation: b.preparation,
  };
}

export async function listBatches(_: In<'listBatches'>, ctx: ActionContext) {
  const res = await ctx.db.collection('movein_batches').where({ communityId: ctx.caller.staff!.communityId }).orderBy('createdAt', 'desc').limit(100).get();
  return { items: (res.data as BatchDoc[]).map(batchView) };
}

/** The open batch covering one of the caller's homes (or the one named). */
export async function batchFor(ctx: ActionContext, batchId?: string): Promise<BatchDoc | null> {
  if (batchId) {
    const b = (await ctx.db.collection('movein_batches').doc(batchId).get()).data[0] as BatchDoc | undefined;
    if (!b || (b.status !== 'open' && !staffCommunity(ctx, b.communityId))) return null;
    return b;
  }
  const homes = ctx.caller.homes;
  if (!homes.length) {
    // A person not yet bound sees the open batches of their booking's community, if any.
    const mine = (await ctx.db.collection('movein_bookings').where({ openid: ctx.caller.openid }).limit(5).get()).data as BookingDoc[];
    const active = mine.find((m) => ACTIVE_BOOKING.includes(m.status)) ?? mine[0];
    if (active) return batchFor(ctx, active.batchId);
    // Nobody yet: the newest open batch (a public schedule; booking checks the owner registry).
    const open = await ctx.db.collection('movein_batches').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(1).get();
    return (open.data[0] as BatchDoc | undefined) ?? null;
  }
  const communities = [...new Set(homes.map((h) => h.communityId))];
  const _ = ctx.db.command;
  const batches = (
    await ctx.db
      .collection('movein_batches')
      .where({ communityId: _.in(communities), status: 'open' })
      .limit(50)
      .get()
  ).data as BatchDoc[];
  const units = (
    await ctx.db
      .collection('units')
      .where({ _id: _.in(homes.map((h) => h.unitId)) })
      .limit(50)
      .get()
  ).data as any[];
  return batches.find((b) => units.some((u) => u.communityId === b.communityId && inRange(b.range, u))) ?? null;
}

/** Public contract: `slots` → items with slotId, startAt, endAt, capacity, booked (the batch's, from now on). */
export async function slots(input: In<'slots'>, ctx: ActionContext) {
  const b = await batchFor(ctx, input.batchId);
  if (!b) {
    if (input.batchId) throw new AppError('NOT_FOUND', '入住批次不存在或尚未开放预约');
    return { batch: null, items: [] };
  }
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('movein_slots')
    .where({ batchId: b._id, endAt: _.gt(ctx.clock.now()) })
    .orderBy('startAt', 'asc')
    .limit(500)
    .get();
  const items = (res.data as SlotDoc[]).map((s) => ({ slotId: s._id, date: s.date, startAt: s.startAt, endAt: s.endAt, capacity: s.capacity, booked: s.booked }));
  // A person with no home in the batch picks the unit they own (labels only, nothing of the registry).
  const all = ((await ctx.db.collection('units').where({ communityId: b.communityId, building: b.range.building }).limit(1000).get()).data as any[]).filter((u) =>
    inRange(b.range, u),
  );
  const bound = all.some((u) => ctx.caller.homes.some((h) => h.unitId === u._id));
  const units = bound ? [] : all.map((u) => ({ unitId: u._id as string, label: u.label as string })).sort((x, y) => x.label.localeCompare(y.label));
  return { batch: batchView(b), items, bound, units };
}

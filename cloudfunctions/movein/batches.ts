import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { ACTIVE_BOOKING, DEFAULT_PREPARATION, DOCUMENT_KINDS, inRange } from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import { SUMMARY_MAX, TITLE_MAX } from '../../src/domain/limits';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { submitFeatureNotice } from '../_lib/announcement-store';
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

type BatchFields = Omit<In<'createBatch'>, 'clientRequestId'>;

/** Checks shared by create and edit: length, slot times, texts, and that the range holds units. */
async function checkBatch(ctx: ActionContext, communityId: string, input: BatchFields) {
  const dates = days(input.startDate, input.endDate);
  if (dates.length > 62) throw new AppError('INVALID_INPUT', '一个批次最长 62 天');
  for (const s of input.slots) if (s.end <= s.start) throw new AppError('INVALID_INPUT', `时段 ${s.start} 的结束时间应晚于开始时间`);
  const sorted = [...input.slots].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) throw new AppError('INVALID_INPUT', `时段 ${sorted[i - 1].start} 与 ${sorted[i].start} 重叠`);
  await checkText(ctx, input.title, input.feesNotice, ...(input.preparation ?? []).flatMap((p) => [p.task, p.who]));
  const units = (await ctx.db.collection('units').where({ communityId, building: input.range.building }).limit(1000).get()).data as any[];
  if (!units.some((u) => inRange(input.range, u))) throw new AppError('INVALID_INPUT', '该楼栋/范围内没有房屋，请检查交付范围');
  return dates;
}

const preparationOf = (input: BatchFields, now: Date): BatchDoc['preparation'] =>
  (input.preparation ?? DEFAULT_PREPARATION.map((task) => ({ task, who: '', done: false }))).map((p) => ({
    task: p.task,
    who: p.who,
    done: !!p.done,
    doneAt: p.done ? now : null,
  }));

/** The daily slots of a batch (keyed ids: a retry writes the same ones). */
async function writeSlots(ctx: ActionContext, batchId: string, communityId: string, dates: string[], specs: BatchFields['slots']) {
  const slots: SlotDoc[] = dates.flatMap((date) =>
    specs.map((s) => ({
      _id: stableId('mvs', batchId, date, s.start),
      batchId,
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
      await ctx.db.collection('movein_slots').add(s);
    } catch (e: any) {
      if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
    }
  }
}

/** A batch and its daily slots; keyed by the client's request id, so a retry creates nothing twice. */
export async function createBatch(input: In<'createBatch'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const communityId = caller.staff!.communityId;
  const dates = await checkBatch(ctx, communityId, input);
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
    preparation: preparationOf(input, now),
    cutoffHours: input.cutoffHours,
    status: 'draft',
    requestKey: input.clientRequestId,
    createdAt: now,
    createdBy: caller.openid!,
    updatedAt: now,
  };
  // Slots first, then the batch that makes them visible.
  await writeSlots(ctx, id, communityId, dates, input.slots);
  try {
    await db.collection('movein_batches').add(batch);
  } catch (e: any) {
    if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
  }
  return { batchId: id };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const rangeKey = (r: BatchDoc['range']) => ({ building: r.building, unitNos: r.unitNos ?? [], rooms: r.rooms ?? [] });

/**
 * Edit a batch. A draft is rewritten entirely (its slots with it: nobody can have booked one).
 * Once open, bookings hang on its range, dates, slots and required documents, so only the title,
 * fees notice, preparation and cutoff change; anything else is refused (CONFLICT), nothing written.
 */
export async function updateBatch(input: In<'updateBatch'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const b = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, b.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  const dates = await checkBatch(ctx, b.communityId, input);
  const now = clock.now();
  const common = { title: input.title, feesNotice: input.feesNotice, cutoffHours: input.cutoffHours, preparation: preparationOf(input, now), updatedAt: now };
  // Keep when each still-done preparation item was done.
  common.preparation = common.preparation.map((p, i) =>
    p.done && b.preparation[i]?.done && b.preparation[i].task === p.task ? { ...p, doneAt: b.preparation[i].doneAt ?? now } : p,
  );
  const _ = db.command;
  if (b.status === 'open') {
    const locked =
      !sameJson(rangeKey(b.range), rangeKey(input.range)) ||
      b.startDate !== input.startDate ||
      b.endDate !== input.endDate ||
      !sameJson(b.slotSpecs, input.slots) ||
      !sameJson([...b.requiredDocuments].sort(), [...new Set(input.requiredDocuments)].sort());
    if (locked) throw new AppError('CONFLICT', '批次已开放预约，交付范围、日期、时段和所需资料不能再修改');
    await db.collection('movein_batches').doc(b._id).update(common);
    return { batchId: b._id, status: b.status };
  }
  // A draft: the batch first (conditional on still being a draft), then its slots replaced.
  const res = await db
    .collection('movein_batches')
    .where({ _id: b._id, status: 'draft' })
    .update({
      ...common,
      range: _.set(input.range),
      startDate: input.startDate,
      endDate: input.endDate,
      slotSpecs: input.slots,
      requiredDocuments: [...new Set(input.requiredDocuments)],
    });
  if (res.updated !== 1) throw new AppError('CONFLICT', '批次已开放预约，请刷新后再修改');
  const want = new Map(dates.flatMap((d) => input.slots.map((s) => [stableId('mvs', b._id, d, s.start), { endAt: beijing(d, s.end).getTime(), capacity: s.capacity }])));
  const old = (await db.collection('movein_slots').where({ batchId: b._id }).limit(1000).get()).data as SlotDoc[];
  for (const s of old) {
    const w = want.get(s._id);
    if (!w || w.endAt !== new Date(s.endAt).getTime() || w.capacity !== s.capacity) await db.collection('movein_slots').doc(s._id).remove();
  }
  await writeSlots(ctx, b._id, b.communityId, dates, input.slots);
  return { batchId: b._id, status: 'draft' as const };
}

export async function getBatch(input: In<'getBatch'>, ctx: ActionContext) {
  const b = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, b.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  return batchView(b);
}

/** The 入住通知 for a batch's units, through the announcements store (its review rule applies). */
async function announceBatch(ctx: ActionContext, b: BatchDoc) {
  const units = ((await ctx.db.collection('units').where({ communityId: b.communityId, building: b.range.building }).limit(1000).get()).data as any[]).filter((u) =>
    inRange(b.range, u),
  );
  const whole = !b.range.unitNos?.length && !b.range.rooms?.length;
  const docs = b.requiredDocuments.map((k) => DOCUMENT_KINDS[k]).join('、');
  const body = [
    `${b.range.building}${whole ? '' : '部分房屋'}即将交付，入住办理时间 ${b.startDate} 至 ${b.endDate}。`,
    '请在「首页 → 入住预约」选择办理时段并上传所需资料，资料审核通过后按预约时间到场办理。',
    `所需资料：${docs}。`,
    b.feesNotice ? `收费告知：${b.feesNotice}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const title = `${b.title}入住通知`.slice(0, TITLE_MAX);
  return submitFeatureNotice(ctx, {
    id: stableId('an', 'movein', b._id),
    communityId: b.communityId,
    title,
    summary: title.slice(0, SUMMARY_MAX),
    body,
    scope: whole ? { kind: 'buildings', buildings: [b.range.building] } : { kind: 'units', unitIds: units.map((u) => u._id as string).slice(0, 500) },
    expiresAt: new Date(beijing(b.endDate, '23:59').getTime() + 60_000),
  });
}

/**
 * Opens a batch for booking and, when asked, publishes the 入住通知 to its units through the
 * announcements flow: a desk member's notice waits for a supervisor's review where the community
 * has review on (the batch opens either way). Keyed by the batch: publishing again announces nothing twice.
 */
export async function publishBatch(input: In<'publishBatch'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const b = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, b.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  if (b.status !== 'open') await db.collection('movein_batches').where({ _id: b._id, status: 'draft' }).update({ status: 'open', publishedAt: clock.now() });
  const announcement = input.announce ? await announceBatch(ctx, b) : null;
  if (announcement) await db.collection('movein_batches').doc(b._id).update({ announcementId: announcement.announcementId });
  return { batchId: b._id, status: 'open' as const, announcement };
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
    slotSpecs: b.slotSpecs,
    announcementId: b.announcementId ?? null,
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

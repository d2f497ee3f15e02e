import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  ACTIVE_BOOKING,
  allDocumentsApproved,
  BOOK_REFUSAL_MESSAGES,
  beforeCutoff,
  bookRefusal,
  canReviewDocument,
  canSubmitDocument,
  DOCUMENT_KINDS,
  inRange,
  MOVABLE_BOOKING,
  MOVEIN_FILE_MAX_BYTES,
  sniffType,
  type DocumentKind,
} from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import { formatMonthDay } from '../../src/domain/time';
import type { MembershipDoc } from '../_lib/caller';
import { claimFiles, issueUploadSlot, verifyFiles, type UploadType } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { checkOwnerRegistry } from '../_lib/owner-claim';
import { rateLimitedError } from '../_lib/rate-limit';
import { bookingWithBatch, loadBatch, staffCommunity, tempUrls, visibleBooking, type BatchDoc, type BookingDoc, type SlotDoc } from './model';
import { bookingView, staffViewAgain } from './views';

type In<K extends keyof typeof moveinInputs> = z.infer<(typeof moveinInputs)[K]>;

export const bookingIdOf = (openid: string, batchId: string) => stableId('mvk', openid, batchId);
const holdIdOf = (batchId: string, unitId: string) => stableId('mvh', batchId, unitId);

/** Upload slots for documents, signatures and meter photos: a person not yet bound uploads into their booking's community. */
export async function prepareUpload(input: { contentType: UploadType; bookingId?: string }, ctx: ActionContext) {
  if (!['image/jpeg', 'image/png', 'application/pdf'].includes(input.contentType)) throw new AppError('INVALID_INPUT', '资料只支持 JPG、PNG 图片或 PDF 文件');
  if (ctx.caller.staff || ctx.caller.homes.length) return issueUploadSlot(ctx, 'movein', input.contentType);
  const mine = (await ctx.db.collection('movein_bookings').where({ openid: ctx.caller.openid }).limit(5).get()).data as BookingDoc[];
  const active = mine.filter((b) => ACTIVE_BOOKING.includes(b.status));
  if (!active.length) throw new AppError('FORBIDDEN', '请先预约入住办理时段，再上传资料');
  return issueUploadSlot(ctx, 'movein', input.contentType, [...new Set(active.map((b) => b.communityId))]);
}

interface UnitDoc {
  _id: string;
  communityId: string;
  building: string;
  unitNo: string;
  room: string;
  label: string;
  ownerName?: string;
  ownerPhone?: string;
}

/** Which unit of the batch the caller books for, and as whom. */
async function claimant(input: In<'book'>, ctx: ActionContext, batch: BatchDoc): Promise<{ unit: UnitDoc; name: string; phone: string; viaRegistry: boolean }> {
  const { db, caller, clock } = ctx;
  const _ = db.command;
  if (!input.unitId) {
    const homes = caller.homes.filter((h) => h.communityId === batch.communityId);
    const units = homes.length
      ? ((
          await db
            .collection('units')
            .where({ _id: _.in(homes.map((h) => h.unitId)) })
            .limit(50)
            .get()
        ).data as UnitDoc[])
      : [];
    const inBatch = units.filter((u) => inRange(batch.range, u));
    const home = homes.find((h) => h.relation === 'owner' && inBatch.some((u) => u._id === h.unitId)) ?? homes.find((h) => inBatch.some((u) => u._id === h.unitId));
    if (!home) throw new AppError('FORBIDDEN', '您绑定的房屋不在本批次交付范围内；如您是新业主，请填写房屋与业主登记的姓名、手机号后预约');
    return { unit: inBatch.find((u) => u._id === home.unitId)!, name: home.name, phone: home.phone, viaRegistry: false };
  }
  const unit = (await db.collection('units').doc(input.unitId).get()).data[0] as UnitDoc | undefined;
  if (!unit || unit.communityId !== batch.communityId || !inRange(batch.range, unit)) throw new AppError('FORBIDDEN', '该房屋不在本批次交付范围内，请核对房号');
  const bound = caller.homes.find((h) => h.unitId === unit._id) as MembershipDoc | undefined;
  if (bound) return { unit, name: bound.name, phone: bound.phone, viaRegistry: false };
  // A person not yet bound claims the unit by the owner registry: exactly the owner-claim guess of
  // binding, so the same counters (per person and unit, per unit and day) are spent.
  const check = await checkOwnerRegistry(ctx, unit, { name: input.name!, phone: input.phone! }, clock.now());
  if (check === 'limited') throw rateLimitedError();
  if (check !== 'match') throw new AppError('FORBIDDEN', '姓名或手机号与该房屋的业主登记信息不符，无法预约；如有疑问请联系物业客服');
  return { unit, name: input.name!, phone: input.phone!, viaRegistry: true };
}

/**
 * Books a slot, or moves the caller's booking of the batch to it. One booking per person and
 * batch (its id is derived from both) and one per unit and batch (a hold document); the slot's
 * counter, the old slot's, the hold and the booking change in one transaction, so 50 people
 * racing for 5 places leave exactly 5 booked and a double tap books once.
 */
export async function book(input: In<'book'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const slot0 = (await db.collection('movein_slots').doc(input.slotId).get()).data[0] as SlotDoc | undefined;
  if (!slot0) throw new AppError('NOT_FOUND', '该时段不存在，请刷新后重选');
  const batch = await loadBatch(ctx, slot0.batchId);
  if (batch.status !== 'open') throw new AppError('NOT_FOUND', '该批次尚未开放预约');
  const who = await claimant(input, ctx, batch);
  const now = clock.now();
  const early = bookRefusal(now, { ...slot0, startAt: new Date(slot0.startAt) }, batch.cutoffHours);
  if (early === 'past' || early === 'cutoff') throw new AppError('CONFLICT', BOOK_REFUSAL_MESSAGES[early]);
  const id = bookingIdOf(caller.openid!, batch._id);
  let result: BookingDoc | undefined;
  await db.runTransaction(async (tx: any) => {
    const slot = (await tx.collection('movein_slots').doc(input.slotId).get()).data as SlotDoc | null;
    const prev = (await tx.collection('movein_bookings').doc(id).get()).data as BookingDoc | null;
    const hold = (await tx.collection('movein_holds').doc(holdIdOf(batch._id, who.unit._id)).get()).data as { bookingId: string } | null;
    if (!slot) throw new AppError('NOT_FOUND', '该时段不存在，请刷新后重选');
    const active = prev && ACTIVE_BOOKING.includes(prev.status);
    if (active && prev.slotId === slot._id && prev.unitId === who.unit._id) {
      result = prev; // a retry or double tap
      return;
    }
    if (hold && hold.bookingId !== id) {
      const other = (await tx.collection('movein_bookings').doc(hold.bookingId).get()).data as BookingDoc | null;
      if (other && ACTIVE_BOOKING.includes(other.status)) throw new AppError('CONFLICT', '该房屋已有有效的入住预约（可能由家人预约），请勿重复预约');
    }
    if (active) {
      if (!MOVABLE_BOOKING.includes(prev.status)) throw new AppError('CONFLICT', '您的入住手续已在办理中，不能再改约');
      if (prev.unitId !== who.unit._id) throw new AppError('CONFLICT', `您已为 ${prev.unitLabel} 预约，请先取消该预约`);
      if (!beforeCutoff(now, new Date(prev.slotStartAt), batch.cutoffHours))
        throw new AppError('CONFLICT', `已过改约截止时间（办理前 ${batch.cutoffHours} 小时），如需改约请联系物业客服`);
    }
    const refusal = bookRefusal(now, { ...slot, startAt: new Date(slot.startAt) }, batch.cutoffHours);
    if (refusal) throw new AppError('CONFLICT', BOOK_REFUSAL_MESSAGES[refusal]);
    await tx
      .collection('movein_slots')
      .doc(slot._id)
      .update({ booked: slot.booked + 1 });
    if (active) await freePlace(tx, prev.slotId);
    const docs = Object.fromEntries(batch.requiredDocuments.map((k) => [k, prev?.documents?.[k] ?? { status: 'missing', fileIds: [] }]));
    const next: BookingDoc = {
      ...(prev ?? { defects: [], reinspections: [], handover: {}, createdAt: now }),
      _id: id,
      batchId: batch._id,
      communityId: batch.communityId,
      openid: caller.openid!,
      unitId: who.unit._id,
      unitLabel: who.unit.label,
      name: who.name,
      phone: who.phone,
      viaRegistry: who.viaRegistry,
      slotId: slot._id,
      slotStartAt: slot.startAt,
      slotEndAt: slot.endAt,
      status: active ? prev.status : 'booked',
      documents: docs,
      updatedAt: now,
    } as BookingDoc;
    const { _id, ...rest } = next;
    await tx.collection('movein_bookings').doc(id).set(rest);
    await tx.collection('movein_holds').doc(holdIdOf(batch._id, who.unit._id)).set({ bookingId: id, batchId: batch._id, unitId: who.unit._id });
    result = next;
  }, 3);
  return bookingView(ctx, result!, batch);
}

/** Inside a transaction: gives back the place a booking held in its slot (a slot since removed is left alone). */
async function freePlace(tx: any, slotId: string) {
  const slot = (await tx.collection('movein_slots').doc(slotId).get()).data as SlotDoc | null;
  if (slot)
    await tx
      .collection('movein_slots')
      .doc(slot._id)
      .update({ booked: Math.max(0, slot.booked - 1) });
}

export async function cancel(input: In<'cancel'>, ctx: ActionContext) {
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'booker');
  const now = ctx.clock.now();
  await ctx.db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc | null;
    if (!cur || cur.status === 'cancelled') return;
    if (!MOVABLE_BOOKING.includes(cur.status)) throw new AppError('CONFLICT', '您的入住手续已在办理中，不能取消');
    if (!beforeCutoff(now, new Date(cur.slotStartAt), batch.cutoffHours))
      throw new AppError('CONFLICT', `已过取消截止时间（办理前 ${batch.cutoffHours} 小时），如需取消请联系物业客服`);
    await freePlace(tx, cur.slotId);
    await tx.collection('movein_bookings').doc(b._id).update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
  }, 3);
  return { cancelled: true };
}

/** The caller's own bookings (any batch), newest first, with the batch each belongs to. */
export async function myMovein(_: In<'myMovein'>, ctx: ActionContext) {
  const res = await ctx.db.collection('movein_bookings').where({ openid: ctx.caller.openid }).limit(10).get();
  const items = [];
  for (const b of res.data as BookingDoc[]) items.push(await bookingView(ctx, b, await loadBatch(ctx, b.batchId)));
  return { items: items.sort((a, b) => Number(a.status === 'cancelled') - Number(b.status === 'cancelled')) };
}

/** Checks each file's real type (by its first bytes) and size before it is attached. */
async function checkFiles(ctx: ActionContext, fileIds: string[]) {
  const urls = await tempUrls(ctx, fileIds, 60);
  for (const f of fileIds) {
    const url = urls[f];
    if (!url) throw new AppError('INVALID_INPUT', '文件尚未上传完成，请重新上传');
    const res = await fetch(url);
    const len = Number(res.headers.get('content-length') ?? NaN);
    const buf = new Uint8Array(await res.arrayBuffer());
    if ((Number.isFinite(len) && len > MOVEIN_FILE_MAX_BYTES) || buf.length > MOVEIN_FILE_MAX_BYTES)
      throw new AppError('INVALID_INPUT', `文件过大：每个文件不能超过 ${MOVEIN_FILE_MAX_BYTES / 1024 / 1024} MB`);
    if (!sniffType(buf.subarray(0, 8))) throw new AppError('INVALID_INPUT', '文件类型不支持：资料请上传 JPG、PNG 图片或 PDF 文件');
  }
}

/** The resident uploads (or replaces) one required document; it waits for the desk again. */
export async function submitDocument(input: In<'submitDocument'>, ctx: ActionContext) {
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'booker');
  if (!batch.requiredDocuments.includes(input.kind)) throw new AppError('INVALID_INPUT', `本批次不需要提交${DOCUMENT_KINDS[input.kind]}`);
  if (b.status === 'cancelled') throw new AppError('CONFLICT', '该预约已取消');
  const target = `movein:${b._id}`;
  await verifyFiles(ctx, input.fileIds, target);
  await checkFiles(ctx, input.fileIds);
  const now = ctx.clock.now();
  await ctx.db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    const entry = cur.documents[input.kind] ?? { status: 'missing', fileIds: [] };
    if (!canSubmitDocument(entry.status)) throw new AppError('CONFLICT', `${DOCUMENT_KINDS[input.kind]}已审核通过，无需再次提交`);
    await claimFiles(tx, ctx, input.fileIds, target);
    await tx
      .collection('movein_bookings')
      .doc(b._id)
      .update({
        [`documents.${input.kind}`]: { status: 'submitted', fileIds: input.fileIds, submittedAt: now, ...(entry.reason ? { previousReason: entry.reason } : {}) },
        updatedAt: now,
      });
  }, 3);
  return bookingView(ctx, await visibleBooking(ctx, b._id), batch);
}

/** Signed, expiring download URLs of one document: the booker and staff of that community only. */
export async function documentUrls(input: In<'documentUrls'>, ctx: ActionContext) {
  const b = await visibleBooking(ctx, input.bookingId);
  const files = b.documents[input.kind]?.fileIds ?? [];
  const urls = await tempUrls(ctx, files, 600);
  return { items: files.map((f) => ({ fileId: f, url: urls[f] ?? '' })), expiresInSec: 600 };
}

export async function listBookings(input: In<'listBookings'>, ctx: ActionContext) {
  const batch = await loadBatch(ctx, input.batchId);
  if (!staffCommunity(ctx, batch.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  const res = await ctx.db.collection('movein_bookings').where({ batchId: batch._id }).limit(1000).get();
  let items = (res.data as BookingDoc[]).filter((b) => b.status !== 'cancelled');
  if (input.status === 'review') items = items.filter((b) => Object.values(b.documents).some((d) => d?.status === 'submitted'));
  items.sort((a, b) => new Date(a.slotStartAt).getTime() - new Date(b.slotStartAt).getTime());
  return { items: await Promise.all(items.map((b) => bookingView(ctx, b, batch, { forStaff: true }))) };
}

export async function getBooking(input: In<'getBooking'>, ctx: ActionContext) {
  const b = await visibleBooking(ctx, input.bookingId);
  return bookingView(ctx, b, await loadBatch(ctx, b.batchId), { forStaff: b.openid !== ctx.caller.openid });
}

/**
 * The desk approves or rejects one document with a reason the resident reads. When every
 * required document is approved the booking is approved and the booker becomes the unit's owner:
 * the membership document account keeps (same id, shape and keys), in the same transaction.
 */
export async function reviewDocument(input: In<'reviewDocument'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const b = await visibleBooking(ctx, input.bookingId, 'staff');
  if (!caller.roles.has('desk') && !caller.roles.has('supervisor') && !caller.roles.has('admin')) throw new AppError('FORBIDDEN', '只有客服、主管或管理员可以审核资料');
  const batch = await loadBatch(ctx, b.batchId);
  const now = clock.now();
  let approvedAll = false;
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    if (cur.status === 'cancelled') throw new AppError('CONFLICT', '该预约已取消');
    const entry = cur.documents[input.kind];
    if (!entry || !canReviewDocument(entry.status)) throw new AppError('CONFLICT', '该资料不在待审核状态，请刷新');
    const decided = { ...entry, status: input.approve ? 'approved' : 'rejected', decidedAt: now, decidedBy: caller.openid!, ...(input.approve ? {} : { reason: input.reason }) };
    const documents = { ...cur.documents, [input.kind]: decided } as BookingDoc['documents'];
    approvedAll = cur.status === 'booked' && allDocumentsApproved(documents as any, batch.requiredDocuments);
    await tx
      .collection('movein_bookings')
      .doc(b._id)
      .update({ [`documents.${input.kind}`]: decided, ...(approvedAll ? { status: 'approved' } : {}), updatedAt: now });
    if (approvedAll) await bindOwner(tx, cur, caller.openid!, now);
  }, 3);
  const label = DOCUMENT_KINDS[input.kind as DocumentKind];
  await notify(ctx, [
    {
      key: `movein-doc:${b._id}:${input.kind}:${now.getTime()}`,
      to: [{ openid: b.openid }],
      kind: 'movein',
      tone: input.approve ? 'info' : 'warning',
      title: input.approve ? (approvedAll ? '入住资料已全部审核通过' : `${label}已审核通过`) : `${label}未通过审核`,
      body: input.approve
        ? approvedAll
          ? `您的入住资料已全部审核通过，您已成为 ${b.unitLabel} 的业主。请于 ${formatMonthDay(new Date(b.slotStartAt))} 到场办理交房。`
          : `您提交的${label}已审核通过。`
        : `您提交的${label}未通过审核：${input.reason}。请在「入住预约」重新上传。`,
      communityId: b.communityId,
      target: { kind: 'movein', id: b._id },
    },
  ]);
  return staffViewAgain(ctx, b._id, batch);
}

/** The membership account keeps, written with its id, shape and keys (approved owner, decided by the desk). */
async function bindOwner(tx: any, b: BookingDoc, staffOpenid: string, now: Date) {
  const id = stableId('m', b.openid, b.unitId);
  const existing = (await tx.collection('memberships').doc(id).get()).data as MembershipDoc | null;
  if (existing?.status === 'approved' && existing.relation === 'owner') return;
  const doc: Omit<MembershipDoc, '_id'> = {
    openid: b.openid,
    unitId: b.unitId,
    communityId: b.communityId,
    name: b.name,
    phone: b.phone,
    relation: 'owner',
    status: 'approved',
    requestKey: `${b.openid}:movein-${b._id}`,
    createdAt: existing?.createdAt ?? now,
    decidedAt: now,
    decidedBy: staffOpenid,
    ...(existing?.barred ? { barred: true } : {}),
  };
  await tx.collection('memberships').doc(id).set(doc);
}

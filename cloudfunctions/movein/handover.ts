import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { canRecordStep, HANDOVER_STEP_LABELS, KEY_TYPES, METERS, readyToSign, type Meter } from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import { formatMinute } from '../../src/domain/time';
import { claimFiles, verifyFiles } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { bookingWithBatch, loadBatch, tempUrls, visibleBooking, type BookingDoc } from './model';
import { bookingView, staffViewAgain } from './views';

type In<K extends keyof typeof moveinInputs> = z.infer<(typeof moveinInputs)[K]>;

/** Staff record the day's handover, step by step in the checklist's order. */
export async function handover(input: In<'handover'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'staff');
  const files = input.step === 'meters' ? (Object.keys(METERS) as Meter[]).map((m) => input.meters[m].photo) : [];
  const target = `movein:${b._id}`;
  await verifyFiles(ctx, files, target);
  const now = clock.now();
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    if (cur.status === 'booked') throw new AppError('CONFLICT', '资料尚未全部审核通过，不能办理交房');
    if (cur.status === 'cancelled') throw new AppError('CONFLICT', '该预约已取消');
    if (cur.status !== 'approved' && cur.status !== 'arrived') throw new AppError('CONFLICT', '该预约已完成钥匙交接');
    if (!canRecordStep(cur.handover ?? {}, input.step)) throw new AppError('CONFLICT', `请先完成前面的步骤，再${HANDOVER_STEP_LABELS[input.step]}`);
    const mark = { at: now, by: caller.staff!._id, byName: caller.staff!.name };
    const patch: Record<string, unknown> = { [`handover.${input.step}`]: mark, updatedAt: now };
    if (input.step === 'arrival') patch.status = 'arrived';
    if (input.step === 'keys') patch.keys = input.keys;
    if (input.step === 'meters') patch.meters = input.meters;
    await claimFiles(tx, ctx, files, target);
    await tx.collection('movein_bookings').doc(b._id).update(patch);
  }, 3);
  return staffViewAgain(ctx, b._id, batch);
}

/** The booker signs the key receipt (a signature image uploaded through a slot) once every step is done. */
export async function signReceipt(input: In<'signReceipt'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'booker');
  const target = `movein:${b._id}`;
  await verifyFiles(ctx, [input.signature.fileId], target);
  const now = clock.now();
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    if (cur.receipt) {
      if (cur.receipt.signatureFileId === input.signature.fileId) return;
      throw new AppError('CONFLICT', '钥匙交接单已签收');
    }
    if (cur.status !== 'arrived' || !readyToSign(cur.handover ?? {})) throw new AppError('CONFLICT', '交接步骤尚未全部完成，请等待工作人员完成后再签收');
    await claimFiles(tx, ctx, [input.signature.fileId], target);
    const staffName = cur.handover.manuals?.byName ?? '';
    await tx
      .collection('movein_bookings')
      .doc(b._id)
      .update({ receipt: { signatureFileId: input.signature.fileId, signedAt: now, staffName }, status: 'keys_signed', updatedAt: now });
  }, 3);
  return bookingView(ctx, await visibleBooking(ctx, b._id), batch);
}

/** 钥匙交接单: the signed record, for the booker and the community's staff to open and print. */
export async function receipt(input: In<'receipt'>, ctx: ActionContext) {
  const b = await visibleBooking(ctx, input.bookingId);
  if (!b.receipt) throw new AppError('NOT_FOUND', '钥匙交接单尚未签收');
  const batch = await loadBatch(ctx, b.batchId);
  const community = (await ctx.db.collection('communities').doc(b.communityId).get()).data[0] as any;
  const meterFiles = b.meters ? (Object.keys(METERS) as Meter[]).map((m) => b.meters![m].photo) : [];
  const urls = await tempUrls(ctx, [b.receipt.signatureFileId, ...meterFiles]);
  return {
    bookingId: b._id,
    communityName: community?.name ?? '',
    batchTitle: batch.title,
    unitLabel: b.unitLabel,
    ownerName: b.name,
    keys: (b.keys ?? []).map((k) => ({ label: KEY_TYPES[k.type], count: k.count, note: k.note ?? '' })),
    meters: (Object.keys(METERS) as Meter[]).map((m) => ({ label: METERS[m], reading: b.meters?.[m]?.reading ?? null, photoUrl: b.meters ? (urls[b.meters[m].photo] ?? '') : '' })),
    steps: Object.entries(b.handover ?? {}).map(([k, v]) => ({
      step: k,
      label: HANDOVER_STEP_LABELS[k as keyof typeof HANDOVER_STEP_LABELS],
      at: formatMinute(v!.at),
      byName: v!.byName,
    })),
    staffName: b.receipt.staffName,
    signedAt: formatMinute(b.receipt.signedAt),
    signatureUrl: urls[b.receipt.signatureFileId] ?? '',
  };
}

import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { afterReinspection, canReinspect, FIXED_TICKET_STATUSES, INSPECTION_ITEMS, ROOMS } from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import { CATEGORY_BY_CODE } from '../../src/domain/tickets/catalog';
import { checkText } from '../_lib/content-check';
import { claimFiles, verifyFiles } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { openTicket, ticketIdFor } from '../_lib/ticket-store';
import { bookingWithBatch, visibleBooking, type BookingDoc, type DefectEntry } from './model';
import { bookingView, defectTickets, staffViewAgain } from './views';

type In<K extends keyof typeof moveinInputs> = z.infer<(typeof moveinInputs)[K]>;

function defectTicket(ctx: ActionContext, b: BookingDoc, d: Omit<DefectEntry, 'ticketId' | 'ticketNo' | 'openedAt' | 'status' | 'history'>, key: string, refusedNote?: string) {
  const where = `${ROOMS[d.room]}·${INSPECTION_ITEMS[d.item]}${d.location ? `（${d.location}）` : ''}`;
  const warranty = d.warranty ? `【开发商保修，施工单位：${d.warranty.contractor}】` : '';
  return openTicket(ctx, {
    key,
    communityId: b.communityId,
    type: 'repair',
    category: d.category,
    description: `验房问题 ${where}：${d.note}${refusedNote ? `（复验未通过：${refusedNote}）` : ''}${warranty}`.slice(0, 500),
    location: { kind: 'home', unitId: b.unitId },
    reporter: { openid: b.openid, name: b.name, phone: b.phone },
    channel: 'staff',
    photos: d.photos,
    origin: { kind: 'movein-inspection', id: b._id, label: '验房问题' },
    firstContactStaffId: ctx.caller.staff?._id ?? null,
    routing: d.warranty ? 'none' : 'auto',
  });
}

/**
 * The house inspection, room by room: each defect becomes a repair ticket for the resident
 * (keyed by booking and item, so a retry opens nothing twice), routed as usual or left with the
 * developer's contractor. Recorded once per booking.
 */
export async function inspect(input: In<'inspect'>, ctx: ActionContext) {
  const { db, caller, clock } = ctx;
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'staff');
  if (b.inspection) {
    if (b.inspection.requestKey === input.clientRequestId) return bookingView(ctx, b, batch, { forStaff: true });
    throw new AppError('CONFLICT', '该房屋已验房，请在问题列表中跟进');
  }
  if (b.status !== 'keys_signed') throw new AppError('CONFLICT', '请先完成钥匙交接并由业主签收，再验房');
  for (const i of input.items) if (!i.ok && CATEGORY_BY_CODE.get(i.category!)?.type !== 'repair') throw new AppError('INVALID_INPUT', '请选择有效的报修类别');
  const seen = new Set<string>();
  for (const i of input.items) {
    const k = `${i.room}:${i.item}:${i.location ?? ''}`;
    if (seen.has(k)) throw new AppError('INVALID_INPUT', `${ROOMS[i.room]}·${INSPECTION_ITEMS[i.item]}重复登记`);
    seen.add(k);
  }
  const defectsIn = input.items.filter((i) => !i.ok);
  await checkText(ctx, ...defectsIn.map((d) => d.note), ...defectsIn.map((d) => d.location));
  // Each defect's photos go with its ticket: checked here, before anything is written, against the
  // ticket they will belong to (the ticket store then binds them to it; a retry finds them bound there).
  const defectKey = (i: (typeof defectsIn)[number]) => `movein:${b._id}:${stableId('mvd', b._id, i.room, i.item, i.location ?? '')}`;
  for (const i of defectsIn) await verifyFiles(ctx, i.photos ?? [], `ticket:${ticketIdFor(defectKey(i))}`);
  const now = clock.now();
  // Tickets first (keyed: a retry finds the same ones), then the booking that lists them.
  const defects: DefectEntry[] = [];
  for (const i of defectsIn) {
    const id = stableId('mvd', b._id, i.room, i.item, i.location ?? '');
    const d = { id, room: i.room, item: i.item, location: i.location ?? '', note: i.note!, photos: i.photos ?? [], category: i.category!, warranty: i.warranty ?? null };
    const t = await defectTicket(ctx, b, d, defectKey(i));
    defects.push({ ...d, ticketId: t.ticketId, ticketNo: t.no, openedAt: now, status: 'open', history: [{ ticketId: t.ticketId, ticketNo: t.no, at: now }] });
  }
  const byKey = new Map(defects.map((d) => [`${d.room}:${d.item}:${d.location}`, d.id]));
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    if (cur.inspection) throw new AppError('CONFLICT', '该房屋已验房，请在问题列表中跟进');
    if (cur.status !== 'keys_signed') throw new AppError('CONFLICT', '请先完成钥匙交接并由业主签收，再验房');
    await tx
      .collection('movein_bookings')
      .doc(b._id)
      .update({
        inspection: {
          at: now,
          by: caller.staff!._id,
          byName: caller.staff!.name,
          requestKey: input.clientRequestId,
          items: input.items.map((i) => ({ room: i.room, item: i.item, ok: i.ok, ...(i.ok ? {} : { defectId: byKey.get(`${i.room}:${i.item}:${i.location ?? ''}`) }) })),
        },
        defects,
        status: defects.length ? 'inspected' : 'closed',
        updatedAt: now,
      });
  }, 3);
  return staffViewAgain(ctx, b._id, batch);
}

/**
 * The resident's re-inspection sign-off (signature again), possible once every open defect's
 * ticket is fixed. A defect the resident refuses is reopened as a new ticket (keyed by the
 * sign-off), the others are accepted; with none refused the booking is closed.
 */
export async function reinspect(input: In<'reinspect'>, ctx: ActionContext) {
  const { db, clock } = ctx;
  const { b, batch } = await bookingWithBatch(ctx, input.bookingId, 'booker');
  const tickets = await defectTickets(ctx, b);
  const pending = b.defects.filter((d) => d.status !== 'accepted');
  const fixedOf = (d: DefectEntry) => FIXED_TICKET_STATUSES.includes(tickets.get(d.ticketId)?.status ?? '');
  const last = b.reinspections.at(-1);
  if (last && last.signatureFileId === input.signature.fileId) return bookingView(ctx, b, batch);
  if (
    !canReinspect(
      b.status,
      pending.map((d) => ({ fixed: fixedOf(d) })),
    )
  )
    throw new AppError('CONFLICT', b.status !== 'inspected' ? '当前无需复验' : '还有问题尚未整改完成，整改完成后才能复验签收');
  const refused = new Map(input.refuse.map((r) => [r.defectId, r.note]));
  for (const id of refused.keys()) if (!pending.some((d) => d.id === id)) throw new AppError('INVALID_INPUT', '要退回的问题不存在');
  await checkText(ctx, ...refused.values());
  const target = `movein:${b._id}`;
  await verifyFiles(ctx, [input.signature.fileId], target);
  const now = clock.now();
  const round = b.reinspections.length + 1;
  const next: DefectEntry[] = [];
  for (const d of b.defects) {
    if (d.status === 'accepted' || !pending.includes(d)) {
      next.push(d);
      continue;
    }
    const note = refused.get(d.id);
    if (note === undefined) {
      next.push({ ...d, status: 'accepted' });
      continue;
    }
    // The photos stay with the first ticket (a file belongs to one record); the new one names it.
    const t = await defectTicket(ctx, b, { ...d, photos: [] }, `movein:${b._id}:${d.id}:reopen:${round}`, `${note}；原工单 ${d.ticketNo}`);
    next.push({ ...d, ticketId: t.ticketId, ticketNo: t.no, status: 'reopened', history: [...d.history, { ticketId: t.ticketId, ticketNo: t.no, at: now, refusedNote: note }] });
  }
  await db.runTransaction(async (tx: any) => {
    const cur = (await tx.collection('movein_bookings').doc(b._id).get()).data as BookingDoc;
    if (cur.reinspections.length !== b.reinspections.length) throw new AppError('CONFLICT', '复验已提交，请刷新');
    await claimFiles(tx, ctx, [input.signature.fileId], target);
    await tx
      .collection('movein_bookings')
      .doc(b._id)
      .update({
        defects: next,
        reinspections: [...cur.reinspections, { at: now, signatureFileId: input.signature.fileId, refused: [...refused.keys()] }],
        status: afterReinspection(refused.size),
        updatedAt: now,
      });
  }, 3);
  return bookingView(ctx, await visibleBooking(ctx, b._id), batch);
}

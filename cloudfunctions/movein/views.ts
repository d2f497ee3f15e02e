import {
  BOOKING_STATUS_LABELS,
  DEFECT_STATUS_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUS_LABELS,
  FIXED_TICKET_STATUSES,
  HANDOVER_STEP_LABELS,
  HANDOVER_STEPS,
  INSPECTION_ITEMS,
  KEY_TYPES,
  METERS,
  ROOMS,
  beforeCutoff,
  canReinspect,
  readyToSign,
  type DocumentKind,
  type Meter,
} from '../../src/domain/movein';
import { maskPhone } from '../../src/domain/membership';
import { formatMonthDay } from '../../src/domain/time';
import type { ActionContext } from '../_lib/handler';
import { tempUrls, visibleBooking, type BatchDoc, type BookingDoc } from './model';

/** Current ticket states of a booking's defects (by the defect's latest ticket). */
export async function defectTickets(ctx: ActionContext, b: BookingDoc): Promise<Map<string, { status: string; no: string }>> {
  const ids = b.defects.map((d) => d.ticketId);
  if (!ids.length) return new Map();
  const res = await ctx.db
    .collection('tickets')
    .where({ _id: ctx.db.command.in(ids) })
    .limit(ids.length)
    .get();
  return new Map((res.data as any[]).map((t) => [t._id, { status: t.status, no: t.no }]));
}

/** What the booker and the staff read of a booking: labels in Chinese, times in 北京时间. */
export async function bookingView(ctx: ActionContext, b: BookingDoc, batch: BatchDoc, opts: { forStaff?: boolean } = {}) {
  const tickets = await defectTickets(ctx, b);
  // Defect photos: expiring URLs for the two who may see this booking (the booker, staff of its community).
  const urls = await tempUrls(ctx, [...new Set(b.defects.flatMap((d) => d.photos ?? []))]);
  const defects = b.defects.map((d) => {
    const t = tickets.get(d.ticketId);
    const fixed = !!t && FIXED_TICKET_STATUSES.includes(t.status);
    return {
      defectId: d.id,
      room: d.room,
      roomLabel: ROOMS[d.room],
      item: d.item,
      itemLabel: INSPECTION_ITEMS[d.item],
      location: d.location,
      note: d.note,
      photoUrls: (d.photos ?? []).map((f) => urls[f]).filter(Boolean),
      category: d.category,
      warranty: d.warranty,
      ticketId: d.ticketId,
      ticketNo: d.ticketNo,
      ticketStatus: t?.status ?? 'pending',
      status: d.status === 'accepted' ? 'accepted' : fixed ? 'fixed' : d.status === 'reopened' ? 'reopened' : 'open',
      statusLabel: DEFECT_STATUS_LABELS[d.status === 'accepted' ? 'accepted' : fixed ? 'fixed' : d.status === 'reopened' ? 'reopened' : 'open'],
      fixed,
      openedAt: d.openedAt,
    };
  });
  const now = ctx.clock.now();
  const movable = ['booked', 'approved'].includes(b.status) && beforeCutoff(now, new Date(b.slotStartAt), batch.cutoffHours);
  return {
    bookingId: b._id,
    batchId: b.batchId,
    batchTitle: batch.title,
    unitId: b.unitId,
    unitLabel: b.unitLabel,
    name: b.name,
    phone: opts.forStaff ? maskPhone(b.phone) : b.phone,
    slotId: b.slotId,
    slotStartAt: b.slotStartAt,
    slotEndAt: b.slotEndAt,
    slotText: `${formatMonthDay(b.slotStartAt)}–${formatMonthDay(b.slotEndAt).slice(-5)}`,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    movable,
    cutoffHours: batch.cutoffHours,
    feesNotice: batch.feesNotice,
    documents: batch.requiredDocuments.map((k: DocumentKind) => {
      const d = b.documents[k] ?? { status: 'missing' as const, fileIds: [] };
      return { kind: k, label: DOCUMENT_KINDS[k], status: d.status, statusLabel: DOCUMENT_STATUS_LABELS[d.status], reason: d.reason ?? '', files: d.fileIds.length };
    }),
    handover: HANDOVER_STEPS.map((s) => ({
      step: s,
      label: HANDOVER_STEP_LABELS[s],
      done: !!b.handover?.[s],
      at: b.handover?.[s]?.at ?? null,
      byName: b.handover?.[s]?.byName ?? '',
    })),
    keys: (b.keys ?? []).map((k) => ({ ...k, label: KEY_TYPES[k.type] })),
    meters: b.meters ? (Object.keys(METERS) as Meter[]).map((m) => ({ meter: m, label: METERS[m], reading: b.meters![m].reading })) : [],
    readyToSign: b.status === 'arrived' && readyToSign(b.handover ?? {}),
    signedAt: b.receipt?.signedAt ?? null,
    inspected: !!b.inspection,
    defects,
    canReinspect: canReinspect(
      b.status,
      defects.filter((d) => d.status !== 'accepted'),
    ),
  };
}

/** After a staff step: the booking read again, as the community's staff see it. */
export async function staffViewAgain(ctx: ActionContext, bookingId: string, batch: BatchDoc) {
  return bookingView(ctx, await visibleBooking(ctx, bookingId), batch, { forStaff: true });
}

import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  ACTIVE_BOOKING,
  AGE_BUCKETS,
  ageBucket,
  BOOKING_STATUS_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUS_LABELS,
  FIXED_TICKET_STATUSES,
  type DocumentKind,
} from '../../src/domain/movein';
import type { moveinInputs } from '../../src/domain/movein-api';
import { beijing, formatMinute, formatMonthDay } from '../../src/domain/time';
import type { ActionContext } from '../_lib/handler';
import { notify } from '../_lib/notify';
import { clip } from '../_lib/templates';
import { storeSheet, type SheetColumn } from '../_lib/sheet';
import { loadBatch, staffCommunity, type BookingDoc } from './model';

type In<K extends keyof typeof moveinInputs> = z.infer<(typeof moveinInputs)[K]>;

async function batchBookings(ctx: ActionContext, batchId: string) {
  const batch = await loadBatch(ctx, batchId);
  if (!staffCommunity(ctx, batch.communityId)) throw new AppError('NOT_FOUND', '入住批次不存在');
  const res = await ctx.db.collection('movein_bookings').where({ batchId }).limit(1000).get();
  const bookings = (res.data as BookingDoc[]).filter((b) => b.status !== 'cancelled');
  const ticketIds = bookings.flatMap((b) => b.defects.map((d) => d.ticketId));
  const tickets = new Map<string, string>();
  for (let i = 0; i < ticketIds.length; i += 100) {
    const part = ticketIds.slice(i, i + 100);
    const t = await ctx.db
      .collection('tickets')
      .where({ _id: ctx.db.command.in(part) })
      .limit(100)
      .get();
    for (const x of t.data as any[]) tickets.set(x._id, x.status);
  }
  return { batch, bookings, tickets };
}

/** Batch dashboard: booked, arrived, documents pending/rejected, keys handed over, inspections done, open defects by age. */
export async function dashboard(input: In<'dashboard'>, ctx: ActionContext) {
  const { batch, bookings, tickets } = await batchBookings(ctx, input.batchId);
  const now = ctx.clock.now();
  const has = (b: BookingDoc, s: string) => Object.values(b.documents).some((d) => d?.status === s);
  const openDefects = bookings.flatMap((b) => b.defects.filter((d) => d.status !== 'accepted' && !FIXED_TICKET_STATUSES.includes(tickets.get(d.ticketId) ?? '')));
  const byAge = Object.fromEntries(AGE_BUCKETS.map((a) => [a.key, 0])) as Record<string, number>;
  for (const d of openDefects) byAge[ageBucket(new Date(d.openedAt), now)]++;
  return {
    batchId: batch._id,
    title: batch.title,
    booked: bookings.length,
    arrived: bookings.filter((b) => !!b.handover?.arrival).length,
    documentsPending: bookings.filter((b) => has(b, 'submitted') || has(b, 'missing')).length,
    documentsRejected: bookings.filter((b) => has(b, 'rejected')).length,
    keysHandedOver: bookings.filter((b) => !!b.receipt).length,
    inspectionsDone: bookings.filter((b) => !!b.inspection).length,
    openDefects: openDefects.length,
    openDefectsByAge: AGE_BUCKETS.map((a) => ({ key: a.key, label: a.label, count: byAge[a.key] })),
  };
}

/** Each required document and how its review stands, on one line. */
const documentsLine = (b: BookingDoc) =>
  Object.entries(b.documents)
    .map(([k, d]) => `${DOCUMENT_KINDS[k as DocumentKind]}：${DOCUMENT_STATUS_LABELS[d!.status]}`)
    .join('；');

/** The export's columns (times in 北京时间), but for the open defects, which need the defects' tickets. */
const BATCH_COLUMNS: SheetColumn<BookingDoc>[] = [
  ['房屋', 16, (b) => b.unitLabel],
  ['业主', 10, (b) => b.name],
  ['办理时段', 20, (b) => formatMonthDay(b.slotStartAt)],
  ['状态', 12, (b) => BOOKING_STATUS_LABELS[b.status]],
  ['资料', 30, documentsLine],
  ['到场时间', 18, (b) => (b.handover?.arrival ? formatMinute(b.handover.arrival.at) : '')],
  ['钥匙签收', 18, (b) => (b.receipt ? formatMinute(b.receipt.signedAt) : '')],
  ['验房', 18, (b) => (b.inspection ? formatMinute(b.inspection.at) : '')],
];

/** The batch as an .xlsx (exceljs), stored and handed back as a temporary URL. */
export async function exportBatch(input: In<'exportBatch'>, ctx: ActionContext) {
  const { batch, bookings, tickets } = await batchBookings(ctx, input.batchId);
  const openDefects = (b: BookingDoc) => b.defects.filter((d) => d.status !== 'accepted' && !FIXED_TICKET_STATUSES.includes(tickets.get(d.ticketId) ?? '')).length;
  const stamp = beijing(ctx.clock.now()).format('YYYYMMDD-HHmmss');
  const { url } = await storeSheet(ctx, `exports/movein/${batch._id}-${stamp}.xlsx`, '入住办理', [...BATCH_COLUMNS, ['未完成问题', 10, openDefects]], bookings);
  return { fileName: `${batch.title}-${stamp}.xlsx`, url: url ?? '', rows: bookings.length };
}

/** Timer: the day before, each active booking's person is reminded (keyed per booking and slot: overlapping runs tell once). */
export async function remindTomorrow(_: In<'remindTomorrow'>, ctx: ActionContext) {
  const now = beijing(ctx.clock.now());
  const from = now.add(1, 'day').startOf('day').toDate();
  const to = now.add(2, 'day').startOf('day').toDate();
  const _c = ctx.db.command;
  const res = await ctx.db
    .collection('movein_bookings')
    .where({ slotStartAt: _c.gte(from).and(_c.lt(to)) })
    .limit(1000)
    .get();
  const due = (res.data as BookingDoc[]).filter((b) => ACTIVE_BOOKING.includes(b.status) && ['booked', 'approved'].includes(b.status));
  await notify(
    ctx,
    due.map((b) => {
      const missing = Object.values(b.documents).some((d) => d?.status !== 'approved');
      return {
        key: `movein-remind:${b._id}:${b.slotId}`,
        to: [{ openid: b.openid }],
        kind: 'movein' as const,
        title: '明天办理入住',
        body: `您预约了明天 ${formatMonthDay(b.slotStartAt).slice(-5)} 办理 ${b.unitLabel} 的入住手续，请携带身份证及所需资料原件按时到场。${missing ? '您还有资料未审核通过，请尽快在「入住预约」上传。' : ''}`,
        communityId: b.communityId,
        target: { kind: 'movein' as const, id: b._id },
        // Also by WeChat subscribe message where the person consented (when booking); the inbox always.
        subscribe: {
          template: 'movein' as const,
          page: 'pages/movein/index',
          data: {
            thing1: { value: clip(b.unitLabel, 20) },
            time2: { value: formatMinute(b.slotStartAt) },
            thing3: { value: clip(missing ? '有资料未审核通过，请尽快上传' : '请携带身份证及资料原件按时到场', 20) },
          },
        },
      };
    }),
  );
  return { reminded: due.length };
}

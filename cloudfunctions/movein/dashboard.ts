import ExcelJS from 'exceljs';
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
import { storeFile, temporaryUrl } from '../_lib/stored-file';
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

/** The batch as an .xlsx (exceljs), stored and handed back as a temporary URL. */
export async function exportBatch(input: In<'exportBatch'>, ctx: ActionContext) {
  const { batch, bookings, tickets } = await batchBookings(ctx, input.batchId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('入住办理');
  ws.columns = [
    { header: '房屋', key: 'unit', width: 16 },
    { header: '业主', key: 'name', width: 10 },
    { header: '办理时段', key: 'slot', width: 20 },
    { header: '状态', key: 'status', width: 12 },
    { header: '资料', key: 'docs', width: 30 },
    { header: '到场时间', key: 'arrived', width: 18 },
    { header: '钥匙签收', key: 'signed', width: 18 },
    { header: '验房', key: 'inspected', width: 18 },
    { header: '未完成问题', key: 'open', width: 10 },
  ];
  for (const b of bookings) {
    ws.addRow({
      unit: b.unitLabel,
      name: b.name,
      slot: formatMonthDay(b.slotStartAt),
      status: BOOKING_STATUS_LABELS[b.status],
      docs: Object.entries(b.documents)
        .map(([k, d]) => `${DOCUMENT_KINDS[k as DocumentKind]}：${DOCUMENT_STATUS_LABELS[d!.status]}`)
        .join('；'),
      arrived: b.handover?.arrival ? formatMinute(b.handover.arrival.at) : '',
      signed: b.receipt ? formatMinute(b.receipt.signedAt) : '',
      inspected: b.inspection ? formatMinute(b.inspection.at) : '',
      open: b.defects.filter((d) => d.status !== 'accepted' && !FIXED_TICKET_STATUSES.includes(tickets.get(d.ticketId) ?? '')).length,
    });
  }
  ws.getRow(1).font = { bold: true };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = beijing(ctx.clock.now()).format('YYYYMMDD-HHmmss');
  const cloudPath = `exports/movein/${batch._id}-${stamp}.xlsx`;
  const fileID = await storeFile(ctx, cloudPath, buf);
  return { fileName: `${batch.title}-${stamp}.xlsx`, url: (await temporaryUrl(ctx, fileID)) ?? '', rows: bookings.length };
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

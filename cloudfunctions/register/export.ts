import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  ANALYSIS_ROLES,
  categoryLabel,
  CHANNEL_LABELS,
  CONTACT_TYPE_LABELS,
  DEPARTMENT_NAMES,
  GRADE_TARGETS,
  OUTCOME_LABELS,
  type AnalysisRow,
  type RegisterEntry,
} from '../../src/domain/register';
import type { RegisterFilters, registerInputs } from '../../src/domain/register/api';
import { formatMinute } from '../../src/domain/time';
import type { ActionContext } from '../_lib/handler';
import { insertMissing } from '../_lib/bulk';
import { stableId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { storeFile } from '../_lib/stored-file';
import { communityOf, maySeePhones, readAnalysis, readPage, whereOf } from './register';

type In<K extends keyof typeof registerInputs> = z.infer<(typeof registerInputs)[K]>;

/**
 * Rows a register export builds within the request (read in pages); a larger one continues
 * in the background — the register timer reads its further pages and builds the file — and its
 * requester is told in the inbox when it is ready. Tests lower it with LINLI_EXPORT_INLINE_ROWS.
 */
const inlineRows = () => Number(process.env.LINLI_EXPORT_INLINE_ROWS ?? 50_000);
/** The most rows one export holds: one sheet, written by one timer run well within the function's time (tests lower it with LINLI_EXPORT_MAX_ROWS). */
const maxRows = () => Number(process.env.LINLI_EXPORT_MAX_ROWS ?? 300_000);
/** How long an export's file is kept and may be fetched by its requester; each link lives 5 minutes. */
export const EXPORT_TTL_MS = 60 * 60_000;
const LINK_SECONDS = 300;
/** Rows read per query: a read answers at most 1000 documents, and a page asks for one more than it keeps (to know whether more follow). */
const PAGE = 999;
/** A background export not finished within this time is given up (its record and rows removed). */
const JOB_TTL_MS = 6 * 3600_000;
/** A timer run holds a background export this long; an overlapping run leaves it alone. */
const LEASE_MS = 120_000;
/** Time a timer run spends on background exports. */
const JOB_BUDGET_MS = 25_000;

type Cell = string | number;
type Filters = RegisterFilters;

interface ExportDoc {
  _id: string;
  openid: string;
  communityId: string;
  /** The stored file; '' while a background export is still being built. */
  fileID: string;
  kind: 'register' | 'analysis';
  rows: number;
  createdAt: Date;
  expiresAt: Date;
  /** Absent on exports made within the request (always ready). */
  status?: 'running' | 'ready';
  /** A background export: what it reads, whether phones show, where it stopped, rows kept so far. */
  filters?: Filters;
  phones?: boolean;
  cursor?: string | null;
  parts?: number;
  leaseUntil?: Date | null;
}

const REGISTER_COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '日期时间', key: 'at', width: 17 },
  { header: '渠道', key: 'channel', width: 8 },
  { header: '类型', key: 'type', width: 10 },
  { header: '类别', key: 'category', width: 12 },
  { header: '楼栋', key: 'building', width: 8 },
  { header: '客户', key: 'who', width: 10 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '沟通内容', key: 'text', width: 40 },
  { header: '处理结果', key: 'outcome', width: 12 },
  { header: '经办人', key: 'staff', width: 10 },
  { header: '首问负责人', key: 'owner', width: 10 },
  { header: '工单号', key: 'ticketNo', width: 16 },
  { header: '状态', key: 'state', width: 8 },
];

/** A sheet with the form's title rows above its table. */
function titled(wb: ExcelJS.Workbook, name: string, title: string, subtitle: string, columns: { header: string; key: string; width: number }[]) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  ws.addRow([subtitle]);
  ws.mergeCells(2, 1, 2, columns.length);
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return ws;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const gradeText = (r: number | null) =>
  r === null ? '—' : r >= GRADE_TARGETS.grade1 ? '达一级' : r >= GRADE_TARGETS.grade2 ? '达二级' : r >= GRADE_TARGETS.grade3 ? '达三级' : '未达标';

function analysisSheet(wb: ExcelJS.Workbook, name: string, title: string, subtitle: string, rows: AnalysisRow[]) {
  const ws = titled(wb, name, title, subtitle, [
    { header: '对象', key: 'label', width: 14 },
    { header: '沟通次数', key: 'contacts', width: 10 },
    { header: '新工单', key: 'tickets', width: 8 },
    { header: '响应及时率', key: 'accept', width: 11 },
    { header: '到场及时率', key: 'arrive', width: 11 },
    { header: '完成及时率', key: 'resolve', width: 11 },
    { header: '答复及时率', key: 'reply', width: 11 },
    { header: '回访完成率', key: 'cb', width: 11 },
    { header: '满意度', key: 'sat', width: 9 },
    { header: '满意度等级', key: 'grade', width: 10 },
    { header: '返修率', key: 'reopen', width: 9 },
    { header: '重复问题', key: 'repeat', width: 9 },
  ]);
  for (const r of rows)
    ws.addRow([
      r.label,
      r.contacts,
      r.tickets,
      pct(r.onTime.accept),
      pct(r.onTime.arrive),
      pct(r.onTime.resolve),
      pct(r.onTime.reply),
      pct(r.callbackCompletion),
      pct(r.satisfaction),
      gradeText(r.satisfaction),
      pct(r.reopenRate),
      r.repeat,
    ]);
  return ws;
}

/** One register row as the form shows it (phones masked unless the requester may see them). */
function registerCells(e: RegisterEntry, n: number, phones: boolean): Cell[] {
  return [
    n,
    formatMinute(e.at),
    CHANNEL_LABELS[e.channel] ?? e.channel,
    CONTACT_TYPE_LABELS[e.type] ?? e.type,
    e.category ? categoryLabel(e.category) : '',
    e.building,
    e.who,
    phones ? e.phone : e.phone ? `${e.phone.slice(0, 3)}****${e.phone.slice(-4)}` : '',
    e.text,
    OUTCOME_LABELS[e.outcome] ?? e.outcome,
    e.staffName,
    e.ownerName,
    e.ticketNo,
    e.ticketId ? (e.open ? '处理中' : '已闭环') : '已闭环',
  ];
}

/**
 * The 客户沟通记录表 workbook, written as a stream (a large register never sits in memory as a
 * workbook): the rows come from `rows`, in pages, already numbered and formatted.
 */
async function registerBook(now: Date, f: Filters, phones: boolean, rows: AsyncIterable<Cell[][]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    out.on('end', res);
    out.on('error', rej);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '邻里物业';
  const range = f.from || f.to ? `${f.from ?? '最早'} 至 ${f.to ?? '今天'}` : '全部日期';
  const ws = titled(wb, '客户沟通记录表', '客户沟通记录表', `导出时间 ${formatMinute(now)}（北京时间） · 范围 ${range}${phones ? '' : ' · 电话已隐去中间四位'}`, REGISTER_COLUMNS);
  for await (const page of rows) for (const r of page) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

async function* inMemory(rows: Cell[][]) {
  yield rows;
}

const partId = (exportId: string, part: number) => `${exportId}:${String(part).padStart(5, '0')}`;

/** Keeps read rows of a background export as numbered parts (idempotent: a part's id is its number). */
async function saveParts(ctx: Pick<ActionContext, 'db'>, exportId: string, firstPart: number, rows: Cell[][]) {
  const docs = [];
  for (let i = 0; i < rows.length; i += PAGE) docs.push({ _id: partId(exportId, firstPart + docs.length), exportId, part: firstPart + docs.length, rows: rows.slice(i, i + PAGE) });
  await insertMissing(ctx.db, 'register_export_parts', docs);
  return docs.length;
}

/** A background export's parts, in order, a few at a time. */
async function* partsOf(ctx: Pick<ActionContext, 'db'>, exportId: string, parts: number): AsyncIterable<Cell[][]> {
  const _ = ctx.db.command;
  for (let p = 0; p < parts; p += 10) {
    const docs = (
      await ctx.db
        .collection('register_export_parts')
        .where({ exportId, part: _.and(_.gte(p), _.lt(p + 10)) })
        .orderBy('part', 'asc')
        .limit(10)
        .get()
    ).data as { part: number; rows: Cell[][] }[];
    for (const d of docs) yield d.rows;
  }
}

async function buildAnalysis(ctx: ActionContext, communityId: string, input: In<'export'>) {
  const kind = input.period?.kind ?? 'month';
  const key = input.period?.key;
  const [all, buildings, departments, people] = await Promise.all(
    (['community', 'building', 'department', 'person'] as const).map((scope) => readAnalysis(ctx, communityId, kind, key, scope)),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻里物业';
  const sub = `${all.label} · 目标：满意度一级 ≥80%、二级 ≥75%、三级 ≥70%`;
  analysisSheet(wb, '汇总', `服务分析 ${all.label}`, sub, [all.summary, { ...all.previousSummary, label: '上期' }]);
  analysisSheet(wb, '按楼栋', `按楼栋 ${all.label}`, sub, buildings.rows);
  analysisSheet(
    wb,
    '按部门',
    `按部门 ${all.label}`,
    sub,
    departments.rows.map((r) => ({ ...r, label: DEPARTMENT_NAMES[r.label] ?? r.label })),
  );
  analysisSheet(wb, '按人员', `按人员 ${all.label}`, sub, people.rows);
  const cats = titled(wb, '类别排行', `类别排行 ${all.label}`, '本期与上期数量', [
    { header: '类别', key: 'c', width: 14 },
    { header: '本期', key: 'n', width: 8 },
    { header: '上期', key: 'p', width: 8 },
  ]);
  for (const c of all.topCategories) cats.addRow([categoryLabel(c.key), c.n, c.previous]);
  const reach = titled(wb, '公告触达', `公告触达 ${all.label}`, '', [
    { header: '发布公告', key: 'a', width: 10 },
    { header: '送达人次', key: 'b', width: 10 },
    { header: '阅读人次', key: 'c', width: 10 },
  ]);
  reach.addRow([all.reach.notices ?? 0, all.reach.sent ?? 0, all.reach.reads ?? 0]);
  return { wb, rows: all.summary.contacts };
}

/**
 * Builds the workbook, stores it, records who asked, and returns a short-lived link for them only.
 * A register export larger than the request can build is kept as a background job instead (its
 * first rows already read): the answer says `pending`, and the requester is told when it is ready.
 */
export async function exportXlsx(input: In<'export'>, ctx: ActionContext) {
  const communityId = communityOf(ctx);
  if (input.kind === 'analysis' && !ANALYSIS_ROLES.some((r) => ctx.caller.roles.has(r))) throw new AppError('FORBIDDEN', '仅主管或管理员可导出服务分析');
  const phones = maySeePhones(ctx);
  const now = ctx.clock.now();
  const id = stableId('ex', ctx.caller.openid!, ctx.requestId || String(now.getTime()), input.kind);
  const doc: ExportDoc = {
    _id: id,
    openid: ctx.caller.openid!,
    communityId,
    fileID: '',
    kind: input.kind,
    rows: 0,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
  };
  let buffer: Buffer;
  if (input.kind === 'register') {
    const rows: Cell[][] = [];
    let cursor: string | undefined;
    do {
      const page = await readPage(ctx, communityId, input.filters, cursor, PAGE);
      for (const e of page.items as RegisterEntry[]) rows.push(registerCells(e, rows.length + 1, phones));
      cursor = page.nextCursor;
    } while (cursor && rows.length < inlineRows());
    if (cursor) return startJob(ctx, doc, input.filters, phones, rows, cursor);
    buffer = await registerBook(now, input.filters, phones, inMemory(rows));
    doc.rows = rows.length;
  } else {
    const { wb, rows } = await buildAnalysis(ctx, communityId, input);
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
    doc.rows = rows;
  }
  doc.fileID = await storeFile(ctx, `exports/register/${id}.xlsx`, buffer);
  const { _id, ...rest } = doc;
  await ctx.db.collection('register_exports').doc(_id).set(rest);
  return { exportId: id, rows: doc.rows, ...(await link(ctx, doc)) };
}

/** Too many rows for the request: refused past the limit, else the rows read so far become a background job. */
async function startJob(ctx: ActionContext, doc: ExportDoc, filters: Filters, phones: boolean, rows: Cell[][], cursor: string) {
  const total = (
    await ctx.db
      .collection('register_entries')
      .where(whereOf(ctx, doc.communityId, filters))
      .count()
  ).total;
  if (total > maxRows()) throw new AppError('INVALID_INPUT', `导出超过 ${maxRows()} 条，请缩小日期范围后再导出`);
  const parts = await saveParts(ctx, doc._id, 0, rows);
  const { _id, ...rest } = doc;
  const job: Omit<ExportDoc, '_id'> = {
    ...rest,
    status: 'running',
    filters,
    phones,
    cursor,
    parts,
    rows: rows.length,
    leaseUntil: null,
    expiresAt: new Date(doc.createdAt.getTime() + JOB_TTL_MS),
  };
  await ctx.db.collection('register_exports').doc(_id).set(job);
  return { exportId: _id, pending: true, rows: total };
}

/** Takes a background export for this run unless another run holds it. */
async function lease(ctx: Pick<ActionContext, 'db' | 'clock'>, id: string): Promise<ExportDoc | null> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.runTransaction(async (tx: any) => {
      const cur = (await tx.collection('register_exports').doc(id).get()).data as ExportDoc | null;
      if (!cur || cur.status !== 'running' || (cur.leaseUntil && new Date(cur.leaseUntil).getTime() > now.getTime())) return null;
      await tx
        .collection('register_exports')
        .doc(id)
        .update({ leaseUntil: new Date(now.getTime() + LEASE_MS) });
      return { ...cur, _id: id };
    }, 1);
  } catch (e) {
    if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT') return null;
    throw e;
  }
}

/**
 * The register timer's share of background exports: reads each running export's further pages
 * (as parts), then writes the file, tells the requester (once: the message is keyed by the export)
 * and marks it ready. An overlapping run leaves a leased export alone; a crashed run's export is
 * taken up again when its lease lapses, re-reading at most the page it was on.
 */
export async function continueExports(ctx: ActionContext, budgetMs = JOB_BUDGET_MS) {
  const started = Date.now();
  const running = (await ctx.db.collection('register_exports').where({ status: 'running' }).field({ _id: true }).limit(10).get()).data as { _id: string }[];
  let finished = 0;
  for (const { _id } of running) {
    if (Date.now() - started > budgetMs) break;
    const job = await lease(ctx, _id);
    if (!job) continue;
    const ref = ctx.db.collection('register_exports').doc(_id);
    let parts = job.parts ?? 0;
    let rows = job.rows;
    let cursor = job.cursor ?? undefined;
    while (cursor && Date.now() - started < budgetMs) {
      const page = await readPage(ctx, job.communityId, job.filters ?? {}, cursor, PAGE);
      const cells = (page.items as RegisterEntry[]).map((e, i) => registerCells(e, rows + i + 1, !!job.phones));
      parts += await saveParts(ctx, _id, parts, cells);
      rows += cells.length;
      cursor = page.nextCursor;
      await ref.update({ parts, rows, cursor: cursor ?? null });
    }
    if (cursor) {
      await ref.update({ leaseUntil: null });
      continue;
    }
    const now = ctx.clock.now();
    const buffer = await registerBook(job.createdAt ? new Date(job.createdAt) : now, job.filters ?? {}, !!job.phones, partsOf(ctx, _id, parts));
    const fileID = await storeFile(ctx, `exports/register/${_id}.xlsx`, buffer);
    const expiresAt = new Date(now.getTime() + EXPORT_TTL_MS);
    await notify(ctx, [
      {
        key: `${_id}:ready`,
        to: [{ openid: job.openid }],
        kind: 'export-ready',
        title: '导出已完成',
        body: `客户沟通记录表（${rows} 条）已生成，请在 ${formatMinute(expiresAt)} 前下载`,
        communityId: job.communityId,
        target: { kind: 'export', id: _id },
      },
    ]);
    await ref.update({ status: 'ready', fileID, rows, expiresAt, leaseUntil: null });
    await removeParts(ctx, [_id]);
    finished++;
  }
  return finished;
}

async function removeParts(ctx: Pick<ActionContext, 'db'>, exportIds: string[]) {
  const _ = ctx.db.command;
  await ctx.db
    .collection('register_export_parts')
    .where({ exportId: _.in(exportIds) })
    .remove();
}

async function link(ctx: ActionContext, doc: ExportDoc) {
  const res: any = await ctx.app.getTempFileURL({ fileList: [{ fileID: doc.fileID, maxAge: LINK_SECONDS }] } as any);
  const url = res?.fileList?.[0]?.tempFileURL;
  if (!url) throw new AppError('NOT_FOUND', '导出文件已失效，请重新导出');
  const name = `${doc.kind === 'register' ? '客户沟通记录表' : '服务分析'}-${formatMinute(doc.createdAt).replace(/[ :]/g, '')}.xlsx`;
  return { url, fileName: name, linkExpiresAt: new Date(Math.min(ctx.clock.now().getTime() + LINK_SECONDS * 1000, new Date(doc.expiresAt).getTime())).toISOString() };
}

/** A fresh link to one's own export while it is kept; anyone else's is refused; a background one not yet built says so. */
export async function download(input: In<'download'>, ctx: ActionContext) {
  const doc = (await ctx.db.collection('register_exports').doc(input.exportId).get()).data[0] as ExportDoc | undefined;
  if (!doc) throw new AppError('NOT_FOUND', '导出文件不存在');
  if (doc.openid !== ctx.caller.openid) throw new AppError('FORBIDDEN', '这不是您导出的文件');
  // Staff of several communities: only while acting in the community it was exported from.
  if (doc.communityId !== ctx.caller.staff?.communityId) throw new AppError('NOT_FOUND', '导出文件不存在');
  if (new Date(doc.expiresAt).getTime() <= ctx.clock.now().getTime()) throw new AppError('NOT_FOUND', '导出文件已过期，请重新导出');
  if (doc.status === 'running') return { exportId: input.exportId, pending: true, rows: doc.rows };
  return { exportId: input.exportId, rows: doc.rows, ...(await link(ctx, { ...doc, _id: input.exportId })) };
}

/** Removes exports past their time (files, records, and the rows of background exports given up). */
export async function expireExports(ctx: Pick<ActionContext, 'db' | 'app' | 'clock'>) {
  const _ = ctx.db.command;
  const old = (
    await ctx.db
      .collection('register_exports')
      .where({ expiresAt: _.lt(ctx.clock.now()) })
      .limit(100)
      .get()
  ).data as ExportDoc[];
  if (!old.length) return 0;
  const files = old.map((d) => d.fileID).filter(Boolean);
  if (files.length) await ctx.app.deleteFile({ fileList: files } as any).catch(() => undefined);
  const ids = old.map((d) => d._id);
  await removeParts(ctx, ids);
  await ctx.db
    .collection('register_exports')
    .where({ _id: _.in(ids) })
    .remove();
  return old.length;
}

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
import { stableId } from '../_lib/ids';
import { storeFile } from '../_lib/stored-file';
import { communityOf, maySeePhones, readAnalysis, readPage } from './register';

type In<K extends keyof typeof registerInputs> = z.infer<(typeof registerInputs)[K]>;

/** Rows an export may hold: the register is read in pages of 1000 well within the function's time limit. */
export const MAX_EXPORT_ROWS = 50_000;
/** How long an export's file is kept and may be fetched by its requester; each link lives 5 minutes. */
export const EXPORT_TTL_MS = 60 * 60_000;
const LINK_SECONDS = 300;

interface ExportDoc {
  _id: string;
  openid: string;
  communityId: string;
  fileID: string;
  kind: 'register' | 'analysis';
  rows: number;
  createdAt: Date;
  expiresAt: Date;
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
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
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
  ws.views = [{ state: 'frozen', ySplit: 3 }];
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

async function buildRegister(ctx: ActionContext, communityId: string, input: In<'export'>, phones: boolean) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻里物业';
  const f = input.filters;
  const range = f.from || f.to ? `${f.from ?? '最早'} 至 ${f.to ?? '今天'}` : '全部日期';
  const ws = titled(
    wb,
    '客户沟通记录表',
    '客户沟通记录表',
    `导出时间 ${formatMinute(ctx.clock.now())}（北京时间） · 范围 ${range}${phones ? '' : ' · 电话已隐去中间四位'}`,
    REGISTER_COLUMNS,
  );
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await readPage(ctx, communityId, f, cursor, 1000);
    for (const e of page.items as RegisterEntry[]) {
      n++;
      if (n > MAX_EXPORT_ROWS) throw new AppError('INVALID_INPUT', `导出超过 ${MAX_EXPORT_ROWS} 条，请缩小日期范围后再导出`);
      ws.addRow({
        n,
        at: formatMinute(e.at),
        channel: CHANNEL_LABELS[e.channel] ?? e.channel,
        type: CONTACT_TYPE_LABELS[e.type] ?? e.type,
        category: e.category ? categoryLabel(e.category) : '',
        building: e.building,
        who: e.who,
        phone: phones ? e.phone : e.phone ? `${e.phone.slice(0, 3)}****${e.phone.slice(-4)}` : '',
        text: e.text,
        outcome: OUTCOME_LABELS[e.outcome] ?? e.outcome,
        staff: e.staffName,
        owner: e.ownerName,
        ticketNo: e.ticketNo,
        state: e.ticketId ? (e.open ? '处理中' : '已闭环') : '已闭环',
      });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { wb, rows: n };
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

/** Builds the workbook, stores it, records who asked, and returns a short-lived link for them only. */
export async function exportXlsx(input: In<'export'>, ctx: ActionContext) {
  const communityId = communityOf(ctx);
  if (input.kind === 'analysis' && !ANALYSIS_ROLES.some((r) => ctx.caller.roles.has(r))) throw new AppError('FORBIDDEN', '仅主管或管理员可导出服务分析');
  const phones = maySeePhones(ctx);
  const { wb, rows } = input.kind === 'register' ? await buildRegister(ctx, communityId, input, phones) : await buildAnalysis(ctx, communityId, input);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const now = ctx.clock.now();
  const id = stableId('ex', ctx.caller.openid!, ctx.requestId || String(now.getTime()), input.kind);
  const cloudPath = `exports/register/${id}.xlsx`;
  const fileID = await storeFile(ctx, cloudPath, buffer);
  const doc: ExportDoc = { _id: id, openid: ctx.caller.openid!, communityId, fileID, kind: input.kind, rows, createdAt: now, expiresAt: new Date(now.getTime() + EXPORT_TTL_MS) };
  const { _id, ...rest } = doc;
  await ctx.db.collection('register_exports').doc(_id).set(rest);
  return { exportId: id, rows, ...(await link(ctx, doc)) };
}

async function link(ctx: ActionContext, doc: ExportDoc) {
  const res: any = await ctx.app.getTempFileURL({ fileList: [{ fileID: doc.fileID, maxAge: LINK_SECONDS }] } as any);
  const url = res?.fileList?.[0]?.tempFileURL;
  if (!url) throw new AppError('NOT_FOUND', '导出文件已失效，请重新导出');
  const name = `${doc.kind === 'register' ? '客户沟通记录表' : '服务分析'}-${formatMinute(doc.createdAt).replace(/[ :]/g, '')}.xlsx`;
  return { url, fileName: name, linkExpiresAt: new Date(Math.min(ctx.clock.now().getTime() + LINK_SECONDS * 1000, new Date(doc.expiresAt).getTime())).toISOString() };
}

/** A fresh link to one's own export while it is kept; anyone else's is refused. */
export async function download(input: In<'download'>, ctx: ActionContext) {
  const doc = (await ctx.db.collection('register_exports').doc(input.exportId).get()).data[0] as ExportDoc | undefined;
  if (!doc) throw new AppError('NOT_FOUND', '导出文件不存在');
  if (doc.openid !== ctx.caller.openid) throw new AppError('FORBIDDEN', '这不是您导出的文件');
  // Staff of several communities: only while acting in the community it was exported from.
  if (doc.communityId !== ctx.caller.staff?.communityId) throw new AppError('NOT_FOUND', '导出文件不存在');
  if (new Date(doc.expiresAt).getTime() <= ctx.clock.now().getTime()) throw new AppError('NOT_FOUND', '导出文件已过期，请重新导出');
  return { exportId: doc._id, ...(await link(ctx, { ...doc, _id: input.exportId })) };
}

/** Removes exports past their time (files and records). */
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
  await ctx.app.deleteFile({ fileList: old.map((d) => d.fileID) } as any).catch(() => undefined);
  await ctx.db
    .collection('register_exports')
    .where({ _id: _.in(old.map((d) => d._id)) })
    .remove();
  return old.length;
}

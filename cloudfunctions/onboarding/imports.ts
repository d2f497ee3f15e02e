import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  checkOwnerRows,
  checkStaffRows,
  checkUnitRows,
  headerIndex,
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  IMPORT_MAX_ROWS,
  unitKey,
  type ImportKind,
  type OwnerRow,
  type RowError,
  type StaffRow,
  type UnitRow,
} from '../../src/domain/onboarding';
import type { onboardingInputs } from '../../src/domain/onboarding-api';
import { insertMissing, readAll } from '../_lib/bulk';
import { storeFile, temporaryUrl } from '../_lib/stored-file';
import { issueUploadSlot, XLSX_TYPE, type UploadDoc } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { writeInvite } from '../_lib/invites';
import { requireManager } from './access';
import { allUnits, unitDoc } from './units';

type In<K extends keyof typeof onboardingInputs> = z.infer<(typeof onboardingInputs)[K]>;

/** Errors shown in a preview (the count is always complete). */
const MAX_ERRORS_SHOWN = 200;
/** Rows written per batch, and the share of the function's 60 s an invocation spends writing before handing on. */
const BATCH = 500;
const WORK_BUDGET_MS = 25_000;
const LEASE_MS = WORK_BUDGET_MS + 15_000;

export interface ImportDoc {
  _id: string;
  communityId: string;
  kind: ImportKind;
  fileID: string;
  owner: string;
  status: 'previewed' | 'running' | 'done';
  total: number;
  valid: number;
  errorCount: number;
  /** Valid rows already handled by the confirmed import. */
  cursor: number;
  result: { created: number; updated: number; unchanged: number };
  invites?: { name: string; phone: string; code: string }[];
  leaseUntil: Date;
  createdAt: Date;
  updatedAt: Date;
}

export async function prepareUpload(input: In<'prepareUpload'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  return issueUploadSlot(ctx, 'import', XLSX_TYPE, [input.communityId]);
}

const SLOT = /\/uploads\/([a-f0-9]{32})\.xlsx$/;

/** The file must be an import slot this person was issued for this community, and uploaded. */
async function readUpload(ctx: ActionContext, fileID: string, communityId: string, owner: string): Promise<Buffer> {
  const slot = SLOT.exec(fileID)?.[1];
  const u = slot ? ((await ctx.db.collection('uploads').doc(slot).get()).data[0] as UploadDoc | undefined) : undefined;
  if (!u || u.fileID !== fileID || u.owner !== owner || u.purpose !== 'import' || !u.communityIds.includes(communityId)) {
    throw new AppError('INVALID_INPUT', '文件不存在或无权使用，请重新上传');
  }
  const urls: any = await ctx.app.getTempFileURL({ fileList: [{ fileID, maxAge: 120 }] } as any);
  const url = urls?.fileList?.[0]?.code === 'SUCCESS' ? urls.fileList[0].tempFileURL : null;
  if (!url) throw new AppError('INVALID_INPUT', '文件尚未上传完成，请重新上传');
  const res = await fetch(url);
  if (!res.ok) throw new AppError('INVALID_INPUT', '文件读取失败，请重新上传');
  return Buffer.from(await res.arrayBuffer());
}

/** The first sheet's rows (row 1 is the header), as plain values. */
async function readSheet(buf: Buffer): Promise<{ header: unknown[]; rows: { row: number; cells: unknown[] }[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取文件：请上传 .xlsx 格式的 Excel 文件（可下载模板填写）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_INPUT', '文件中没有工作表');
  if (ws.rowCount - 1 > IMPORT_MAX_ROWS) throw new AppError('INVALID_INPUT', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请分成几个文件`);
  const plain = (v: any): unknown => {
    if (v && typeof v === 'object') {
      if ('result' in v) return v.result; // formula
      if ('richText' in v) return v.richText.map((t: any) => t.text).join('');
      if ('text' in v) return v.text; // hyperlink
    }
    return v;
  };
  let header: unknown[] = [];
  const rows: { row: number; cells: unknown[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells = (r.values as unknown[]).slice(1).map(plain);
    if (n === 1) header = cells;
    else if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) rows.push({ row: n, cells });
  });
  // Parsing a large sheet holds the event loop for seconds, meanwhile the database endpoint may close
  // idle keep-alive connections; one turn of the loop lets the agent drop them before the next call
  // (otherwise that call can land on a closed socket: "socket hang up").
  await new Promise((r) => setTimeout(r, 20));
  return { header, rows };
}

interface Checked {
  total: number;
  errors: RowError[];
  units?: UnitRow[];
  owners?: OwnerRow[];
  staff?: StaffRow[];
  /** What a confirmed import would do. */
  plan: { create: number; update: number; unchanged: number };
  /** Existing units by key (owners). */
  unitIds?: Map<string, { _id: string; ownerName?: string; ownerPhone?: string }>;
}

async function check(ctx: ActionContext, kind: ImportKind, communityId: string, buf: Buffer, planned = true): Promise<Checked> {
  const { header, rows } = await readSheet(buf);
  const { index, errors: headerErrors } = headerIndex(kind, header);
  if (headerErrors.length) return { total: rows.length, errors: headerErrors, plan: { create: 0, update: 0, unchanged: 0 } };
  if (kind === 'units') {
    const { valid, errors } = checkUnitRows(rows, index);
    const existing = new Set((await allUnits(ctx.db, communityId, { building: true, unitNo: true, room: true })).map(unitKey));
    const unchanged = valid.filter((u) => existing.has(unitKey(u))).length;
    return { total: rows.length, errors, units: valid.filter((u) => !existing.has(unitKey(u))), plan: { create: valid.length - unchanged, update: 0, unchanged } };
  }
  if (kind === 'owners') {
    const units = await allUnits(ctx.db, communityId, { building: true, unitNo: true, room: true, ownerName: true, ownerPhone: true });
    const unitIds = new Map(units.map((u) => [unitKey(u), u]));
    const { valid, errors } = checkOwnerRows(rows, index, { keys: new Set(unitIds.keys()), buildings: new Set(units.map((u) => u.building)) });
    // Writing (a continuation) needs only the rows: the plan is for the preview.
    if (!planned) return { total: rows.length, errors, owners: valid, unitIds, plan: { create: 0, update: 0, unchanged: 0 } };
    const registered = new Set((await allRegistry(ctx, communityId)).map((r) => `${r.unitId}\u0001${r.phone}\u0001${r.name}\u0001${r.kind}`));
    let create = 0;
    let unchanged = 0;
    for (const o of valid) {
      const id = unitIds.get(unitKey(o))!._id;
      if (registered.has(`${id}\u0001${o.phone}\u0001${o.name}\u0001${o.kind}`)) unchanged++;
      else create++;
    }
    return { total: rows.length, errors, owners: valid, unitIds, plan: { create, update: 0, unchanged } };
  }
  const { valid, errors } = checkStaffRows(rows, index);
  const _ = ctx.db.command;
  const rostered = new Set(
    (
      await ctx.db
        .collection('staff_roster')
        .where({ communityId, phone: _.in(valid.map((s) => s.phone).slice(0, 1000)) })
        .limit(1000)
        .get()
    ).data.map((d: any) => d.phone),
  );
  const unchanged = valid.filter((s) => rostered.has(s.phone)).length;
  return { total: rows.length, errors, staff: valid, plan: { create: valid.length - unchanged, update: 0, unchanged } };
}

const allRegistry = (ctx: ActionContext, communityId: string): Promise<any[]> => readAll(ctx.db, 'owner_registry', { communityId });

/**
 * Reads and checks the file; writes nothing but the import's own record (keyed by community,
 * kind and file, so previewing the same upload twice names the same import).
 */
export async function previewImport(input: In<'previewImport'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  const owner = ctx.caller.openid!;
  const buf = await readUpload(ctx, input.fileID, input.communityId, owner);
  const checked = await check(ctx, input.kind, input.communityId, buf);
  sample();
  const now = ctx.clock.now();
  const _id = stableId('im', input.communityId, input.kind, input.fileID);
  const existing = (await ctx.db.collection('imports').doc(_id).get()).data[0] as ImportDoc | undefined;
  const valid = (checked.units ?? checked.owners ?? checked.staff ?? []).length + (input.kind === 'units' ? checked.plan.unchanged : 0);
  if (!existing) {
    const doc: ImportDoc = {
      _id,
      communityId: input.communityId,
      kind: input.kind,
      fileID: input.fileID,
      owner,
      status: 'previewed',
      total: checked.total,
      valid,
      errorCount: checked.errors.length,
      cursor: 0,
      result: { created: 0, updated: 0, unchanged: 0 },
      leaseUntil: new Date(0),
      createdAt: now,
      updatedAt: now,
    };
    await ctx.db.collection('imports').add(doc);
  }
  return {
    importId: _id,
    kind: input.kind,
    label: IMPORT_KIND_LABELS[input.kind],
    total: checked.total,
    valid,
    plan: checked.plan,
    errorCount: checked.errors.length,
    errors: checked.errors.slice(0, MAX_ERRORS_SHOWN),
    status: existing?.status ?? 'previewed',
    memory: memory(),
  };
}

/**
 * Starts (or continues) a previewed import: writes the valid rows in batches, keyed, from
 * the import's cursor, for at most WORK_BUDGET_MS; what is left is continued by the next call
 * or by the `continue` timer. A lease keeps two continuations from running at once.
 */
export async function confirmImport(input: In<'confirmImport'>, ctx: ActionContext) {
  const doc = (await ctx.db.collection('imports').doc(input.importId).get()).data[0] as ImportDoc | undefined;
  if (!doc || doc.owner !== ctx.caller.openid) throw new AppError('NOT_FOUND', '导入记录不存在，请重新上传');
  await requireManager(ctx, doc.communityId);
  if (doc.status === 'previewed') {
    await ctx.db.collection('imports').where({ _id: doc._id, status: 'previewed' }).update({ status: 'running', updatedAt: ctx.clock.now() });
  }
  return { ...(await runImport(ctx, doc._id)), memory: memory() };
}

export async function importStatus(input: In<'importStatus'>, ctx: ActionContext) {
  const doc = (await ctx.db.collection('imports').doc(input.importId).get()).data[0] as ImportDoc | undefined;
  if (!doc || doc.owner !== ctx.caller.openid) throw new AppError('NOT_FOUND', '导入记录不存在');
  return statusOf(doc);
}

/**
 * The invocation's peak memory, sampled after parsing and after each batch: the function's own
 * V8 heap (its isolate: a worker's own heap locally) and the process RSS (locally the whole
 * emulator's). Reported with each answer for `npm run bench:import`.
 */
const peak = { heapMB: 0, rssMB: 0 };
function sample() {
  const m = process.memoryUsage();
  peak.heapMB = Math.max(peak.heapMB, Math.round(m.heapUsed / 1048576));
  peak.rssMB = Math.max(peak.rssMB, Math.round(m.rss / 1048576));
}
const memory = () => {
  sample();
  const out = { ...peak };
  peak.heapMB = peak.rssMB = 0;
  return out;
};

const statusOf = (d: ImportDoc) => ({ importId: d._id, kind: d.kind, status: d.status, valid: d.valid, done: d.cursor, result: d.result, invites: d.invites ?? [] });

/** Timer: continues every running import whose lease has lapsed. */
export async function continueImports(_input: unknown, ctx: ActionContext) {
  const _ = ctx.db.command;
  const running = (
    await ctx.db
      .collection('imports')
      .where({ status: 'running', leaseUntil: _.lt(new Date()) })
      .limit(5)
      .get()
  ).data as ImportDoc[];
  for (const d of running) await runImport(ctx, d._id);
  return { continued: running.length };
}

async function runImport(ctx: ActionContext, importId: string) {
  const { db } = ctx;
  const _ = db.command;
  const started = Date.now();
  const lease = await db
    .collection('imports')
    .where({ _id: importId, status: 'running', leaseUntil: _.lt(new Date(started)) })
    .update({ leaseUntil: new Date(started + LEASE_MS) });
  let doc = (await db.collection('imports').doc(importId).get()).data[0] as ImportDoc;
  if (lease.updated !== 1) return statusOf(doc);
  const buf = await readUpload(ctx, doc.fileID, doc.communityId, doc.owner);
  // Re-checked against the community as it is now; rows written earlier show as unchanged.
  const checked = await check(ctx, doc.kind, doc.communityId, buf, false);
  sample();
  const now = ctx.clock.now();
  const result = { ...doc.result };
  if (doc.kind === 'units') {
    // Units written by earlier batches are no longer in `checked.units`: the whole remainder is written.
    const rows = checked.units!;
    const before = doc.valid - rows.length;
    // At least one batch per invocation, however long reading the file took: progress is guaranteed.
    for (let i = 0; i < rows.length && (i === 0 || Date.now() - started < WORK_BUDGET_MS); i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const ins = await insertMissing(
        db,
        'units',
        chunk.map((u) => unitDoc(doc.communityId, u, now)),
      );
      result.created += ins.size;
      doc = await advance(ctx, doc, before + i + chunk.length, result);
      sample();
    }
    if (doc.cursor >= doc.valid || rows.length === 0) return finish(ctx, doc, result);
  } else if (doc.kind === 'owners') {
    const rows = checked.owners!;
    const from = doc.cursor;
    for (let i = from; i < rows.length && (i === from || Date.now() - started < WORK_BUDGET_MS); i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const w = await writeOwners(ctx, doc.communityId, chunk, checked.unitIds!, importId, now);
      result.created += w.created;
      result.updated += w.updated;
      doc = await advance(ctx, doc, i + chunk.length, result);
      sample();
    }
    if (doc.cursor >= rows.length) return finish(ctx, doc, result);
  } else {
    const invites = await writeStaff(ctx, doc.communityId, checked.staff!, now);
    result.created += invites.created;
    await db.collection('imports').doc(importId).update({ invites: invites.list });
    doc = { ...doc, invites: invites.list };
    return finish(ctx, doc, result);
  }
  await db
    .collection('imports')
    .doc(importId)
    .update({ leaseUntil: new Date(0) });
  return statusOf(doc);
}

async function advance(ctx: ActionContext, doc: ImportDoc, cursor: number, result: ImportDoc['result']) {
  await ctx.db.collection('imports').doc(doc._id).update({ cursor, result, updatedAt: ctx.clock.now() });
  return { ...doc, cursor, result: { ...result } };
}

async function finish(ctx: ActionContext, doc: ImportDoc, result: ImportDoc['result']) {
  const final = { ...result, unchanged: Math.max(0, doc.valid - result.created - result.updated) };
  await ctx.db
    .collection('imports')
    .doc(doc._id)
    .update({ status: 'done', cursor: doc.valid, result: final, leaseUntil: new Date(0), updatedAt: ctx.clock.now() });
  await ctx.db.collection('audit_log').add({ communityId: doc.communityId, actor: doc.owner, action: `import.${doc.kind}`, target: doc._id, at: ctx.clock.now(), detail: final });
  return statusOf({ ...doc, status: 'done', cursor: doc.valid, result: final });
}

/**
 * The owner registry in the shape binding reads: the 产权人 of a unit is its `ownerName` /
 * `ownerPhone` (cloudfunctions/account/bindings.ts matches claims against them); every
 * registered person (产权人 and 共有人) is also an `owner_registry` document keyed by unit and phone.
 */
async function writeOwners(ctx: ActionContext, communityId: string, rows: OwnerRow[], units: Checked['unitIds'] & {}, importId: string, now: Date) {
  const { db } = ctx;
  const _ = db.command;
  const docs = rows.map((o) => {
    const unitId = units.get(unitKey(o))!._id;
    return { _id: stableId('or', unitId, o.phone), communityId, unitId, name: o.name, phone: o.phone, kind: o.kind, importId, createdAt: now };
  });
  const inserted = await insertMissing(db, 'owner_registry', docs);
  // Existing entries whose name or kind changed are updated.
  const existing = (
    await db
      .collection('owner_registry')
      .where({ _id: _.in(docs.filter((d) => !inserted.has(d._id)).map((d) => d._id)) })
      .limit(1000)
      .get()
  ).data as any[];
  const byId = new Map(existing.map((d) => [d._id, d]));
  let updated = 0;
  const tasks: (() => Promise<unknown>)[] = [];
  for (const d of docs) {
    const e = byId.get(d._id);
    if (e && (e.name !== d.name || e.kind !== d.kind)) {
      updated++;
      tasks.push(() => db.collection('owner_registry').doc(d._id).update({ name: d.name, kind: d.kind, importId }));
    }
  }
  for (const o of rows) {
    if (o.kind !== '产权人') continue;
    const u = units.get(unitKey(o))!;
    if (u.ownerName === o.name && u.ownerPhone === o.phone) continue;
    tasks.push(() => db.collection('units').doc(u._id).update({ ownerName: o.name, ownerPhone: o.phone }));
    u.ownerName = o.name;
    u.ownerPhone = o.phone;
  }
  for (let i = 0; i < tasks.length; i += 20) await Promise.all(tasks.slice(i, i + 20).map((t) => t()));
  return { created: inserted.size, updated };
}

/**
 * Staff rows become one-time invites (the person redeems theirs with `account.redeemInvite`):
 * one per phone and community, recorded in `staff_roster`, so a re-import issues none twice.
 */
async function writeStaff(ctx: ActionContext, communityId: string, rows: StaffRow[], now: Date) {
  const list: { name: string; phone: string; code: string }[] = [];
  let created = 0;
  for (const s of rows) {
    const id = stableId('sr', communityId, s.phone);
    const found = (await ctx.db.collection('staff_roster').doc(id).get()).data[0] as any;
    if (found) {
      list.push({ name: found.name, phone: s.phone, code: found.inviteCode });
      continue;
    }
    const invite = await writeInvite(ctx.db, { communityId, roles: s.roles, note: s.name, createdBy: ctx.caller.openid ?? 'import', now });
    try {
      await ctx.db.collection('staff_roster').add({ _id: id, communityId, name: s.name, phone: s.phone, roles: s.roles, inviteCode: invite.code, createdAt: now });
      created++;
      list.push({ name: s.name, phone: s.phone, code: invite.code });
    } catch (e) {
      // A concurrent run recorded this person first: withdraw the spare invite.
      await ctx.db.collection('invites').doc(invite.code).remove();
      const again = (await ctx.db.collection('staff_roster').doc(id).get()).data[0] as any;
      if (!again) throw e;
      list.push({ name: again.name, phone: s.phone, code: again.inviteCode });
    }
  }
  return { created, list };
}

/** A template to fill in: the expected header and one example row, as a temporary download link. */
export async function template(input: In<'template'>, ctx: ActionContext) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(IMPORT_KIND_LABELS[input.kind]);
  ws.addRow([...IMPORT_COLUMNS[input.kind]]);
  const example: Record<ImportKind, unknown[]> = {
    units: ['1栋', '1单元', '101', 1, '住宅'],
    owners: ['1栋', '1单元', '101', '张三', '13800001234', '产权人'],
    staff: ['李四', '13900001234', '客服、工程'],
  };
  ws.addRow(example[input.kind]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 14));
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const cloudPath = `templates/${input.kind}-v1.xlsx`;
  const fileID = await storeFile(ctx, cloudPath, body);
  return { url: (await temporaryUrl(ctx, fileID)) ?? '', fileName: `${IMPORT_KIND_LABELS[input.kind]}导入模板.xlsx` };
}

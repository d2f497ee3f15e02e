/**
 * `npm run bench:import` — prints figures, asserts nothing about time.
 * A fresh local CloudBase; a company admin; one community. Imports 20,000 units and then an
 * owner registry of 30,000 rows (20,000 产权人 + 10,000 共有人) from .xlsx files made with
 * exceljs, through the `onboarding` function exactly as the client does (upload slot →
 * previewImport → confirmImport until done). Prints wall time, rows/s, the number of
 * invocations each confirmed import took (each within the 60 s function timeout), and the peak
 * memory each invocation reports (its own V8 heap; RSS is the whole emulator process's).
 * BENCH_UNITS / BENCH_OWNERS scale it down.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';

const root = resolve(__dirname, '..');
const UNITS = Number(process.env.BENCH_UNITS ?? 20_000);
const OWNERS = Number(process.env.BENCH_OWNERS ?? 30_000);
const ADMIN = 'o-bench-admin';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(header: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-import-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const call = async (action: string, data: unknown) => {
    const res = await fetch(`${server.url}/api/functions/onboarding`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': ADMIN },
      body: JSON.stringify({ action, data }),
    });
    const body: any = await res.json();
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  };
  try {
    // The company admin exists (the bootstrap is not what is measured here).
    server.ctx.engine.insert('company_admins', [{ _id: ADMIN, name: '压测管理员', active: true, createdAt: new Date(), via: 'bench' }]);
    const cm = (
      await call('createCommunity', {
        name: '压测小区',
        address: '上海市',
        hotline: '021-00000000',
        deskHours: { open: '08:00', close: '18:00' },
        clientRequestId: 'bench-community',
      })
    ).id;

    // 20 buildings × 4 units × 25 floors × 10 rooms = 20,000 at the default size.
    const units: [string, string, string, number, string][] = [];
    for (let b = 1; units.length < UNITS; b++)
      for (let u = 1; u <= 4 && units.length < UNITS; u++)
        for (let f = 1; f <= 25 && units.length < UNITS; f++)
          for (let r = 1; r <= 10 && units.length < UNITS; r++) units.push([`${b}栋`, `${u}单元`, `${f}${String(r).padStart(2, '0')}`, f, '住宅']);
    const owners: unknown[][] = [];
    for (let i = 0; owners.length < OWNERS; i++) {
      const [b, u, room] = units[i % units.length];
      const kind = i < units.length ? '产权人' : '共有人';
      owners.push([b, u, room, `业主${i}`, `1${String(3000000000 + i).slice(0, 10)}`, kind]);
    }

    for (const [kind, header, rows] of [
      ['units', ['楼栋', '单元', '房号', '楼层', '类型'], units],
      ['owners', ['楼栋', '单元', '房号', '姓名', '手机号', '身份'], owners],
    ] as const) {
      const file = await sheet([...header], rows as unknown[][]);
      const started = Date.now();
      const slot = await call('prepareUpload', { communityId: cm });
      const { url, authorization = '', token = '', cosFileId = '' } = slot.upload;
      const put = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': XLSX, authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId },
        body: file as any,
      });
      if (put.status !== 200) throw new Error(`upload ${put.status}`);
      const pre = await call('previewImport', { communityId: cm, kind, fileID: slot.fileID });
      const previewMs = Date.now() - started;
      let invocations = 0;
      let peakHeap = pre.memory.heapMB;
      let peakRss = pre.memory.rssMB;
      let status: any;
      let failed = 0;
      do {
        const t = Date.now();
        try {
          status = await call('confirmImport', { importId: pre.importId });
        } catch (e) {
          // A failed invocation leaves its batches written and its lease to lapse; the next call
          // (or the timer) continues from the cursor. Counted and printed, not hidden.
          failed++;
          console.log(`  ${kind}: invocation failed (${(e as Error).message}); continuing`);
          await new Promise((r) => setTimeout(r, 5000));
          continue;
        }
        invocations++;
        peakHeap = Math.max(peakHeap, status.memory.heapMB);
        peakRss = Math.max(peakRss, status.memory.rssMB);
        console.log(`  ${kind}: invocation ${invocations} ${((Date.now() - t) / 1000).toFixed(1)} s, ${status.done}/${status.valid} rows`);
        if (status.status !== 'done') await new Promise((r) => setTimeout(r, 1000));
      } while (status?.status !== 'done');
      const secs = (Date.now() - started) / 1000;
      console.log(
        `${kind}: ${rows.length} rows (${(file.length / 1024).toFixed(0)} KB .xlsx), ${pre.errorCount} errors; preview ${(previewMs / 1000).toFixed(1)} s; ` +
          `total ${secs.toFixed(1)} s = ${Math.round(rows.length / secs)} rows/s in ${invocations} confirm invocation(s) (${failed} failed); ` +
          `result ${JSON.stringify(status.result)}; peak function heap ${peakHeap} MB, process RSS ${peakRss} MB`,
      );
    }
    const counted = (await call('listCommunities', {}))[0].counts;
    console.log(`community counts: ${JSON.stringify(counted)}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

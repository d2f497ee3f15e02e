import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, type LocalCloudBase } from './local-cloudbase';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx file with a header row and rows, made with the library the function reads it with. */
export async function xlsx(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Runs `npm run admin:bootstrap` against this local CloudBase; answers the printed code (and the output). */
export async function bootstrap(lc: LocalCloudBase, ...args: string[]): Promise<{ code: string | null; stdout: string; stderr: string; exitCode: number }> {
  const port = new URL(lc.url).port;
  try {
    const { stdout, stderr } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/admin-bootstrap.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: port, LINLI_ENV: 'linli-test' },
    });
    return { code: /SETUP_CODE=([A-Z0-9]+)/.exec(stdout)?.[1] ?? null, stdout, stderr, exitCode: 0 };
  } catch (e: any) {
    return { code: null, stdout: e.stdout ?? '', stderr: e.stderr ?? '', exitCode: e.code ?? 1 };
  }
}

/** Uploads an import file through the onboarding function's upload slot; answers the fileID. */
export async function uploadImport(lc: LocalCloudBase, openid: string, communityId: string, body: Buffer, contentType = XLSX): Promise<string> {
  const slot = await lc.call('onboarding', 'prepareUpload', { communityId }, openid);
  if (!slot.ok) throw new Error(`prepareUpload refused: ${JSON.stringify(slot.error)}`);
  const { url, authorization = '', token = '', cosFileId = '' } = slot.data.upload;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': contentType, authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId },
    body: body as any,
  });
  if (res.status !== 200) throw new Error(`upload PUT answered ${res.status}`);
  return slot.data.fileID;
}

/** Confirms an import and keeps continuing it until done (as the client and the timer do). */
export async function runImport(lc: LocalCloudBase, openid: string, importId: string) {
  for (let i = 0; i < 50; i++) {
    const r = await lc.call('onboarding', 'confirmImport', { importId }, openid);
    if (!r.ok) return r;
    if (r.data.status === 'done') return r;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('import did not finish');
}

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_lib/schema';
import { ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/** `npm run db:init` against a running local CloudBase that has no collections yet. */
let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ schema: false, extraFunctionsDirs: [] });
});
afterAll(() => lc.stop());

/** Runs the script in its own process (asynchronously: the server answering it lives in this one). */
const dbInit = (port = lc.server.port) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/db-init.ts')],
      { cwd: ROOT, env: { ...process.env, PORT: String(port) }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ status: err ? ((err as any).code ?? 1) : 0, stdout, stderr }),
    );
  });

test('creates every declared collection and index, and is safe to run again', async () => {
  const engine = lc.server.ctx.engine;
  expect(engine.listCollections()).toEqual([]);
  const first = await dbInit();
  expect(first.status).toBe(0);
  expect(engine.listCollections()).toEqual(Object.keys(COLLECTIONS).sort());
  expect(first.stdout).toMatch(/created tickets \(\d+ indexes\)/);
  // The declared indexes are real and used.
  expect(engine.explain('tickets', { assigneeStaffId: 's', open: true }, { order: [['nextDueAt', 1]] }).join(' ')).toContain('USING INDEX ix_tickets_assignee_open_due');
  const again = await dbInit();
  expect(again.status).toBe(0);
  expect(again.stdout).toMatch(/exists  tickets/);
});

test('says what to do when no local CloudBase is running', async () => {
  const r = await dbInit(1);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/no local CloudBase on http:\/\/127\.0\.0\.1:1: start it with `npm start`/);
});

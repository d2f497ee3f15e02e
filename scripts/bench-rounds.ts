/**
 * `npm run bench:rounds` — prints figures, asserts nothing about time.
 * 50 communities × 500 assets: every asset has a preventive-maintenance plan (a third fixed
 * 15-day elevator-style, the rest floating), and each community has 10 inspection plans (every
 * 2 h within 08:00–22:00, 50 stops each). One run of the facilities timer (the built bundle, fired by
 * the local CloudBase exactly as its trigger would) generates the rounds and tasks due; then two
 * overlapping runs and one more must add nothing. Prints items/s and duplicates (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';

const root = resolve(__dirname, '..');
const COMMUNITIES = 50;
const ASSETS = 500;
const PLANS = 10;

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-rounds-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock } = server.ctx;
  // 2026-12-01 10:30 北京时间: the 08:00 and 10:00 windows are due (the 12:00 one is more than an hour away).
  const now = new Date('2026-12-01T02:30:00Z');
  clock.set(now.getTime(), true);
  const since = new Date('2026-12-01T00:00:00Z');
  for (let c = 0; c < COMMUNITIES; c++) {
    const communityId = `cm-bench-${c}`;
    const assets = [];
    const mplans = [];
    for (let a = 0; a < ASSETS; a++) {
      const id = `fa-${c}-${a}`;
      assets.push({
        _id: id,
        communityId,
        code: `B${String(c).padStart(3, '0')}${String(a).padStart(8, '0')}`,
        name: `设备 ${a}`,
        system: a % 3 ? 'water' : 'elevator',
        building: `${a % 10}栋`,
        floor: '',
        area: '机房',
        model: '',
        manufacturer: '',
        installDate: null,
        contractor: '',
        contractorPhone: '',
        regulated: a % 3 ? null : 'elevator',
        createdAt: since,
        updatedAt: since,
      });
      mplans.push({
        _id: `fm-${c}-${a}`,
        communityId,
        assetId: id,
        name: '保养',
        schedule: a % 3 ? { mode: 'floating', afterDays: 30 } : { mode: 'fixed', every: { days: 15 }, anchor: '2026-12-01' },
        tasks: ['clean'],
        start: '2026-12-01',
        regulated: a % 3 ? null : 'elevator',
        lastDone: null,
        active: true,
        createdAt: since,
        updatedAt: since,
      });
    }
    engine.insert('facility_assets', assets);
    engine.insert('facility_mplans', mplans);
    const plans = [];
    const templates = [];
    for (let p = 0; p < PLANS; p++) {
      const id = `fp-${c}-${p}`;
      plans.push({
        _id: id,
        communityId,
        name: `巡检 ${p}`,
        schedule: { kind: 'hourly', everyHours: 2, from: '08:00', to: '22:00' },
        stops: assets.slice(p * 50, p * 50 + 50).map((a) => ({ assetId: a._id, area: a.area })),
        role: 'engineer',
        assigneeStaffId: null,
        active: true,
        version: 1,
        since,
        updatedAt: since,
      });
      templates.push({ _id: `${id}:v1`, planId: id, version: 1, items: [{ id: 't', kind: 'number', label: '温度', unit: '℃', min: 0, max: 40 }], createdAt: since });
    }
    engine.insert('facility_plans', plans);
    engine.insert('facility_templates', templates);
  }
  const started = Date.now();
  const out: any = await server.scheduler.fire('facilities', 'generate');
  const seconds = (Date.now() - started) / 1000;
  if (!out.ok || !out.result?.ok) throw new Error(JSON.stringify(out));
  const { roundsCreated, tasksCreated } = out.result.data;
  await Promise.all([server.scheduler.fire('facilities', 'generate'), server.scheduler.fire('facilities', 'generate')]);
  await server.scheduler.fire('facilities', 'generate');
  const rounds = engine.count('facility_rounds', {});
  const tasks = engine.count('facility_tasks', {});
  // Expected: 2 rounds per plan (08:00, 10:00), 1 task per maintenance plan (due 12-01).
  const expectedRounds = COMMUNITIES * PLANS * 2;
  const expectedTasks = COMMUNITIES * ASSETS;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  const items = roundsCreated + tasksCreated;
  console.log('| communities × assets | rounds | tasks | one run s | items/s | duplicates after 3 more runs (2 overlapping) |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| ${COMMUNITIES} × ${ASSETS} | ${rounds} (expected ${expectedRounds}) | ${tasks} (expected ${expectedTasks}) | ${seconds.toFixed(1)} | ${(items / seconds).toFixed(0)} | ${rounds - expectedRounds + (tasks - expectedTasks)} |`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

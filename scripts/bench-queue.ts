/**
 * `npm run bench:queue` — prints figures, asserts nothing about time.
 * Staff-queue latency with 100k tickets in the local CloudBase: the `tickets` function's
 * queueCounts and listQueue (page of 20) through the gateway, as an engineer and as a
 * supervisor, median of 20 calls each, with the SQLite plan of the underlying query.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';

const root = resolve(__dirname, '..');
const N = Number(process.env.BENCH_TICKETS ?? 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-q-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock } = server.ctx;
  const now = new Date('2026-11-28T02:00:00Z');
  clock.set(now.getTime(), true);
  seedIfEmpty(engine, now);
  const statuses = ['pending', 'assigned', 'accepted', 'arrived', 'resolved', 'closed', 'closed', 'closed'];
  const staff = ['st-eng1', 'st-eng2', 'st-desk', 'st-sec'];
  for (let i = 0; i < N; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(N, i + 5000); j++) {
      const status = statuses[j % statuses.length];
      const open = ['pending', 'assigned', 'accepted', 'arrived'].includes(status);
      const due = new Date(now.getTime() + ((j % 97) - 20) * 3600_000);
      batch.push({
        _id: `q-${j}`,
        no: `BX-${j}`,
        communityId: 'cm-cuihu',
        type: 'repair',
        category: 'plumbing_electric',
        emergency: false,
        description: '漏水',
        photos: [],
        location: { kind: 'public', area: '大堂', label: '大堂' },
        unitId: null,
        contactName: '住户',
        contactPhone: '13900000000',
        reporterOpenid: 'o-resident-01',
        channel: 'app',
        department: 'engineering',
        pool: status === 'pending',
        grabDeadline: null,
        assigneeStaffId: status === 'pending' ? null : staff[(j >> 3) % 4],
        assigneeName: '员工',
        ownerStaffId: staff[((j >> 3) + 1) % 4],
        ownerName: '员工',
        status,
        open,
        deadlines: [{ kind: 'resolve', dueAt: due }],
        nextDueAt: open ? due : null,
        nextReminderAt: null,
        callbackDue: false,
        resolutionCount: 0,
        confirmReminderAt: null,
        eventCount: 1,
        createdAt: new Date(now.getTime() - j * 60_000),
        updatedAt: now,
      });
    }
    engine.insert('tickets', batch);
  }
  const call = (openid: string, action: string, data: unknown) =>
    fetch(`${server.url}/api/functions/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<any>);
  console.log(`| ${N.toLocaleString('en')} tickets | median ms (20 calls) | items | total |`);
  console.log('|---|---|---|---|');
  for (const [who, openid, action, data] of [
    ['engineer', 'o-staff-eng1', 'queueCounts', {}],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'assigned' }],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'pool' }],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'overdue' }],
    ['supervisor', 'o-staff-sup', 'listQueue', { queue: 'open' }],
    ['supervisor', 'o-staff-sup', 'listQueue', { queue: 'open', cursor: '5000' }],
  ] as const) {
    const first = await call(openid, action, data);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await call(openid, action, data);
      xs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const items = first.data.items?.length ?? '—';
    const total = first.data.total ?? JSON.stringify(first.data);
    console.log(`| ${who} ${action} ${JSON.stringify(data)} | ${median(xs).toFixed(1)} | ${items} | ${total} |`);
  }
  const plan = engine.explain('tickets', { assigneeStaffId: 'st-eng1', open: true }, { order: [['nextDueAt', 1]], limit: 20 });
  console.log(`\nplan of the "assigned" queue: ${plan.join('; ')}`);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * `npm run bench:analysis` — prints figures, asserts nothing about time.
 * Two local CloudBases side by side: a community whose register holds 10,000 log entries and one
 * whose register holds 1,000,000 (inserted in bulk straight into the emulator's engine, 5,000 a
 * statement, with the period counters the projection would have made). Measured in pairs — a
 * call to the small one, then the same call to the large one, 30 times — so a busy machine slows
 * both alike and the ratio stays honest: opening the monthly analysis (by building) and a register
 * page filtered to one building (first page, and with a date range) through the gateway as the
 * supervisor, median ms; then the projection timer's cost for 10,000 new ticket log entries
 * (2,000 new tickets × 5 entries), 2,000 entries here and 2,000 there in turn.
 *
 *   BENCH_ENTRIES=10000,200000 npm run bench:analysis     other sizes (the first is the reference)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';
import { accumulate, foldDeskLog, sortKey, type RegisterEntry } from '../src/domain/register';

const root = resolve(__dirname, '..');
const SIZES = (process.env.BENCH_ENTRIES ?? '10000,1000000').split(',').map(Number);
const C = 'cm-cuihu';
const SUP = 'o-staff-sup';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const BUILDINGS = ['1栋', '2栋', '3栋', '5栋', '6栋', '7栋', '8栋', '9栋'];
const CHANNELS = ['phone', 'visit', 'app', 'wechat'] as const;
const TYPES = ['repair', 'complaint', 'consultation'] as const;
const CATS = { repair: 'plumbing_electric', complaint: 'noise', consultation: 'fees' };

type Setup = Awaited<ReturnType<typeof setup>>;

/** A server whose register holds `total` entries, with 2,000 new tickets (10,000 log entries) waiting for the timer. */
async function setup(total: number) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-analysis-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock, runner } = server.ctx;
  const now = new Date('2026-11-28T02:00:00Z');
  clock.set(now.getTime(), true);
  seedIfEmpty(engine, now);
  const started = Date.now();
  const stats = new Map<string, any>();
  for (let i = 0; i < total; i += 5000) {
    const batch: RegisterEntry[] = [];
    for (let j = i; j < Math.min(total, i + 5000); j++) {
      // Spread over the last ~120 days.
      const at = new Date(now.getTime() - Math.floor(((total - j) / total) * 120 * 86400_000));
      const type = TYPES[j % 3];
      const _id = `ev-bench-${j}`;
      batch.push({
        _id,
        sk: sortKey(at, _id),
        communityId: C,
        at,
        source: 'ticket',
        action: 'message',
        type,
        category: CATS[type],
        building: BUILDINGS[j % BUILDINGS.length],
        unitId: null,
        department: type === 'repair' ? 'engineering' : 'desk',
        channel: CHANNELS[j % 4],
        who: '住户',
        phone: '13900000000',
        text: `第 ${j} 次沟通：楼道灯不亮`,
        outcome: 'message',
        staffId: `s-bench-${j % 40}`,
        staffName: `员工${j % 40}`,
        ownerStaffId: null,
        ownerName: '',
        ticketId: `t-bench-${Math.floor(j / 5)}`,
        ticketNo: '',
        open: j % 7 === 0,
      });
    }
    engine.insert('register_entries', batch);
    accumulate(C, batch.flatMap(foldDeskLog), stats);
  }
  engine.insert(
    'register_stats',
    [...stats].map(([id, s]) => ({ _id: id, communityId: C, ...s })),
  );
  const insertS = (Date.now() - started) / 1000;
  engine.db.pragma('wal_checkpoint(TRUNCATE)');
  // The timer: 10,000 new log entries (2,000 tickets × 5) since the watermark.
  const tickets: any[] = [];
  const events: any[] = [];
  const base = now.getTime() + 60_000;
  for (let t = 0; t < 2000; t++) {
    const id = `t-new-${t}`;
    const created = new Date(base + t * 1000);
    tickets.push({
      _id: id,
      no: `BX-${t}`,
      communityId: C,
      type: 'repair',
      category: 'plumbing_electric',
      emergency: false,
      department: 'engineering',
      unitId: null,
      location: { kind: 'public', building: BUILDINGS[t % 8], area: '大堂' },
      contactName: '住户',
      contactPhone: '13900000000',
      open: true,
      createdAt: created,
    });
    const actor = { kind: 'staff', id: 's-eng', name: '李强' };
    ['created', 'grab', 'arrive', 'message', 'complete'].forEach((action, i) =>
      events.push({
        _id: `e-${t}-${i}`,
        ticketId: id,
        seq: i + 1,
        communityId: C,
        at: new Date(created.getTime() + i * 60_000),
        action,
        actor: i === 0 ? { kind: 'resident', id: 'o-resident-01', name: '住户' } : actor,
        channel: 'app',
        visibility: 'public',
        text: '楼道灯不亮',
      }),
    );
  }
  engine.insert('tickets', tickets);
  engine.insert('ticket_events', events);
  clock.set(base + 3 * 3600_000, true);
  const call = (action: string, data: unknown) =>
    fetch(`${server.url}/api/functions/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': SUP },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<any>);
  return { total, insertS, call, server, runner, dir };
}

const QUERIES = [
  ['monthly analysis (by building)', 'analysis', { period: { kind: 'month', key: 'M2026-11' }, scope: 'building' }],
  ['register, one building, first page of 20', 'list', { filters: { building: '3栋' } }],
  ['register, one building + date range', 'list', { filters: { building: '3栋', from: '2026-11-01', to: '2026-11-28' } }],
] as const;

/** Median ms of each query on each server, the servers called in turn. */
async function queries(servers: Setup[]) {
  const out = servers.map(() => [] as number[]);
  for (const [, action, data] of QUERIES) {
    for (const s of servers) {
      const first = await s.call(action, data);
      if (!first.ok) throw new Error(JSON.stringify(first));
    }
    const times = servers.map(() => [] as number[]);
    for (let k = 0; k < 30; k++)
      for (const [i, s] of servers.entries()) {
        const t = performance.now();
        await s.call(action, data);
        times[i].push(performance.now() - t);
      }
    times.forEach((ts, i) => out[i].push(median(ts)));
  }
  return out;
}

/** The projection timer on each server, ten batches (2,000 entries) at a time in turn: ms spent and entries projected. */
async function timers(servers: Setup[]) {
  const spent = servers.map(() => 0);
  const projected = servers.map(() => 0);
  const failures = servers.map(() => 0);
  const pending = new Set(servers.keys());
  while (pending.size) {
    for (const i of [...pending]) {
      const t0 = performance.now();
      const out: any = await servers[i].runner.invoke('register', { action: 'project', data: { settleSeconds: 0, maxBatches: 10 } }, { source: 'timer' });
      spent[i] += performance.now() - t0;
      // A failed run commits nothing (the watermark did not move): the next timer tick retries it.
      if (!out.ok || !out.result?.ok) {
        if (++failures[i] > 5) throw new Error(JSON.stringify(out));
        continue;
      }
      projected[i] += out.result.data.projected;
      if (!out.result.data.more) pending.delete(i);
    }
  }
  return servers.map((_s, i) => ({ ms: spent[i], projected: projected[i], failures: failures[i] }));
}

(async () => {
  const servers: Setup[] = [];
  for (const n of SIZES) servers.push(await setup(n));
  const q = await queries(servers);
  const t = await timers(servers);
  for (const [i, s] of servers.entries()) {
    console.log(`register with ${s.total.toLocaleString('en')} log entries (bulk insert ${s.insertS.toFixed(1)} s):`);
    for (const [k, [label]] of QUERIES.entries()) {
      const ms = q[i][k];
      const ref = q[0][k];
      const vs = i ? `  (${(ms / ref).toFixed(2)}× the ${SIZES[0].toLocaleString('en')} case${ms > 3 * ref ? ', OVER the 3× budget' : ''})` : '';
      console.log(`  ${label.padEnd(44)} ${ms.toFixed(1)} ms median${vs}`);
    }
    const per10k = ((t[i].ms / t[i].projected) * 10_000) / 1000;
    const vs = i ? `  (${(t[i].ms / t[0].ms).toFixed(2)}× the ${SIZES[0].toLocaleString('en')} case)` : '';
    console.log(`  timer: ${t[i].projected} new log entries projected in ${(t[i].ms / 1000).toFixed(1)} s (${per10k.toFixed(1)} s per 10k)${vs}`);
    if (t[i].failures) console.log(`  (${t[i].failures} timer runs failed under load and were retried)`);
  }
  for (const s of servers) {
    await s.server.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

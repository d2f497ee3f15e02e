/**
 * `npm run bench:analysis` — prints figures, asserts nothing about time.
 * A community whose register holds 10,000 and then 1,000,000 log entries (inserted in bulk through
 * the engine, with the period counters the projection would have made): opening the monthly
 * analysis (by building) and a register page filtered to one building (first page, and with a
 * channel too) through the gateway as the supervisor, median of 20 calls each; then the
 * projection timer's cost for 10,000 new ticket log entries (2,000 new tickets × 5 entries).
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

async function scenario(total: number) {
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
  const call = (action: string, data: unknown) =>
    fetch(`${server.url}/api/functions/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': SUP },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<any>);
  const rows: { label: string; ms: number }[] = [];
  for (const [label, action, data] of [
    ['monthly analysis (by building)', 'analysis', { period: { kind: 'month', key: 'M2026-11' }, scope: 'building' }],
    ['register, one building, first page of 20', 'list', { filters: { building: '3栋' } }],
    ['register, one building + date range', 'list', { filters: { building: '3栋', from: '2026-11-01', to: '2026-11-28' } }],
  ] as const) {
    const first = await call(action, data);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const times: number[] = [];
    for (let k = 0; k < 20; k++) {
      const t = performance.now();
      await call(action, data);
      times.push(performance.now() - t);
    }
    rows.push({ label, ms: median(times) });
  }

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
  const t0 = performance.now();
  let projected = 0;
  let failures = 0;
  for (;;) {
    const out: any = await runner.invoke('register', { action: 'project', data: { settleSeconds: 0 } }, { source: 'timer' });
    // A failed run commits nothing (the watermark did not move): the next timer tick retries it.
    if (!out.ok || !out.result?.ok) {
      if (++failures > 5) throw new Error(JSON.stringify(out));
      continue;
    }
    projected += out.result.data.projected;
    if (!out.result.data.more) break;
  }
  const timerMs = performance.now() - t0;
  if (failures) console.log(`  (${failures} timer runs failed under load and were retried)`);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    insertS,
    rows,
    timer: `  timer: ${projected} new log entries projected in ${(timerMs / 1000).toFixed(1)} s (${(((timerMs / projected) * 10_000) / 1000).toFixed(1)} s per 10k)`,
  };
}

(async () => {
  let small: { label: string; ms: number }[] | undefined;
  for (const n of SIZES) {
    const r = await scenario(n);
    console.log(`register with ${n.toLocaleString('en')} log entries (bulk insert ${r.insertS.toFixed(1)} s):`);
    for (const [i, row] of r.rows.entries()) {
      const vs = small ? `  (${(row.ms / small[i].ms).toFixed(2)}× the ${SIZES[0].toLocaleString('en')} case${row.ms > 3 * small[i].ms ? ', OVER the 3× budget' : ''})` : '';
      console.log(`  ${row.label.padEnd(44)} ${row.ms.toFixed(1)} ms median${vs}`);
    }
    console.log(r.timer);
    small ??= r.rows;
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

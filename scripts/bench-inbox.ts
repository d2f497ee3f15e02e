/**
 * `npm run bench:inbox` — prints figures, asserts nothing about time.
 * The 消息 inbox for one person with 10,000 messages, in a community whose inbox holds 10,000
 * messages (only theirs) and in one holding 1,000,000 (990,000 for 2,000 other people): the
 * `inbox` function's list (first page of 20, a page 5,000 deep by cursor) and unread counts
 * through the gateway, median of 20 calls each, with the SQLite plan of the list query.
 * Messages are inserted directly through the engine in bulk (not through the functions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';
import { messageId } from '../cloudfunctions/_lib/notify';

const root = resolve(__dirname, '..');
const MINE = Number(process.env.BENCH_MINE ?? 10_000);
const SIZES = (process.env.BENCH_COMMUNITY ?? '10000,1000000').split(',').map(Number);
const ME = 'o-resident-01';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sk = (at: Date, id: string) => `${String(at.getTime()).padStart(14, '0')}~${id}`;

async function scenario(total: number) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-inbox-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock } = server.ctx;
  const now = new Date('2026-11-28T02:00:00Z');
  clock.set(now.getTime(), true);
  seedIfEmpty(engine, now);
  const started = Date.now();
  const step = Math.max(1, Math.round(total / MINE));
  for (let i = 0; i < total; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(total, i + 5000); j++) {
      // Spread the person's messages evenly through the community's.
      const mine = j % step === 0;
      const openid = mine ? ME : `o-bench-${j % 2000}`;
      const at = new Date(now.getTime() - (total - j) * 1000);
      // Ids as the notify helper makes them (clustered by recipient).
      const _id = messageId(`bench-${j}`, openid);
      batch.push({
        _id,
        openid,
        staffId: null,
        communityId: 'cm-cuihu',
        kind: 'progress',
        tone: 'info',
        title: '工单已受理',
        body: `BX-${j} 报修：已接单`,
        target: { kind: 'ticket', id: `t-${j}` },
        key: `k-${j}`,
        at,
        sk: sk(at, _id),
        read: (mine ? j / step : j) % 2 === 0,
        readAt: null,
        channel: 'inbox',
      });
    }
    engine.insert('messages', batch);
  }
  const insertS = (Date.now() - started) / 1000;
  // A database in steady state: the bulk load is checkpointed out of the write-ahead log.
  engine.db.pragma('wal_checkpoint(TRUNCATE)');
  const mine = engine.count('messages', { openid: ME });
  const call = (action: string, data: unknown) =>
    fetch(`${server.url}/api/functions/inbox`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': ME }, body: JSON.stringify({ action, data }) }).then(
      (r) => r.json() as Promise<any>,
    );
  // A cursor 5,000 items deep.
  let deep: string | undefined;
  {
    const page = await call('list', { box: 'personal', pageSize: 50 });
    if (!page.ok) throw new Error(JSON.stringify(page));
    const at = engine.find('messages', { openid: ME }, { order: [['sk', -1]], skip: 5000, limit: 1 }) as any[];
    deep = at[0]?.sk;
  }
  const rows: string[] = [];
  for (const [label, action, data] of [
    ['list, first page of 20', 'list', { box: 'personal' }],
    ['list, page at 5,000 (cursor)', 'list', { box: 'personal', cursor: deep }],
    ['unread counts', 'unread', {}],
  ] as const) {
    const first = await call(action, data);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await call(action, data);
      xs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    rows.push(
      `| ${total.toLocaleString('en')} | ${mine.toLocaleString('en')} | ${label} | ${median(xs).toFixed(1)} | ${first.data.items ? `${first.data.items.length} of ${first.data.total}, ${first.data.unread} unread` : JSON.stringify(first.data)} |`,
    );
  }
  const plan = engine.explain('messages', { openid: ME }, { order: [['sk', -1]], limit: 21 });
  const countPlan = engine.explain('messages', { openid: ME, read: false }, {});
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return { rows, plan, countPlan, insertS };
}

(async () => {
  const results: Awaited<ReturnType<typeof scenario>>[] = [];
  for (const n of SIZES) results.push(await scenario(n));
  console.log('| messages in community | mine | call | median ms (20 calls) | answer |');
  console.log('|---|---|---|---|---|');
  for (const r of results) r.rows.forEach((row) => console.log(row));
  for (const [i, r] of results.entries())
    console.log(`\n${SIZES[i].toLocaleString('en')}: inserted in ${r.insertS.toFixed(0)} s; list plan: ${r.plan.join('; ')}; unread plan: ${r.countPlan.join('; ')}`);
  if (results.length > 1) {
    const ms = (r: (typeof results)[number], k: number) => Number(r.rows[k].split('|')[4]);
    for (const k of [0, 1, 2])
      console.log(
        `ratio ${SIZES[SIZES.length - 1].toLocaleString('en')} / ${SIZES[0].toLocaleString('en')}, ${results[0].rows[k].split('|')[3].trim()}: ${(ms(results[results.length - 1], k) / ms(results[0], k)).toFixed(2)}×`,
      );
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

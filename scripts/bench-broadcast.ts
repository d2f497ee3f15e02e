/**
 * `npm run bench:broadcast` — prints figures, asserts nothing about time.
 * 10k targeted residents, each with one notice consent; a community-wide notice is
 * published and the broadcast timer (the built `announcements` bundle) is fired back to back
 * until nothing is pending. Prints the achieved send rate as a ratio of the configured rate
 * (goal ≥ 0.9) and the number of residents who got the notice more than once (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';

const root = resolve(__dirname, '..');
const N = Number(process.env.BENCH_RESIDENTS ?? 10_000);
const RATE = Number(process.env.LINLI_BROADCAST_RATE ?? 100);

(async () => {
  process.env.LINLI_BROADCAST_RATE = String(RATE);
  process.env.LINLI_TIMER_BUDGET_MS = process.env.LINLI_TIMER_BUDGET_MS ?? '20000';
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-bc-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock } = server.ctx;
  const now = new Date('2026-11-28T02:00:00Z');
  clock.set(now.getTime(), true);
  seedIfEmpty(engine, now);
  for (let i = 0; i < N; i += 5000) {
    const m = [];
    const s = [];
    for (let j = i; j < Math.min(N, i + 5000); j++) {
      m.push({
        _id: `bm-${j}`,
        openid: `o-bench-${j}`,
        unitId: `u-${(j % 3) + 1}-1-101`,
        communityId: 'cm-cuihu',
        name: '住户',
        phone: '13900000000',
        relation: 'owner',
        status: 'approved',
        requestKey: `b${j}`,
        createdAt: now,
      });
      s.push({ _id: `o-bench-${j}:TPL_NOTICE`, openid: `o-bench-${j}`, templateId: 'TPL_NOTICE', remaining: 1, updatedAt: now });
    }
    engine.insert('memberships', m);
    engine.insert('subscriptions', s);
  }
  const call = (action: string, data: unknown) =>
    fetch(`${server.url}/api/functions/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-staff-sup' },
      body: JSON.stringify({ action, data }),
    }).then((r) => r.json() as Promise<any>);
  const created = await call('create', { type: 'general', title: '全体业主通知', body: '压测公告', clientRequestId: 'bench-notice-1' });
  await call('publish', { announcementId: created.data.announcementId });
  const started = Date.now();
  let runs = 0;
  let sent = 0;
  for (;;) {
    runs++;
    const out: any = await server.scheduler.fire('announcements', 'broadcast');
    if (!out.ok || !out.result?.ok) throw new Error(JSON.stringify(out));
    sent += out.result.data.sent;
    if (!out.result.data.more) break;
  }
  const seconds = (Date.now() - started) / 1000;
  await Promise.all([server.scheduler.fire('announcements', 'broadcast'), server.scheduler.fire('announcements', 'broadcast')]);
  const perUser = engine.db.prepare("SELECT touser, COUNT(*) n FROM __outbox WHERE template_id = 'TPL_NOTICE' AND errcode = 0 GROUP BY touser HAVING n > 1").all();
  const total = (engine.db.prepare("SELECT COUNT(*) n FROM __outbox WHERE template_id = 'TPL_NOTICE' AND errcode = 0").get() as any).n;
  console.log('| targeted | configured rate | achieved rate | ratio | runs | seconds | delivered | duplicates |');
  console.log('|---|---|---|---|---|---|---|---|');
  const achieved = sent / seconds;
  console.log(
    `| ${N.toLocaleString('en')} | ${RATE}/s | ${achieved.toFixed(1)}/s | ${(achieved / RATE).toFixed(2)} | ${runs} | ${seconds.toFixed(1)} | ${total} | ${perUser.length} |`,
  );
  await server.close();
  rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

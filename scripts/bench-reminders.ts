/**
 * `npm run bench:reminders` — prints figures, asserts nothing about time.
 * N open tickets whose timers are all within the warning window (the worst case: every
 * ticket has something to say), then the ticket timer (the built `tickets` bundle's `sweep`,
 * run by the local CloudBase exactly as a timer trigger would) is fired until it reports
 * nothing more. Prints items per second, runs needed, and duplicates (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';
import { urgencyOf } from '../src/domain/tickets/urgency';

const root = resolve(__dirname, '..');

async function run(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-rem-'));
  process.env.LINLI_TIMER_BUDGET_MS = process.env.LINLI_TIMER_BUDGET_MS ?? '20000';
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  const { engine, clock } = server.ctx;
  const now = new Date('2026-11-28T02:00:00Z');
  clock.set(now.getTime(), true);
  seedIfEmpty(engine, now);
  // Due times spread over the 30-minute warning window to the millisecond, as real tickets'
  // are (created at different moments); every one is due for its warning now.
  const dueAt = (j: number) => new Date(now.getTime() + 1 + ((j * 17_321) % (30 * 60_000)));
  const before = new Date(now.getTime() - 2 * 3600_000);
  for (let i = 0; i < n; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 5000); j++) {
      batch.push({
        _id: `bench-${j}`,
        no: `BX-20261128-${j}`,
        communityId: 'cm-cuihu',
        type: 'repair',
        category: 'plumbing_electric',
        emergency: false,
        description: '',
        photos: [],
        location: { kind: 'public', area: '大堂', label: '大堂' },
        unitId: null,
        contactName: '住户',
        contactPhone: '13900000000',
        reporterOpenid: 'o-resident-01',
        channel: 'app',
        department: 'engineering',
        pool: false,
        grabDeadline: null,
        assigneeStaffId: j % 2 ? 'st-eng1' : 'st-eng2',
        assigneeName: '工程',
        ownerStaffId: 'st-desk',
        ownerName: '王敏',
        status: 'accepted',
        open: true,
        deadlines: [{ kind: 'resolve', dueAt: dueAt(j) }],
        nextDueAt: dueAt(j),
        urgency: urgencyOf({ nextDueAt: dueAt(j), emergency: false }, now),
        nextReminderAt: new Date(dueAt(j).getTime() - 30 * 60_000),
        callbackDue: false,
        resolutionCount: 0,
        confirmReminderAt: null,
        eventCount: 1,
        createdAt: before,
        updatedAt: before,
      });
    }
    engine.insert('tickets', batch);
  }
  let runs = 0;
  let warned = 0;
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  for (;;) {
    runs++;
    const out: any = await server.scheduler.fire('tickets', 'sweep');
    if (!out.ok || !out.result?.ok) throw new Error(JSON.stringify(out));
    warned += out.result.data.warned;
    if (!out.result.data.more) break;
  }
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Fire once more, and overlapping twice: nothing may be said again.
  await Promise.all([server.scheduler.fire('tickets', 'sweep'), server.scheduler.fire('tickets', 'sweep')]);
  const reminders = engine.count('reminders', { stage: 'warn' });
  const notices = engine.count('messages', { kind: 'deadline-warning' });
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return { n, seconds, cpuSeconds, runs, warned, perSecond: warned / seconds, duplicates: reminders - n + (notices - 2 * n) };
}

(async () => {
  console.log('| open tickets (all due for a warning) | items/s | items per CPU-second | runs (20 s budget each) | total s | duplicates |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `(load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; the CPU figure counts the local CloudBase and the function together, so it moves less with other load)`,
  );
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const r = await run(n);
    console.log(`| ${n.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${(r.warned / r.cpuSeconds).toFixed(0)} | ${r.runs} | ${r.seconds.toFixed(1)} | ${r.duplicates} |`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * `npm run bench:queue` — prints figures, asserts nothing about time.
 * Staff-queue latency with 100k tickets in the local CloudBase: the `tickets` function's
 * queueCounts and listQueue (page of 20) through the gateway, as an engineer and as a
 * supervisor, median of 20 calls each, with the SQLite plan of the underlying query; and the
 * staff search (issue #12): by phone, number, unit, name, with filters, closed tickets included.
 * Search calls are rate-limited per person (GUESS_LIMITS.staffLookup): the benchmark clears
 * the counters between cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';
import { urgencyOf } from '../src/domain/tickets/urgency';

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
  // Varied enough for search to have something to find: 20k phones and names, the seeded flats, three types.
  const units = (engine.find('units', { communityId: 'cm-cuihu' }, {}) as any[]).map((u) => ({ _id: u._id as string, label: u.label as string }));
  const types = [
    ['repair', 'plumbing_electric'],
    ['repair', 'doors_windows'],
    ['complaint', 'noise'],
    ['consultation', 'fees'],
  ] as const;
  const staff = ['st-eng1', 'st-eng2', 'st-desk', 'st-sec'];
  for (let i = 0; i < N; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(N, i + 5000); j++) {
      const status = statuses[j % statuses.length];
      const open = ['pending', 'assigned', 'accepted', 'arrived'].includes(status);
      const due = new Date(now.getTime() + ((j % 97) - 20) * 3600_000);
      const emergency = j % 50 === 0;
      batch.push({
        _id: `q-${j}`,
        no: `BX-2026${String(Math.floor(j / 9999)).padStart(4, '0')}-${String((j % 9999) + 1).padStart(4, '0')}`,
        communityId: 'cm-cuihu',
        type: types[j % 4][0],
        category: types[j % 4][1],
        emergency,
        description: '漏水',
        photos: [],
        ...(j % 3 === 0
          ? { location: { kind: 'public', area: '大堂', label: '大堂' }, unitId: null }
          : { location: { kind: 'home', unitId: units[j % units.length]._id, label: units[j % units.length].label }, unitId: units[j % units.length]._id }),
        contactName: `住户${j % 20000}`,
        contactPhone: `139${String(j % 20000).padStart(8, '0')}`,
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
        // As the ticket store writes it (the queue order; an older build ignores it).
        urgency: urgencyOf({ nextDueAt: open ? due : null, emergency }, now),
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
  const unit = units[1];
  const day = (offsetDays: number) => new Date(now.getTime() + 8 * 3600_000 - offsetDays * 86400_000).toISOString().slice(0, 10);
  const cases: (readonly [string, string, string, Record<string, unknown>])[] = [
    ['engineer', 'o-staff-eng1', 'queueCounts', {}],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'assigned' }],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'pool' }],
    ['engineer', 'o-staff-eng1', 'listQueue', { queue: 'overdue' }],
    ['supervisor', 'o-staff-sup', 'listQueue', { queue: 'open' }],
    ['supervisor', 'o-staff-sup', 'listQueue', { queue: 'open', cursor: '5000' }],
    // Issue #12: the desk's queues, closed tickets, the dispatch list with loads, and search.
    ['desk', 'o-staff-desk', 'queueCounts', {}],
    ['desk', 'o-staff-desk', 'listQueue', { queue: 'unassigned' }],
    ['desk', 'o-staff-desk', 'listQueue', { queue: 'overdue' }],
    ['desk', 'o-staff-desk', 'listQueue', { queue: 'closed' }],
    ['desk', 'o-staff-desk', 'listQueue', { queue: 'all', cursor: '5000' }],
    ['desk', 'o-staff-desk', 'departmentStaff', { department: 'engineering' }],
    ['desk', 'o-staff-desk', 'search', { q: '13900012345' }],
    ['desk', 'o-staff-desk', 'search', { q: '13900012345', status: 'closed' }],
    ['desk', 'o-staff-desk', 'search', { q: 'BX-20260004-0321' }],
    ['desk', 'o-staff-desk', 'search', { q: unit.label }],
    ['desk', 'o-staff-desk', 'search', { unitId: unit._id, status: 'closed', type: 'repair' }],
    ['desk', 'o-staff-desk', 'search', { q: '住户777' }],
    ['desk', 'o-staff-desk', 'search', { status: 'closed' }],
    ['desk', 'o-staff-desk', 'search', { type: 'complaint', status: 'open' }],
    ['desk', 'o-staff-desk', 'search', { type: 'repair', category: 'doors_windows' }],
    ['desk', 'o-staff-desk', 'search', { building: '2栋' }],
    ['desk', 'o-staff-desk', 'search', { from: day(30), to: day(20) }],
    ['desk', 'o-staff-desk', 'search', { from: day(30), to: day(20), status: 'closed', category: 'noise' }],
    ['desk', 'o-staff-desk', 'lookupCaller', { phone: '13900012345' }],
  ];
  for (const [who, openid, action, data] of cases) {
    // Search is counted like a lookup; the benchmark is not a person: start each case with fresh counters.
    engine.remove('rate_limits', {}, true);
    const first = await call(openid, action, data);
    // Run against an older build (a before/after comparison), an action it lacks is a row of dashes.
    if (!first.ok && (first.error?.code === 'UNKNOWN_ACTION' || first.error?.code === 'INVALID_INPUT')) {
      console.log(`| ${who} ${action} ${JSON.stringify(data)} | — | — | ${first.error.code} |`);
      continue;
    }
    if (!first.ok) throw new Error(JSON.stringify(first));
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await call(openid, action, data);
      xs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const items = first.data.items?.length ?? (Array.isArray(first.data) ? first.data.length : '—');
    const total = first.data.total ?? (first.data.items ? (first.data.nextCursor ? 'more' : 'end') : JSON.stringify(first.data).slice(0, 60));
    console.log(`| ${who} ${action} ${JSON.stringify(data)} | ${median(xs).toFixed(1)} | ${items} | ${total} |`);
  }
  const explain = (label: string, query: object, order: [string, 1 | -1][]) =>
    console.log(`plan of ${label}: ${engine.explain('tickets', query, { order, limit: 21 }).join('; ')}`);
  const urgent: [string, 1 | -1][] = [
    ['urgency', 1],
    ['nextDueAt', 1],
    ['createdAt', -1],
    ['_id', 1],
  ];
  explain('the "assigned" queue', { assigneeStaffId: 'st-eng1', open: true }, urgent);
  explain('the "open" queue', { communityId: 'cm-cuihu', open: true }, urgent);
  explain('the "overdue" queue', { communityId: 'cm-cuihu', open: true, nextDueAt: { $lt: now } }, urgent);
  explain('search by phone', { communityId: 'cm-cuihu', contactPhone: '13900012345' }, [['createdAt', -1]]);
  explain('search by category', { communityId: 'cm-cuihu', type: 'repair', category: 'doors_windows' }, [['createdAt', -1]]);
  explain('search by number', { communityId: 'cm-cuihu', no: 'BX-20260004-0321' }, [['createdAt', -1]]);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

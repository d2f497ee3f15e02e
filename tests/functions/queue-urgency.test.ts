/**
 * Issue #19: the staff queues sorted most urgent first are read in index order by a rank stored
 * on the ticket (`urgency`: 0 overdue emergency, 1 overdue, 2 emergency, 3 the rest, 4 paused).
 * Through the real `tickets` function: the rank follows every change, the tickets timer moves a
 * ticket up when its timer is breached (once, under overlapping runs), the five tiers come in
 * order, a cursor walks each ticket exactly once, and tickets stored before the rank are shown
 * and then given it by the timer.
 */
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const T0 = new Date('2026-11-28T02:00:00.000Z').getTime();
const MIN = 60_000;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const act = (data: Record<string, unknown>, openid: string) => T('act', data, openid);
const report = async (emergency = false) => {
  const r = await T(
    'create',
    {
      type: 'repair',
      category: emergency ? 'severe_leak' : 'plumbing_electric',
      description: emergency ? '' : '厨房水管漏水',
      location: { kind: 'home', unitId: 'u-1-1-101' },
      contactPhone: '13912340088',
      clientRequestId: rid(),
    },
    'o-resident-01',
  );
  expect(r.ok).toBe(true);
  return r.data.ticketId as string;
};
const doc = (id: string) => lc.server.ctx.engine.getById('tickets', id)! as any;
const setClock = (ms: number) => lc.server.ctx.clock.set(ms, true);
const timer = async () => {
  const r = await lc.dev('/api/dev/timers/tickets', { body: {} });
  expect(r.ok).toBe(true);
  return r.data.data;
};
const queue = async (q = 'open', who = 'o-staff-desk') => (await T('listQueue', { queue: q, pageSize: 50 }, who)).data;
const ids = (page: any): string[] => page.items.map((i: any) => i.ticketId);
const staffId = async (openid: string) => ((await lc.db.collection('staff').where({ openid }).limit(1).get()).data[0] as any)._id as string;
/** Dispatched to and accepted by engineer 1: its next timer is the arrival, and nobody re-routes it. */
async function accepted(id: string) {
  expect((await act({ action: 'dispatch', ticketId: id, staffId: await staffId('o-staff-eng1') }, 'o-staff-desk')).ok).toBe(true);
  expect((await act({ action: 'accept', ticketId: id }, 'o-staff-eng1')).ok).toBe(true);
  return id;
}

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  setClock(T0);
});
afterAll(() => lc.stop());

let crossed: string;
let emergency: string;

test('a ticket crossing its due time moves up at the timer run after it, once under overlapping runs', async () => {
  crossed = await accepted(await report());
  const due = new Date(doc(crossed).nextDueAt).getTime();
  expect(doc(crossed).urgency).toBe(3);
  // An emergency reported two minutes before that, due after it: ahead while neither is overdue.
  setClock(due - 2 * MIN);
  emergency = await report(true);
  expect(doc(emergency).urgency).toBe(2);
  expect(new Date(doc(emergency).nextDueAt).getTime()).toBeGreaterThan(due + MIN);
  let order = ids(await queue());
  expect(order.indexOf(emergency)).toBeLessThan(order.indexOf(crossed));

  // At its due time (here a whole minute: the timer's visit is the due time itself) it keeps its
  // place until the timer marks the breach — the bound: the first run at or after the due time
  // rounded up to the minute.
  setClock(Math.ceil(due / MIN) * MIN);
  expect(Math.ceil(due / MIN) * MIN).toBe(due);
  const before = doc(crossed);
  order = ids(await queue());
  expect(order.indexOf(emergency)).toBeLessThan(order.indexOf(crossed));

  // Two overlapping runs of the timer: it moves to the overdue tier, with one breach said.
  const runs = await Promise.all([timer(), timer()]);
  expect(runs.map((r) => r.breached).sort()).toEqual([0, 1]);
  const after = doc(crossed);
  expect(after.urgency).toBe(1);
  expect(after.updatedAt).toEqual(before.updatedAt); // a move in the queue is not a change of the ticket
  expect(after.eventCount).toBe(before.eventCount);
  expect(lc.server.ctx.engine.count('reminders', { ticketId: crossed, stage: 'breach' })).toBe(1);
  expect(doc(emergency).urgency).toBe(2);
  const page = await queue();
  order = ids(page);
  expect(order.indexOf(crossed)).toBeLessThan(order.indexOf(emergency));
  expect(order.filter((x) => x === crossed)).toHaveLength(1);
  // Another run has nothing more to say and leaves the order as it is.
  expect((await timer()).breached).toBe(0);
  expect(doc(crossed).urgency).toBe(1);
  expect(ids(await queue())).toEqual(order);
});

test('overdue emergencies, overdue, emergencies, the rest, paused: in that order in every urgent queue; a cursor walks each ticket once', async () => {
  // An emergency accepted by whoever it went to, then left past its arrival time.
  const oe = await report(true);
  const holder = (await lc.db.collection('staff').doc(doc(oe).assigneeStaffId).get()).data[0] as any;
  expect((await act({ action: 'accept', ticketId: oe }, holder.openid)).ok).toBe(true);
  setClock(Math.ceil(new Date(doc(oe).nextDueAt).getTime() / MIN) * MIN + 30_000);
  await timer();
  expect(doc(oe).urgency).toBe(0);
  // Fresh ones: an emergency, a normal repair, a paused one.
  const e2 = await report(true);
  const normal = await accepted(await report());
  // Two more opened at the same moment: they tie with it on rank, due time and creation (the id decides).
  const twins = [await accepted(await report()), await accepted(await report())];
  expect(twins.map((id) => [doc(id).urgency, doc(id).nextDueAt, doc(id).createdAt])).toEqual(twins.map(() => [3, doc(normal).nextDueAt, doc(normal).createdAt]));
  const paused = await accepted(await report());
  expect((await act({ action: 'pause', ticketId: paused, reason: '等待配件', expectedAt: '2026-12-30T10:00:00+08:00' }, 'o-staff-eng1')).data.status).toBe('paused');
  expect([oe, crossed, e2, normal, paused].map((id) => doc(id).urgency)).toEqual([0, 1, 2, 3, 4]);

  for (const [q, who] of [
    ['open', 'o-staff-desk'],
    ['assigned', 'o-staff-eng1'],
  ] as const) {
    const whole = await queue(q, who);
    const order = ids(whole);
    expect(whole.total).toBe(order.length);
    // Every ticket in (urgency, nearest due, newest, id) order; overdue ones (as shown) before the rest.
    const key = (id: string) => [doc(id).urgency, doc(id).nextDueAt ? new Date(doc(id).nextDueAt).getTime() : -Infinity, -new Date(doc(id).createdAt).getTime(), id];
    const precedes = (a: (number | string)[], b: (number | string)[]) => {
      const i = a.findIndex((x, k) => x !== b[k]);
      return i !== -1 && a[i] < b[i];
    };
    for (let i = 1; i < order.length; i++) expect(precedes(key(order[i - 1]), key(order[i]))).toBe(true);
    const overdue = whole.items.map((i: any) => i.nextDue?.state === 'overdue');
    expect(overdue.indexOf(false) === -1 || !overdue.slice(overdue.indexOf(false)).includes(true)).toBe(true);
    const mine = [oe, crossed, e2, normal, paused].filter((id) => order.includes(id));
    expect(mine).toEqual([...mine].sort((x, y) => doc(x).urgency - doc(y).urgency));
    expect(order[order.length - 1]).toBe(paused);
    // Pages of 2 and of 3 walk the same order, each ticket exactly once.
    for (const pageSize of [2, 3]) {
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const p = (await T('listQueue', { queue: q, pageSize, ...(cursor ? { cursor } : {}) }, who)).data;
        expect(p.total).toBe(whole.total);
        walked.push(...ids(p));
        cursor = p.nextCursor;
      } while (cursor);
      expect(walked).toEqual(order);
    }
  }
  // 已超时 holds the overdue ones, most urgent first.
  const overdue = ids(await queue('overdue'));
  expect(overdue.indexOf(oe)).toBeLessThan(overdue.indexOf(crossed));
  expect(overdue).not.toContain(normal);
});

test('a ticket stored before the rank is still in its queues, and the timer gives it the rank once', async () => {
  const { urgency: _, _id, ...rest } = doc(await accepted(await report()));
  const legacy = { ...rest, _id: `${_id}-old`, no: `${rest.no}-OLD`, nextReminderAt: null };
  lc.server.ctx.engine.insert('tickets', [legacy]);
  // A database created with the rank starts with its walk done (FRESH_DOCS): as on an older one, it has not.
  expect(lc.server.ctx.engine.getById('counters', 'backfill:tickets.urgency')).toMatchObject({ done: true });
  lc.server.ctx.engine.remove('counters', { _id: 'backfill:tickets.urgency' }, false);
  const before = await queue();
  expect(ids(before)).toContain(legacy._id);
  expect(before.total).toBe(ids(before).length);
  const run = await timer();
  expect(run.backfilled).toBe(1);
  expect(doc(legacy._id).urgency).toBe(3);
  expect(ids(await queue())).toContain(legacy._id);
  // Done: later runs look no further.
  expect((await timer()).backfilled).toBeUndefined();
  expect(lc.server.ctx.engine.getById('counters', 'backfill:tickets.urgency')).toBeTruthy();
});

test('the timer walks older tickets in id order, at most 10,000 a run whatever the collection holds, until it has passed them all', async () => {
  const { urgency: _, _id, ...rest } = doc(await accepted(await report()));
  // 10,600 tickets stored before the rank (every tenth one closed, which keeps no rank), ahead of and behind the tickets already there.
  const legacy = Array.from({ length: 10_600 }, (_x, i) => ({
    ...rest,
    _id: `${i % 2 ? 'a' : 'z'}-old-${String(i).padStart(5, '0')}`,
    no: `${rest.no}-W${i}`,
    nextReminderAt: null,
    ...(i % 10 === 0 ? { status: 'closed', open: false, nextDueAt: null } : {}),
  }));
  lc.server.ctx.engine.insert('tickets', legacy);
  lc.server.ctx.engine.remove('counters', { _id: 'backfill:tickets.urgency' }, false);
  const first = (await timer()).backfilled;
  // The first run stopped after 20 pages of 500: some older tickets are still without a rank.
  expect(first).toBeGreaterThan(8_000);
  expect(first).toBeLessThan(9_540);
  expect(lc.server.ctx.engine.getById('counters', 'backfill:tickets.urgency')).toMatchObject({ done: false });
  const second = (await timer()).backfilled;
  // Together every open one, once; then the walk is done and later runs look no further.
  expect(first + second).toBe(9_540);
  for (const t of legacy) expect(doc(t._id).urgency).toBe(t.open ? 3 : undefined);
  expect(lc.server.ctx.engine.getById('counters', 'backfill:tickets.urgency')).toMatchObject({ done: true });
  expect((await timer()).backfilled).toBeUndefined();
});

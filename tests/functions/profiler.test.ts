// Issue #19: the local CloudBase's query profiler counts every database call an invocation
// makes, attributes it to that invocation (even when many run at once), and tells parallel
// calls from sequential ones.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true });
});
afterAll(() => lc.stop());

async function gateway(fn: string, action: string, data: unknown, openid: string) {
  const res = await fetch(`${lc.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, data }),
  });
  return {
    body: (await res.json()) as any,
    calls: res.headers.get('x-linli-db-calls'),
    steps: res.headers.get('x-linli-db-steps'),
    ms: res.headers.get('x-linli-db-ms'),
    id: res.headers.get('x-linli-request-id'),
  };
}

test('ping.whoami: exactly the two reads of caller resolution (memberships and staff), in one parallel step', async () => {
  // whoami is a read (no rate-limit slot) and its run makes no call of its own: what remains is
  // resolveCaller, which reads the approved memberships and the active staff record together.
  const r = await gateway('ping', 'whoami', {}, 'o-resident-01');
  expect(r.body.ok).toBe(true);
  expect(r.calls).toBe('2');
  expect(r.steps).toBe('1');
  expect(Number(r.ms)).toBeGreaterThan(0);
  const listed = (await lc.dev('/api/dev/invocations?fn=ping&limit=5')).data as any[];
  const mine = listed.find((p) => p.requestId === r.body.data.requestId);
  expect(mine).toMatchObject({ fn: 'ping', action: 'whoami', openid: 'o-resident-01', ok: true, dbCalls: 2, dbSteps: 1 });
  expect(mine.calls.map((c: any) => `${c.action} ${c.collection}`).sort()).toEqual(['database.getDocument memberships', 'database.getDocument staff']);
});

test('ping.echo needs nobody resolved: no database call at all', async () => {
  const r = await gateway('ping', 'echo', { text: '你好' }, 'o-resident-01');
  expect(r.body).toEqual({ ok: true, data: { text: '你好' } });
  expect(r.calls).toBe('0');
  expect(r.steps).toBe('0');
});

test('sequential calls count as steps: account.me for a resident', async () => {
  const r = await gateway('account', 'me', {}, 'o-resident-01');
  expect(r.body.ok).toBe(true);
  const p = ((await lc.dev('/api/dev/invocations?fn=account&limit=1')).data as any[])[0];
  expect(p.requestId).toBe(r.id);
  expect(String(p.dbCalls)).toBe(r.calls);
  expect(String(p.dbSteps)).toBe(r.steps);
  expect(p.dbSteps).toBeGreaterThanOrEqual(1);
  expect(p.dbSteps).toBeLessThanOrEqual(p.dbCalls);
});

test('40 concurrent invocations: each is charged its own calls and nobody else’s', async () => {
  const users = Array.from({ length: 40 }, (_x, i) => `o-prof-${i}`);
  const results = await Promise.all(users.map((u) => gateway('ping', 'whoami', {}, u)));
  for (const r of results) {
    expect(r.body.data.openid).toMatch(/^o-prof-/);
    expect(r.calls).toBe('2');
    expect(r.steps).toBe('1');
  }
  const listed = (await lc.dev('/api/dev/invocations?fn=ping&limit=200')).data as any[];
  const ids = new Set(results.map((r) => r.body.data.requestId));
  const ours = listed.filter((p) => ids.has(p.requestId));
  expect(ours).toHaveLength(40);
  expect(ours.every((p) => p.dbCalls === 2 && p.calls.every((c: any) => ['memberships', 'staff'].includes(c.collection)))).toBe(true);
});

test('the SDK used directly (not from a function) is charged to no invocation', async () => {
  const before = ((await lc.dev('/api/dev/invocations?limit=200')).data as any[]).length;
  await lc.db.collection('staff').where({ active: true }).count();
  const after = ((await lc.dev('/api/dev/invocations?limit=200')).data as any[]).length;
  expect(after).toBe(before);
});

// The reads reworked for the round-trip budgets (issue #19, part 2): what they read, in how many
// steps, and that the unread count `notify` keeps on a staff record equals the inbox's own count.
async function made(fn: string, requestId: string | null) {
  const p = ((await lc.dev(`/api/dev/invocations?fn=${fn}&limit=20`)).data as any[]).find((x) => x.requestId === requestId);
  return (p?.calls ?? []).map((c: any) => `${c.action} ${c.collection ?? ''}`.trim()).sort();
}

const R = 'o-resident-01';
const report = (n: number) => ({
  type: 'repair',
  category: 'plumbing_electric',
  description: `卫生间灯不亮 ${n}`,
  location: { kind: 'home', unitId: 'u-1-1-101' },
  contactPhone: '13900000000',
  subscribed: [],
  clientRequestId: `roundtrips-${n}-0000`,
});

test('tickets.get: the caller (two reads) and the ticket with its hotline and timeline joined in — three calls, one step', async () => {
  const opened = await gateway('tickets', 'create', report(1), R);
  expect(opened.body.ok).toBe(true);
  for (const who of [R, 'o-staff-desk']) {
    const r = await gateway('tickets', 'get', { ticketId: opened.body.data.ticketId }, who);
    expect(r.body.ok).toBe(true);
    expect(r.body.data.timeline.length).toBeGreaterThan(0);
    expect(await made('tickets', r.id)).toEqual(['database.aggregateDocuments tickets', 'database.getDocument memberships', 'database.getDocument staff']);
    expect([r.calls, r.steps]).toEqual(['3', '1']);
  }
  // Someone else's ticket is still not found, although it was read with the caller.
  const other = await gateway('tickets', 'get', { ticketId: opened.body.data.ticketId }, 'o-resident-02');
  expect(other.body.error?.code).toBe('NOT_FOUND');
});

test('tickets.create (a pool repair): one rate-limit update, the place read (retry check joined in) sent with the caller, no loads weighed; a retry reads and writes nothing more', async () => {
  await gateway('tickets', 'create', report(20), R); // the day's counter and the rate-limit document exist from here on
  const r = await gateway('tickets', 'create', report(21), R);
  expect(r.body.data.created).toBe(true);
  expect(await made('tickets', r.id)).toEqual(
    [
      'database.modifyDocument rate_limits',
      'wx.api',
      'database.aggregateDocuments units',
      'database.modifyAndReturnDoc counters',
      'database.insertDocument ticket_events',
      'database.insertDocument tickets',
      'database.insertDocument alerts',
      'database.modifyDocument staff',
    ].sort(),
  );
  // Rate limit and place (the home's members in it: who may report) together; the text check with
  // the day's number; the first entries, then the ticket (no transaction: the ticket's insert is the
  // commit point); the role alert with its unread count.
  expect(r.steps).toBe('5');
  const again = await gateway('tickets', 'create', report(21), R);
  expect(again.body.data).toEqual({ ...r.body.data, created: false });
  // A retry finds its ticket in the place read: not even the text is checked again.
  expect(await made('tickets', again.id)).toEqual(['database.aggregateDocuments units', 'database.modifyDocument rate_limits']);
  expect(again.steps).toBe('1');
});

test('a staff member’s unread alerts: kept by notify (read with who they are) and equal to the count without it', async () => {
  const staff = ['o-staff-desk', 'o-staff-eng1', 'o-staff-sup'];
  for (const who of staff) expect((await gateway('inbox', 'read', { all: true }, who)).body.data.unread.alerts).toBe(0);
  // New tickets nobody holds yet alert a role (the pool's, or the desk for unrouted ones).
  for (let n = 2; n < 5; n++) expect((await gateway('tickets', 'create', report(n), R)).body.ok).toBe(true);
  const kept: Record<string, number> = {};
  for (const who of staff) {
    const r = await gateway('inbox', 'unread', {}, who);
    expect(r.body.ok).toBe(true);
    expect(Number(r.calls)).toBeLessThanOrEqual(3);
    expect(r.steps).toBe('1');
    kept[who] = r.body.data.alerts;
  }
  expect(Object.values(kept).some((n) => n > 0)).toBe(true);
  // A retry (same request id) returns the ticket and alerts nobody again: the kept counts stand.
  expect((await gateway('tickets', 'create', report(4), R)).body.data.created).toBe(false);
  for (const who of staff) expect((await gateway('inbox', 'unread', {}, who)).body.data.alerts).toBe(kept[who]);
  // One alert read one by one: one less.
  const who = staff.find((s) => kept[s] > 0)!;
  const first = (await gateway('inbox', 'list', { box: 'alerts' }, who)).body.data.items.find((i: any) => !i.read);
  const read = await gateway('inbox', 'read', { id: first.id }, who);
  expect(read.body.data.unread.alerts).toBe(kept[who] - 1);
  kept[who] -= 1;
  // Without the kept count the inbox counts (more reads) — and finds the same numbers.
  const _ = lc.db.command;
  await lc.db
    .collection('staff')
    .where({ openid: _.in(staff) })
    .update({ alertsUnread: _.remove() });
  for (const s of staff) {
    const r = await gateway('inbox', 'unread', {}, s);
    expect(r.body.data.alerts).toBe(kept[s]);
    expect(r.calls).toBe('5');
  }
});

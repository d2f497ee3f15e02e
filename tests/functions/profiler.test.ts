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

// Issue §3: the function runner — per-invocation identity, warm reuse, timeouts, timer
// triggers on the emulator clock, and the loopback-only egress guard.
// Fixtures (tests/fixtures/functions): sleepy (1 s timeout), heartbeat (timer every minute),
// leaky (tries to reach Tencent's API host), late (dies after returning).
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true });
});
afterAll(() => lc.stop());

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to reject');
}

async function gateway(fn: string, body: unknown, openid = 'o-test') {
  const res = await fetch(`${lc.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('identity', () => {
  test('50 concurrent gateway invocations by 50 users each see only their own OPENID', async () => {
    const users = Array.from({ length: 50 }, (_x, i) => `o-test-${i}`);
    const results = await Promise.all(users.map((u) => lc.call('ping', 'whoami', {}, u)));
    results.forEach((r, i) => {
      expect(r.ok).toBe(true);
      expect(r.data.openid).toBe(users[i]);
    });
    // Distinct request ids: 50 separate invocations.
    expect(new Set(results.map((r) => r.data.requestId)).size).toBe(50);
  });

  test('a warm instance keeps identity per invocation: sequential calls alternate users', async () => {
    const seq = ['o-resident-01', 'o-staff-admin', 'o-resident-01', 'o-newcomer-01', 'o-staff-admin'];
    for (const u of seq) {
      const r = await lc.call('ping', 'whoami', {}, u);
      expect(r.data.openid).toBe(u);
    }
    // The resident is resolved to their home, the staff member to their roles: no carry-over.
    const staff = await lc.call('ping', 'whoami', {}, 'o-staff-admin');
    const resident = await lc.call('ping', 'whoami', {}, 'o-resident-01');
    expect(staff.data.homes).toEqual([]);
    expect(staff.data.staff.roles).toEqual(['admin', 'supervisor']);
    expect(resident.data.staff).toBeNull();
    // A function-to-function call right after carries no end-user identity at all.
    const system = (await lc.app.callFunction({ name: 'ping', data: { action: 'whoami' } })) as any;
    expect(system.result.data.openid).toBeNull();
  });
});

describe('timeouts', () => {
  test('past its timeout a function fails with FUNCTIONS_TIME_LIMIT_EXCEEDED (SDK) / 504 (gateway), and a new instance serves the next call', async () => {
    const first = (await lc.app.callFunction({ name: 'sleepy', data: { fast: true } })) as any;
    expect(first.result).toMatchObject({ ok: true, fast: true });
    const warmThread = first.result.threadId;

    const [sdkError, gw] = await Promise.all([rejection(lc.app.callFunction({ name: 'sleepy', data: {} })), gateway('sleepy', { action: 'slow' })]);
    expect(sdkError.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');
    expect(gw.status).toBe(504);
    expect(gw.body.ok).toBe(false);
    expect(gw.body.error.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED');

    const next = (await lc.app.callFunction({ name: 'sleepy', data: { fast: true } })) as any;
    expect(next.result).toMatchObject({ ok: true, fast: true });
    // The warm instance that ran a timed-out invocation was stopped: another one answers.
    expect(next.result.threadId).not.toBe(warmThread);
  });
});

describe('instances that die between invocations', () => {
  test('a function whose leftover promise rejects after it returned: the emulator survives and the next call gets a fresh instance at once', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const first = await gateway('late', { action: 'x', data: { late: true } });
      expect(first.status).toBe(200);
      const dead = first.body.threadId;
      // The next call must not land on the dead instance (which would hang until the 2 s
      // timeout → 504). In the instant between the reply and the instance's exit, a call can
      // still meet the dying instance and fail fast; the one after that must succeed.
      let next = await gateway('late', { action: 'x', data: {} });
      let reported = false;
      if (next.status !== 200) {
        expect(next.status).toBe(502);
        reported = String(next.body.error.message).includes('late failure after return');
        next = await gateway('late', { action: 'x', data: {} });
      }
      expect(next.status).toBe(200);
      expect(next.body.threadId).not.toBe(dead);
      // The failure is not swallowed: logged, or reported to the call that met the instance.
      reported ||= logged.mock.calls.some((c) => String(c[0]).includes('late failure after return'));
      expect(reported).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('timers and the clock', () => {
  beforeAll(async () => {
    await lc.db.createCollection('heartbeats');
  });
  const beats = async () => ((await lc.db.collection('heartbeats').count()) as any).total as number;

  test('POST /api/dev/timers/:name fires the trigger now and returns its result', async () => {
    const before = await beats();
    const res = await lc.dev('/api/dev/timers/heartbeat', { method: 'POST' });
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ ok: true, trigger: 'every-minute' });
    expect(await beats()).toBe(before + 1);
    const doc = ((await lc.db.collection('heartbeats').doc(res.data.id).get()) as any).data[0];
    expect(doc).toMatchObject({ trigger: 'every-minute', type: 'Timer' });
  });

  test('a function without a timer trigger cannot be fired (404)', async () => {
    const res = await fetch(`${lc.url}/api/dev/timers/ping`, { method: 'POST' });
    expect(res.status).toBe(404);
  });

  test('moving the clock 5 minutes fires a every-minute trigger exactly once (missed runs coalesce)', async () => {
    const before = await beats();
    const firedBefore = lc.server.scheduler.fired.length;
    const res = await lc.dev('/api/dev/clock', { body: { advanceMs: 5 * 60_000 } });
    expect(res.ok).toBe(true);
    expect(await beats()).toBe(before + 1);
    // (Other functions may have timers of their own — the product's sweeps: only heartbeat's count.)
    const fired = lc.server.scheduler.fired.slice(firedBefore).filter((f) => f.name === 'heartbeat');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ name: 'heartbeat', trigger: 'every-minute', ok: true });
    // The beat carries the emulator's time, 5 minutes ahead of the machine's.
    expect(Date.parse(fired[0].at) - Date.now()).toBeGreaterThan(4 * 60_000);

    // Without moving the clock, a tick fires nothing.
    await lc.server.scheduler.tick();
    expect(await beats()).toBe(before + 1);
    await lc.dev('/api/dev/clock', { body: { reset: true } });
  });

  test('the clock sets what functions see', async () => {
    const at = '2031-05-06T07:08:09.000Z';
    const set = await lc.dev('/api/dev/clock', { body: { set: at } });
    expect(set.ok).toBe(true);
    try {
      const r = await lc.call('ping', 'whoami', {}, 'o-resident-01');
      expect(Math.abs(Date.parse(r.data.serverTime) - Date.parse(at))).toBeLessThan(1000);
      const state = await lc.dev('/api/dev/clock');
      expect(Math.abs(Date.parse(state.data.now) - Date.parse(at))).toBeLessThan(1000);
      // Moving it again moves what the next invocation sees.
      await lc.dev('/api/dev/clock', { body: { advanceMs: 86_400_000 } });
      const nextDay = await lc.call('ping', 'whoami', {}, 'o-resident-01');
      expect(Math.abs(Date.parse(nextDay.data.serverTime) - (Date.parse(at) + 86_400_000))).toBeLessThan(1000);
    } finally {
      await lc.dev('/api/dev/clock', { body: { reset: true } });
    }
    const back = await lc.call('ping', 'whoami', {}, 'o-resident-01');
    expect(Math.abs(Date.parse(back.data.serverTime) - Date.now())).toBeLessThan(1000);
  });

  test.each([
    ['empty object', '{}'],
    ['advanceMs not a number', '{"advanceMs":"60000"}'],
    ['set not a date', '{"set":"tomorrow-ish"}'],
    ['not JSON', '{advance'],
    ['not an object', '42'],
  ])('an invalid clock body (%s) → 400 INVALID_INPUT and the clock does not move', async (_label, body) => {
    const before = lc.server.ctx.clock.state();
    const res = await fetch(`${lc.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const json = (await res.json()) as any;
    expect(json.error.code).toBe('INVALID_INPUT');
    expect(lc.server.ctx.clock.state().offsetMs).toBe(before.offsetMs);
  });
});

describe('egress', () => {
  test('after all of the above, no function tried to reach a non-loopback host', async () => {
    const health = await lc.dev('/api/dev/health');
    expect(health.ok).toBe(true);
    expect(health.data.functions).toEqual(expect.arrayContaining(['ping', 'sleepy', 'heartbeat', 'leaky', 'late']));
    expect(health.data.egress).toEqual([]);
  });

  test("a function that fetches Tencent's API host is refused, and the attempt is reported", async () => {
    const gw = await gateway('leaky', { action: 'go' });
    expect(gw.status).toBe(502);
    expect(gw.body.error.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    const health = await lc.dev('/api/dev/health');
    expect(health.data.egress).toContain('tcb-api.tencentcloudapi.com');
  });
});

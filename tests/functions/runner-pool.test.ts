// Issue #19: warm instances per function are capped, and an idle instance stops after the
// configured time (as CloudBase reclaims idle instances); the next call starts a new one.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true, functions: { maxInstances: 2, idleMs: 400 } });
});
afterAll(() => lc.stop());

const stats = () => lc.server.ctx.runner.stats('ping');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('never more instances than the cap, however many calls arrive at once; all are answered', async () => {
  let most = 0;
  const watch = setInterval(() => (most = Math.max(most, stats().instances)), 2);
  const results = await Promise.all(Array.from({ length: 12 }, (_x, i) => lc.call('ping', 'whoami', {}, `o-cap-${i}`)));
  clearInterval(watch);
  expect(results.map((r) => r.data.openid)).toEqual(Array.from({ length: 12 }, (_x, i) => `o-cap-${i}`));
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThanOrEqual(2);
  expect(stats().instances).toBeLessThanOrEqual(2);
});

test('idle instances stop after the idle time; a later call starts one again', async () => {
  await lc.call('ping', 'whoami', {}, 'o-idle');
  expect(stats().instances).toBeGreaterThan(0);
  for (let i = 0; i < 100 && stats().instances > 0; i++) await sleep(50);
  expect(stats()).toEqual({ instances: 0, busy: 0, waiting: 0 });
  const again = await lc.call('ping', 'whoami', {}, 'o-idle');
  expect(again.data.openid).toBe('o-idle');
  expect(stats().instances).toBe(1);
});

test('a warm instance is reused while calls keep coming within the idle time', async () => {
  const first = await lc.call('sleepy', 'x', { fast: true }, 'o-warm');
  for (let i = 0; i < 4; i++) {
    await sleep(150); // each gap shorter than the 400 ms idle time
    const next = await lc.call('sleepy', 'x', { fast: true }, 'o-warm');
    expect(next.threadId).toBe(first.threadId);
  }
});

test('the defaults: cap from the cores (LINLI_MAX_INSTANCES overrides), idle time from LINLI_IDLE_MS', async () => {
  const { FunctionRunner, defaultMaxInstances, DEFAULT_IDLE_MS } = await import('../../emulator/functions/runner');
  const os = await import('node:os');
  expect(defaultMaxInstances()).toBe(Math.max(2, 2 * os.availableParallelism()));
  const saved = { cap: process.env.LINLI_MAX_INSTANCES, idle: process.env.LINLI_IDLE_MS };
  try {
    delete process.env.LINLI_MAX_INSTANCES;
    delete process.env.LINLI_IDLE_MS;
    const plain = new FunctionRunner(
      [],
      () => ({}),
      () => Date.now(),
    );
    expect([plain.maxInstances, plain.idleMs]).toEqual([defaultMaxInstances(), DEFAULT_IDLE_MS]);
    process.env.LINLI_MAX_INSTANCES = '3';
    process.env.LINLI_IDLE_MS = '1234';
    const configured = new FunctionRunner(
      [],
      () => ({}),
      () => Date.now(),
    );
    expect([configured.maxInstances, configured.idleMs]).toEqual([3, 1234]);
  } finally {
    for (const [k, v] of [
      ['LINLI_MAX_INSTANCES', saved.cap],
      ['LINLI_IDLE_MS', saved.idle],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

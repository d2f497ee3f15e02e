import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true });
});
afterAll(() => lc.stop());

test('ping.whoami through the gateway resolves the caller to a resident', async () => {
  const res = await lc.call('ping', 'whoami', {}, 'o-resident-01');
  expect(res.ok).toBe(true);
  expect(res.data.openid).toBe('o-resident-01');
  expect(res.data.homes).toEqual([{ unitId: 'u-1-1-101', relation: 'owner' }]);
  expect(res.data.staff).toBeNull();
});

test('ping.whoami through the SDK (function-to-function) has no end-user identity', async () => {
  const res = await lc.app.callFunction({ name: 'ping', data: { action: 'whoami' } });
  expect((res.result as any).ok).toBe(true);
  expect((res.result as any).data.openid).toBeNull();
});

test('staff callers carry their roles', async () => {
  const res = await lc.call('ping', 'whoami', {}, 'o-staff-admin');
  expect(res.data.staff).toEqual({ communityId: 'cm-cuihu', roles: ['admin', 'supervisor'] });
});

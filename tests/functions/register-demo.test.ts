import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { seedActivity } from '../../emulator/seed-activity';

/** The start-up demo leaves the register and the analysis populated. */
let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await seedActivity(lc.server);
}, 60_000);
afterAll(() => lc.stop());

test('the demo register lists ticket contacts and desk-logged ones; the month has figures', async () => {
  const list = (await lc.call('register', 'list', { pageSize: 50 }, 'o-staff-sup')).data.items;
  expect(list.filter((e: any) => e.source === 'desk')).toHaveLength(3);
  expect(list.some((e: any) => e.source === 'ticket' && e.action === 'created')).toBe(true);
  const a = (await lc.call('register', 'analysis', { period: { kind: 'month' }, scope: 'building' }, 'o-staff-sup')).data;
  expect(a.summary.contacts).toBe(list.length);
  expect(a.summary.tickets).toBeGreaterThanOrEqual(5);
  expect(a.rows.length).toBeGreaterThan(0);
  expect(a.reach.notices).toBe(2);
});

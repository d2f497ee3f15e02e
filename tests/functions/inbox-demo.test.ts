import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { seedActivity } from '../../emulator/seed-activity';

/** The demo made through the real functions on first start leaves messages for residents and staff. */
let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await seedActivity(lc.server);
});
afterAll(() => lc.stop());

test('residents and staff find the demo activity in their 消息', async () => {
  const list = async (openid: string, box = 'personal') => (await lc.call('inbox', 'list', { box }, openid)).data.items.map((i: any) => i.kind);
  // The door repair was grabbed and attended: its resident was told.
  expect(await list('o-resident-06')).toEqual(expect.arrayContaining(['progress']));
  // The notices went in-app to residents without a notice consent.
  expect(await list('o-resident-03')).toContain('notice');
  // Engineers share the pool alert of the dripping tap; the resolved repair's callback is due at
  // the service desk (callbacks go to the desk by default).
  expect(await list('o-staff-eng1', 'alerts')).toContain('pool');
  expect(await list('o-staff-desk', 'alerts')).toContain('callback');
  expect((await lc.call('inbox', 'unread', {}, 'o-staff-eng1')).data.total).toBeGreaterThan(0);
});

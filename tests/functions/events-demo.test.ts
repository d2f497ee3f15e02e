import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { seedActivity } from '../../emulator/seed-activity';

/** The demo events made through the real functions on first start: one in each state. */
let lc: LocalCloudBase;
beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await seedActivity(lc.server);
}, 60_000);
afterAll(() => lc.stop());

test('an open event with a few seats taken, a past one with feedback and a summary, one in review, one cancelled', async () => {
  const upcoming = (await lc.call('events', 'list', { tab: 'upcoming' }, 'o-resident-06')).data.items;
  const open = upcoming.find((e: any) => e.phase === 'upcoming' && e.seatsLeft > 0);
  expect(open).toMatchObject({ capacity: 5, seatsLeft: 2, waitlisted: 0 });
  expect((await lc.call('events', 'get', { eventId: open.eventId }, 'o-resident-06')).data.actions.map((a: any) => a.key)).toEqual(['signUp']);
  const staff = (await lc.call('events', 'staffList', {}, 'o-staff-sup')).data.items;
  expect(staff.map((e: any) => e.phase).sort()).toEqual(['cancelled', 'closed', 'review', 'upcoming']);
  const past = staff.find((e: any) => e.phase === 'closed');
  const summary = (await lc.call('events', 'summary', { eventId: past.eventId }, 'o-staff-sup')).data;
  expect(summary).toMatchObject({ attendanceRate: 75, satisfaction: { responses: 2, rating: 4.5 }, costs: { actual: 120 } });
  expect(summary.comments).toHaveLength(2);
  // The clock travelled for the past event and came back.
  expect(Math.abs(lc.server.ctx.clock.now() - Date.now())).toBeLessThan(60_000);
});

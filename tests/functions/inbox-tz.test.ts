// The functions run with TZ=UTC (as CloudBase's machines do): every time a person reads in a
// subscribe message is still 北京时间. Set before anything starts: the function runner's
// worker threads inherit this process's environment, and Node applies TZ on assignment.
process.env.TZ = 'UTC';

import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const timer = (fn: string) => lc.dev(`/api/dev/timers/${fn}`, { method: 'POST' });
const outbox = async (openid: string, templateId: string) => (await lc.dev(`/api/dev/outbox?touser=${openid}`)).data.filter((m: any) => m.templateId === templateId);
const HOUR = 3600_000;

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  // 02:00 UTC is 10:00 in Beijing.
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:00:00.000Z', frozen: true } });
});
afterAll(() => lc.stop());

test('the test process and its function workers run in UTC', () => {
  expect(new Date('2026-11-28T02:00:00.000Z').getHours()).toBe(2);
  expect(new Date('2026-11-28T02:00:00.000Z').getTimezoneOffset()).toBe(0);
});

test('ticket, emergency, callback and confirmation messages print Beijing time; texts name the configured duration', async () => {
  // Staff grant one-time consents from the workbench.
  for (const o of ['o-staff-sup', 'o-staff-eng1', 'o-staff-eng2']) {
    const r = await lc.call('account', 'subscribe', { templateIds: ['TPL_STAFF_EMERGENCY', 'TPL_STAFF_ASSIGNED', 'TPL_STAFF_CALLBACK'] }, o);
    expect(r.ok).toBe(true);
  }
  expect(
    (
      await lc.call(
        'callbacks',
        'setSettings',
        { policy: { repair: 'always', complaint: 'always', consultation: 'always' }, assignTo: 'handler', dueHours: 36, maxAttempts: 3, confirmReminderHours: 24 },
        'o-staff-admin',
      )
    ).ok,
  ).toBe(true);

  const created = await T(
    'create',
    {
      type: 'repair',
      category: 'severe_leak',
      description: '',
      location: { kind: 'home', unitId: 'u-1-1-101' },
      contactPhone: '13900000001',
      subscribed: ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_TICKET_REPLY'],
      clientRequestId: rid(),
    },
    'o-resident-01',
  );
  expect(created.ok).toBe(true);
  const ticketId = created.data.ticketId;
  // The supervisor: exactly one emergency message, at 10:00 Beijing time.
  const sup = await outbox('o-staff-sup', 'TPL_STAFF_EMERGENCY');
  expect(sup).toHaveLength(1);
  expect(sup[0].data.time3.value).toBe('2026-11-28 10:00');
  expect(sup[0].page).toBe(`staff/ticket/index?id=${ticketId}`);

  const d = (await T('get', { ticketId }, 'o-staff-sup')).data;
  const eng = d.assigneeName === '李强' ? 'o-staff-eng1' : 'o-staff-eng2';
  expect((await outbox(eng, 'TPL_STAFF_EMERGENCY'))[0].data.time3.value).toBe('2026-11-28 10:00');
  expect(d.timeline.find((e: any) => e.action === 'notified').text).toMatch(/微信订阅消息/);

  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:03:00.000Z', frozen: true } }); // 10:03 Beijing
  expect((await T('act', { action: 'accept', ticketId }, eng)).ok).toBe(true);
  const progress = await outbox('o-resident-01', 'TPL_TICKET_PROGRESS');
  expect(progress).toHaveLength(1);
  expect(progress[0].data.time4.value).toBe('2026-11-28 10:03');

  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T16:10:00.000Z', frozen: true } }); // 00:10 the next day in Beijing
  expect((await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, eng)).ok).toBe(true);
  expect((await T('act', { action: 'complete', ticketId, text: '已关闭总阀并更换水管', photos: [] }, eng)).ok).toBe(true);
  expect((await outbox('o-resident-01', 'TPL_TICKET_DONE'))[0].data.time4.value).toBe('2026-11-29 00:10');

  // The callback names the community's 36 hours (not a fixed 24), and its due time in Beijing time.
  await timer('callbacks');
  const cbMsg = (await lc.call('inbox', 'list', { box: 'personal' }, eng)).data.items.find((i: any) => i.kind === 'callback');
  expect(cbMsg.body).toMatch(/36 小时内完成回访（2026-11-30 12:10 前）/);
  expect((await outbox(eng, 'TPL_STAFF_CALLBACK'))[0].data.time3.value).toBe('2026-11-29 00:10');

  // A day later the resident is reminded to confirm, with a consent granted meanwhile.
  await lc.call('account', 'subscribe', { templateIds: ['TPL_TICKET_DONE'] }, 'o-resident-01');
  await lc.dev('/api/dev/clock', { body: { advanceMs: 24 * HOUR + 60_000 } });
  await timer('callbacks');
  const confirm = (await outbox('o-resident-01', 'TPL_TICKET_DONE')).find((m: any) => m.data.phrase3.value === '待确认');
  expect(confirm.data.time4.value).toBe('2026-11-30 00:11');
});

/**
 * Working-time deadlines through the real tickets function (issue #17): a community that runs
 * complaints on working time gets "3 working days" across National Day and its 调休 Saturday;
 * emergencies stay 24×7; the setting is the community's own.
 */
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const bj = (s: string) => new Date(`${s}+08:00`).toISOString();
const call = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
let seq = 0;
const report = async (type: string, category: string, description: string, openid = 'o-resident-01', unitId = 'u-1-1-101') => {
  const r = await call(
    'create',
    { type, category, description, location: { kind: 'home', unitId }, contactPhone: '13900000000', subscribed: [], clientRequestId: `wt-${++seq}-${Date.now()}` },
    openid,
  );
  expect(r.ok).toBe(true);
  return (await call('get', { ticketId: r.data.ticketId }, openid)).data;
};
const due = (t: any, kind: string) => t.deadlines.find((d: any) => d.kind === kind).dueAt;

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  // Wednesday 30 September 2026, 10:00 北京时间: National Day (1–7 October) ahead, 10 October a 调休 Saturday.
  await lc.dev('/api/dev/clock', { body: { set: bj('2026-09-30T10:00:00'), frozen: true } });
});
afterAll(() => lc.stop());

test('around the clock by default: a complaint due in the middle of the holiday', async () => {
  const t = await report('complaint', 'noise', '楼上装修噪音，晚上十点后仍在施工');
  expect(due(t, 'resolve')).toBe(bj('2026-10-03T10:00:00'));
});

describe('complaints on working time', () => {
  beforeAll(async () => {
    const { sla } = (await call('getSla', {}, 'o-staff-admin')).data;
    const { warnBeforeMinutes: _w, ...rest } = sla;
    const r = await call('setSla', { sla: { ...rest, workingTime: { complaint: true } } }, 'o-staff-admin');
    expect(r.ok).toBe(true);
    expect(r.data.sla.workingTime).toEqual({ complaint: true });
    // The community's service-desk hours (none set in the demo: the default).
    expect(r.data.serviceHours).toEqual({ open: '08:30', close: '17:30' });
  });

  test('"3 working days" across National Day ends on the 调休 Saturday; the first response on the first working day', async () => {
    const t = await report('complaint', 'noise', '小区门口垃圾清运不及时，气味很大');
    expect(due(t, 'accept')).toBe(bj('2026-10-08T10:00:00'));
    expect(due(t, 'resolve')).toBe(bj('2026-10-10T10:00:00'));
  });

  test('repairs keep the clock (only complaints were switched on), emergencies always do', async () => {
    const repair = await report('repair', 'doors_windows', '卧室窗户把手松动，关不严');
    expect(due(repair, 'resolve')).toBe(bj('2026-10-01T10:00:00'));
    const { sla } = (await call('getSla', {}, 'o-staff-admin')).data;
    const { warnBeforeMinutes: _w, ...rest } = sla;
    await call('setSla', { sla: { ...rest, workingTime: { complaint: true, repair: true } } }, 'o-staff-admin');
    const emergency = await report('repair', 'elevator_trapped', '电梯困人，3栋1单元电梯停在5楼之间');
    expect(emergency.emergency).toBe(true);
    expect(due(emergency, 'arrive')).toBe(bj('2026-09-30T10:30:00'));
    const ordinary = await report('repair', 'doors_windows', '入户门闭门器漏油');
    // 30 service minutes to accept; 24 h = one working day to finish: the 8th, the first day after the holiday.
    expect(due(ordinary, 'accept')).toBe(bj('2026-09-30T10:30:00'));
    expect(due(ordinary, 'resolve')).toBe(bj('2026-10-08T10:00:00'));
  });

  test('another community is not affected by this one’s setting', async () => {
    const t = await report('complaint', 'noise', '兰亭苑楼道灯不亮已经一周', 'o-resident-lt-01', 'u-lt-1-1-101');
    expect(due(t, 'resolve')).toBe(bj('2026-10-03T10:00:00'));
  });

  test('only the admin changes it', async () => {
    const { sla } = (await call('getSla', {}, 'o-staff-sup')).data;
    const { warnBeforeMinutes: _w, ...rest } = sla;
    expect((await call('setSla', { sla: { ...rest, workingTime: {} } }, 'o-staff-sup')).error.code).toBe('FORBIDDEN');
    expect((await call('setSla', { sla: { ...rest, workingTime: { complaint: 'yes' } } }, 'o-staff-admin')).error.code).toBe('INVALID_INPUT');
  });
});

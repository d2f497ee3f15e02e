import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/**
 * Issue #12: pending and unbound people are not stuck. Anyone signed in may report an emergency
 * in a public area (routed as usual, marked for the desk to verify), through the real `tickets`
 * function and the shared ticket store — and nothing more: no non-emergencies, no in-home
 * reports, nobody else's tickets, and only a few a day.
 */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const COMMUNITY = 'cm-cuihu';
const lift = (extra: Record<string, unknown> = {}) => ({
  communityId: COMMUNITY,
  category: 'elevator_trapped',
  location: { kind: 'public', building: '2栋', area: '2号电梯' },
  contactName: '孙悦',
  contactPhone: '13900000077',
  clientRequestId: rid(),
  ...extra,
});

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:00:00.000Z', frozen: true } });
});
afterAll(() => lc.stop());

test('an unbound person reports a lift emergency: routed as usual, marked for the desk to verify, visible to them', async () => {
  const input = lift();
  const r = await T('reportEmergency', input, 'o-newcomer-01');
  expect(r.ok).toBe(true);
  const ticketId = r.data.ticketId;
  const staff = (await T('get', { ticketId }, 'o-staff-desk')).data;
  expect(staff).toMatchObject({ emergency: true, type: 'repair', categoryLabel: '电梯困人', locationLabel: '2栋 2号电梯', contactName: '孙悦' });
  // Routed as any emergency: to the on-duty engineer, the supervisor alerted.
  expect(staff.status).toBe('assigned');
  expect(staff.timeline.map((e: any) => e.action)).toEqual(expect.arrayContaining(['created', 'routed', 'escalated', 'verify']));
  const verify = staff.timeline.find((e: any) => e.action === 'verify');
  expect(verify).toMatchObject({ label: '待核实报告人', visibility: 'internal' });
  expect((await lc.db.collection('tickets').doc(ticketId).get()).data[0].reporterUnverified).toBe(true);

  // The reporter follows it: in their list and its detail, without the internal note.
  const mine = (await T('listMine', {}, 'o-newcomer-01')).data.items.map((i: any) => i.ticketId);
  expect(mine).toEqual([ticketId]);
  const own = (await T('get', { ticketId }, 'o-newcomer-01')).data;
  expect(own.timeline.some((e: any) => e.visibility === 'internal' || e.action === 'verify')).toBe(false);
  expect(own.actions).toEqual(['cancel', 'message']);
  // A retry of the same tap is the same ticket.
  const again = await T('reportEmergency', input, 'o-newcomer-01');
  expect(again.data).toMatchObject({ ticketId, created: false });
});

test('a pending binding reports the same way; an approved member of the community is not marked', async () => {
  const p = await T('reportEmergency', lift({ category: 'gas_smell', location: { kind: 'public', area: '3栋楼道' } }), 'o-pending-01');
  expect(p.ok).toBe(true);
  expect((await lc.db.collection('tickets').doc(p.data.ticketId).get()).data[0].reporterUnverified).toBe(true);
  const m = await T('reportEmergency', lift({ category: 'outage', location: { kind: 'public', area: '1栋大堂' } }), 'o-resident-01');
  expect(m.ok).toBe(true);
  expect((await lc.db.collection('tickets').doc(m.data.ticketId).get()).data[0].reporterUnverified).toBeUndefined();
});

test('attack: an unbound person cannot report a non-emergency, an in-home problem, or into a community that does not exist', async () => {
  const before = (await lc.db.collection('tickets').count()).total;
  const refused = [
    await T('reportEmergency', lift({ category: 'public_lighting' }), 'o-newcomer-02'),
    await T('reportEmergency', lift({ category: 'noise' }), 'o-newcomer-02'),
    await T('reportEmergency', lift({ category: 'severe_leak', location: { kind: 'home', unitId: 'u-1-1-101' } }), 'o-newcomer-02'),
  ];
  for (const r of refused) expect(r.error).toMatchObject({ code: 'FORBIDDEN', message: '绑定房屋前只能上报公共区域的紧急情况，其他问题请先绑定房屋或拨打物业电话' });
  expect((await T('reportEmergency', lift({ communityId: 'cm-nowhere' }), 'o-newcomer-02')).error.code).toBe('NOT_FOUND');
  // The ordinary create is still for bound residents only.
  const create = await T(
    'create',
    { type: 'repair', category: 'elevator_trapped', location: { kind: 'public', area: '大堂' }, contactPhone: '13900000077', clientRequestId: rid() },
    'o-newcomer-02',
  );
  expect(create.error.code).toBe('FORBIDDEN');
  expect((await lc.db.collection('tickets').count()).total).toBe(before);
});

test('attack: an unbound person cannot see or act on anyone else’s ticket, and their list holds only their own', async () => {
  const other = await T(
    'create',
    {
      type: 'repair',
      category: 'plumbing_electric',
      description: '厨房漏水',
      location: { kind: 'home', unitId: 'u-1-1-101' },
      contactPhone: '13900000001',
      clientRequestId: rid(),
    },
    'o-resident-01',
  );
  const ticketId = other.data.ticketId;
  expect((await T('get', { ticketId }, 'o-newcomer-03')).error.code).toBe('NOT_FOUND');
  expect((await T('act', { action: 'message', ticketId, text: '偷看' }, 'o-newcomer-03')).error.code).toBe('NOT_FOUND');
  expect((await T('act', { action: 'cancel', ticketId, reason: '捣乱' }, 'o-newcomer-03')).error.code).toBe('NOT_FOUND');
  expect((await T('listMine', {}, 'o-newcomer-03')).data.items).toEqual([]);
  // Nor staff actions.
  expect((await T('listQueue', { queue: 'open' }, 'o-newcomer-03')).error.code).toBe('FORBIDDEN');
});

test('attack: a flood of emergency reports from one unbound person stops after the daily limit, with the hotline as the way on', async () => {
  const results = [];
  for (let i = 0; i < 5; i++) results.push(await T('reportEmergency', lift({ location: { kind: 'public', area: `${i + 1}号电梯` } }), 'o-newcomer-03'));
  expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
  expect(results[3].error).toMatchObject({ code: 'RATE_LIMITED', message: '今天的紧急上报次数已达上限，如情况仍在继续，请直接拨打物业电话' });
  // A new Beijing day opens a new window.
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T16:30:00.000Z', frozen: true } });
  expect((await T('reportEmergency', lift(), 'o-newcomer-03')).ok).toBe(true);
});

import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';

/** Issue #17 "Staff report what they find": tickets.staffReport through the real function. */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const found = (extra: Record<string, unknown> = {}) => ({
  type: 'repair',
  category: 'plumbing_electric',
  description: '3栋大堂吊顶渗水，地面有积水',
  location: { kind: 'public', building: '3栋', area: '大堂' },
  clientRequestId: rid(),
  ...extra,
});

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:00:00.000Z', frozen: true } });
  // A second community with a unit of its own.
  await lc.db.collection('communities').add({ _id: 'cm-other', name: '东湖小区', hotline: '021-00000000' });
  await lc.db.collection('units').add({ _id: 'u-other-101', communityId: 'cm-other', building: '1栋', unitNo: '1单元', room: '101', label: '东湖1栋1单元101' });
});
afterAll(() => lc.stop());

describe('staff report what they find', () => {
  test('an engineer files a public-area find: routed as usual, with themselves as first contact and contact, on the timeline as 巡查发现', async () => {
    const photo = await uploadAs(lc, 'o-staff-eng1');
    const r = await T('staffReport', found({ photos: [photo] }), 'o-staff-eng1');
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ created: true, no: expect.stringMatching(/^BX-20261128-\d{4}$/) });
    const t = lc.server.ctx.engine.getById('tickets', r.data.ticketId)!;
    expect(t).toMatchObject({
      communityId: 'cm-cuihu',
      channel: 'staff',
      ownerStaffId: 'st-eng1',
      ownerName: '李强',
      contactName: '李强',
      reporterOpenid: '',
      unitId: null,
      department: 'engineering',
      photos: [photo],
    });
    // Routed as usual (the rules for 水电: the engineers' pool), not forced onto the reporter.
    expect(t.pool).toBe(true);
    const d = (await T('get', { ticketId: r.data.ticketId }, 'o-staff-desk')).data;
    expect(d.ownerName).toBe('李强');
    expect(d.locationLabel).toBe('3栋 大堂');
  });

  test('security files a find in a unit of their community; an emergency category is routed as an emergency', async () => {
    const r = await T(
      'staffReport',
      found({ type: 'repair', category: 'severe_leak', location: { kind: 'home', unitId: 'u-1-1-101' }, description: '101 门缝往外渗水' }),
      'o-staff-sec',
    );
    expect(r.ok).toBe(true);
    const t = lc.server.ctx.engine.getById('tickets', r.data.ticketId)!;
    expect(t).toMatchObject({ unitId: 'u-1-1-101', emergency: true, ownerStaffId: 'st-sec', status: 'assigned' });
  });

  test('a double tap or a retry files one ticket', async () => {
    const input = found();
    const [a, b] = await Promise.all([T('staffReport', input, 'o-staff-eng2'), T('staffReport', input, 'o-staff-eng2')]);
    expect(a.data.ticketId).toBe(b.data.ticketId);
    const again = await T('staffReport', input, 'o-staff-eng2');
    expect(again.data).toMatchObject({ ticketId: a.data.ticketId, created: false });
    expect((await lc.db.collection('tickets').where({ _id: a.data.ticketId }).count()).total).toBe(1);
  });

  test('attacks: a resident, a desk member or an unknown caller cannot call it; another community’s unit is refused; a photo of another ticket is refused', async () => {
    expect((await T('staffReport', found(), 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await T('staffReport', found(), 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
    expect((await T('staffReport', found(), 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const before = (await lc.db.collection('tickets').count()).total;
    const other = await T('staffReport', found({ location: { kind: 'home', unitId: 'u-other-101' } }), 'o-staff-eng1');
    expect(other.error.code).toBe('NOT_FOUND');
    expect((await lc.db.collection('tickets').count()).total).toBe(before);
    // A photo already attached to another ticket cannot be attached again.
    const photo = await uploadAs(lc, 'o-staff-eng1');
    expect((await T('staffReport', found({ photos: [photo] }), 'o-staff-eng1')).ok).toBe(true);
    const after = (await lc.db.collection('tickets').count()).total;
    expect((await T('staffReport', found({ photos: [photo] }), 'o-staff-eng1')).error.code).toBe('INVALID_INPUT');
    expect((await lc.db.collection('tickets').count()).total).toBe(after);
    // Bad input: a consultation, a category of another type, an empty description.
    expect((await T('staffReport', found({ type: 'consultation', category: 'fees' }), 'o-staff-eng1')).error.code).toBe('INVALID_INPUT');
    expect((await T('staffReport', found({ category: 'noise' }), 'o-staff-eng1')).error.message).toBe('问题类别与类型不符');
    expect((await T('staffReport', found({ description: '  ' }), 'o-staff-eng1')).error.message).toBe('请填写发现的问题');
    expect((await lc.db.collection('tickets').count()).total).toBe(after);
  });
});

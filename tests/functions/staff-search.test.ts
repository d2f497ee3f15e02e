/**
 * Issue #12, staff side: search (number, phone, unit, name) and filters over closed tickets too,
 * community scoping, who may look up phones, the desk's queues, the dispatch sheet's loads, desk
 * logging with landlines and the caller lookup, and the completion photo rule — all through the
 * real `tickets` function.
 */
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';

let lc: LocalCloudBase;
const OTHER = 'cm-other';
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const act = (data: Record<string, unknown>, openid: string) => T('act', data, openid);
const PHONE = '13912340077';
const leak = (openid: string, unitId: string, extra: Record<string, unknown> = {}) =>
  T(
    'create',
    { type: 'repair', category: 'plumbing_electric', description: '厨房水管漏水', location: { kind: 'home', unitId }, contactPhone: PHONE, clientRequestId: rid(), ...extra },
    openid,
  );
const ids = (r: any) => r.data.items.map((i: any) => i.ticketId);
const ticketCount = async () => (await lc.db.collection('tickets').count()).total;

let closedId: string;
let closedNo: string;

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:00:00.000Z', frozen: true } });
  // A second community with its own desk, to prove nobody crosses over.
  const e = lc.server.ctx.engine;
  e.insert('communities', [{ _id: OTHER, name: '枫林苑', hotline: '021-00000000' }]);
  e.insert('staff', [{ _id: 'st-x-desk', openid: 'o-x-desk', communityId: OTHER, name: '外小区客服', phone: '15800000099', roles: ['desk', 'admin'], active: true, onDuty: true }]);
  // A leak reported and then cancelled by the resident: closed, gone from every open queue.
  const r = await leak('o-resident-01', 'u-1-1-101');
  closedId = r.data.ticketId;
  closedNo = r.data.no;
  expect((await act({ action: 'cancel', ticketId: closedId, reason: '已自行解决' }, 'o-resident-01')).ok).toBe(true);
});
afterAll(() => lc.stop());

describe('search', () => {
  test("the desk finds a closed ticket by the resident's phone, and by its number, unit and name", async () => {
    const byPhone = await T('search', { q: PHONE }, 'o-staff-desk');
    expect(byPhone.ok).toBe(true);
    expect(byPhone.data.matchedBy).toBe('phone');
    expect(byPhone.data.items.find((i: any) => i.ticketId === closedId)).toMatchObject({ status: 'cancelled', unitId: 'u-1-1-101' });
    // Summaries carry no phone at all (masking is the detail's business).
    expect(JSON.stringify(byPhone.data)).not.toContain(PHONE);
    expect(ids(await T('search', { q: closedNo.toLowerCase() }, 'o-staff-eng1'))).toEqual([closedId]);
    const byUnit = await T('search', { q: '1栋1单元101' }, 'o-staff-eng1');
    expect(byUnit.data.matchedBy).toBe('unit');
    expect(ids(byUnit)).toContain(closedId);
    const name = (await T('get', { ticketId: closedId }, 'o-staff-desk')).data.contactName;
    expect(ids(await T('search', { q: name }, 'o-staff-desk'))).toContain(closedId);
    // A unit's history: every ticket of the flat, closed ones included.
    expect(ids(await T('search', { unitId: 'u-1-1-101' }, 'o-staff-eng1'))).toContain(closedId);
  });

  test('queues: 未完成 leaves the closed ticket out, 已关闭 and 全部 include it', async () => {
    expect(ids(await T('listQueue', { queue: 'open', pageSize: 50 }, 'o-staff-desk'))).not.toContain(closedId);
    expect(ids(await T('listQueue', { queue: 'closed', pageSize: 50 }, 'o-staff-desk'))).toContain(closedId);
    expect(ids(await T('listQueue', { queue: 'all', pageSize: 50 }, 'o-staff-desk'))).toContain(closedId);
    // The tabs count what there is to act on; 已关闭/全部 show their totals on their pages.
    const counts = (await T('queueCounts', {}, 'o-staff-desk')).data;
    expect(Object.keys(counts).sort()).toEqual(['assigned', 'dueSoon', 'open', 'overdue', 'owned', 'pool', 'unassigned']);
    const all = (await T('listQueue', { queue: 'all' }, 'o-staff-desk')).data.total;
    const closed = (await T('listQueue', { queue: 'closed' }, 'o-staff-desk')).data.total;
    expect(all).toBe(counts.open + closed + (await lc.db.collection('tickets').where({ status: 'resolved' }).count()).total);
  });

  test('filters: status, type, category, building, dates; each narrows', async () => {
    const f = (data: Record<string, unknown>) => T('search', { q: PHONE, ...data }, 'o-staff-desk').then(ids);
    expect(await f({ status: 'closed' })).toContain(closedId);
    expect(await f({ status: 'open' })).not.toContain(closedId);
    expect(await f({ type: 'repair', category: 'plumbing_electric' })).toContain(closedId);
    expect(await f({ type: 'complaint' })).toEqual([]);
    expect(await f({ category: 'doors_windows' })).toEqual([]);
    expect(await f({ building: '1栋' })).toContain(closedId);
    expect(await f({ building: '2栋' })).toEqual([]);
    expect(await f({ from: '2026-11-28', to: '2026-11-28' })).toContain(closedId);
    expect(await f({ from: '2026-11-29' })).toEqual([]);
    expect(await f({ to: '2026-11-27' })).toEqual([]);
  });

  test('impossible filters are refused with a clear Chinese message', async () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ from: '2026-11-30', to: '2026-11-01' }, /开始日期不能晚于结束日期/],
      [{ from: '2025-01-01', to: '2026-11-01' }, /日期范围不超过/],
      [{ from: '2026-02-30' }, /日期格式/],
      [{ type: 'complaint', category: 'plumbing_electric' }, /类别不属于所选类型/],
      [{ q: '字'.repeat(41) }, /搜索内容不超过/],
      [{ status: 'everything' }, /./],
    ];
    for (const [data, message] of bad) {
      const r = await T('search', data, 'o-staff-desk');
      expect({ data, code: r.error?.code }).toEqual({ data, code: 'INVALID_INPUT' });
      expect(r.error.message).toMatch(message);
    }
  });

  test('pages follow a cursor without repeats or gaps', async () => {
    for (let i = 0; i < 4; i++) await leak('o-resident-01', 'u-1-1-101');
    const all = ids(await T('search', { unitId: 'u-1-1-101', pageSize: 50 }, 'o-staff-desk'));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await T('search', { unitId: 'u-1-1-101', pageSize: 2, ...(cursor ? { cursor } : {}) }, 'o-staff-desk');
      seen.push(...ids(p));
      cursor = p.data.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  test('another community sees nothing; residents are refused; engineers may not look up phones', async () => {
    expect((await T('search', { q: PHONE }, 'o-x-desk')).data.items).toEqual([]);
    expect((await T('search', { q: closedNo }, 'o-x-desk')).data.items).toEqual([]);
    expect((await T('search', { unitId: 'u-1-1-101' }, 'o-x-desk')).data.items).toEqual([]);
    expect((await T('listQueue', { queue: 'all' }, 'o-x-desk')).data.items).toEqual([]);
    expect((await T('search', { q: PHONE }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await T('lookupCaller', { phone: PHONE }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    const eng = await T('search', { q: PHONE }, 'o-staff-eng1');
    expect(eng.error).toMatchObject({ code: 'FORBIDDEN', message: '仅客服、主管和管理员可以按电话查找' });
    expect((await T('lookupCaller', { phone: PHONE }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
  });

  test('walking phone numbers is rate-limited', async () => {
    let refused: any = null;
    for (let i = 0; i < 130 && !refused; i++) {
      const r = await T('search', { q: `1390000${String(i).padStart(4, '0')}` }, 'o-staff-sup');
      if (!r.ok) refused = r;
    }
    expect(refused?.error.code).toBe('RATE_LIMITED');
  });
});

describe('desk queues and dispatch', () => {
  test('待派单 holds the unassigned; 已超时 for the desk covers unassigned tickets; overdue and emergencies first', async () => {
    const pending = await leak('o-resident-02', 'u-1-1-202');
    expect(ids(await T('listQueue', { queue: 'unassigned', pageSize: 50 }, 'o-staff-desk'))).toContain(pending.data.ticketId);
    await lc.dev('/api/dev/clock', { body: { advanceMs: 3 * 3600_000 } });
    const emergency = await leak('o-resident-03', 'u-1-1-402', { category: 'severe_leak', description: '' });
    const overdue = ids(await T('listQueue', { queue: 'overdue', pageSize: 50 }, 'o-staff-desk'));
    expect(overdue).toContain(pending.data.ticketId);
    // An engineer's 已超时 is their own tickets only.
    expect(ids(await T('listQueue', { queue: 'overdue', pageSize: 50 }, 'o-staff-eng1'))).not.toContain(pending.data.ticketId);
    // Three hours pass: the tickets timer (each minute) has marked the breaches, which orders the queues.
    expect((await lc.dev('/api/dev/timers/tickets', { body: {} })).ok).toBe(true);
    const open = (await T('listQueue', { queue: 'open', pageSize: 50 }, 'o-staff-desk')).data.items;
    const firstNotOverdue = open.findIndex((i: any) => i.nextDue?.state !== 'overdue');
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(open.slice(firstNotOverdue).some((i: any) => i.nextDue?.state === 'overdue')).toBe(false);
    // The new emergency is the first of the tickets not yet overdue.
    expect(open[firstNotOverdue].ticketId).toBe(emergency.data.ticketId);
    // Offset pages over the segments add up to the whole list.
    const p1 = (await T('listQueue', { queue: 'open', pageSize: 3 }, 'o-staff-desk')).data;
    const p2 = (await T('listQueue', { queue: 'open', pageSize: 3, cursor: p1.nextCursor }, 'o-staff-desk')).data;
    expect([...p1.items, ...p2.items].map((i: any) => i.ticketId)).toEqual(open.slice(0, 6).map((i: any) => i.ticketId));
  });

  test('paused tickets come last (newest first), after every running one; pages of any size walk the same order', async () => {
    const eng1 = (await lc.db.collection('staff').where({ openid: 'o-staff-eng1' }).limit(1).get()).data[0] as any;
    const paused: string[] = [];
    for (let i = 0; i < 2; i++) {
      const t = (await leak('o-resident-01', 'u-1-1-101')).data.ticketId;
      expect((await act({ action: 'dispatch', ticketId: t, staffId: eng1._id }, 'o-staff-desk')).ok).toBe(true);
      expect((await act({ action: 'accept', ticketId: t }, 'o-staff-eng1')).ok).toBe(true);
      expect((await act({ action: 'pause', ticketId: t, reason: '等待配件', expectedAt: '2026-12-30T10:00:00+08:00' }, 'o-staff-eng1')).data.status).toBe('paused');
      paused.unshift(t);
      await lc.dev('/api/dev/clock', { body: { advanceMs: 60_000 } }); // the second is the newer
    }
    const running = await leak('o-resident-01', 'u-1-1-101');
    expect((await act({ action: 'dispatch', ticketId: running.data.ticketId, staffId: eng1._id }, 'o-staff-desk')).ok).toBe(true);
    for (const [queue, who] of [
      ['assigned', 'o-staff-eng1'],
      ['open', 'o-staff-desk'],
    ] as const) {
      const whole = (await T('listQueue', { queue, pageSize: 50 }, who)).data;
      const items = whole.items.map((i: any) => i.ticketId);
      expect(whole.total).toBe(items.length);
      expect(items.slice(-2)).toEqual(paused);
      expect(items).toContain(running.data.ticketId);
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const p = (await T('listQueue', { queue, pageSize: 2, ...(cursor ? { cursor } : {}) }, who)).data;
        expect(p.total).toBe(whole.total);
        walked.push(...p.items.map((i: any) => i.ticketId));
        cursor = p.nextCursor;
      } while (cursor);
      expect(walked).toEqual(items);
    }
  });

  test("the dispatch list shows each person's open load and on-duty state; dispatching raises the load", async () => {
    const before = (await T('departmentStaff', { department: 'engineering' }, 'o-staff-desk')).data;
    const eng2 = before.find((s: any) => s.name === '赵建国');
    expect(eng2).toMatchObject({ onDuty: expect.any(Boolean), openLoad: expect.any(Number) });
    const t = await leak('o-resident-04', 'u-1-2-201');
    const done = await act({ action: 'dispatch', ticketId: t.data.ticketId, staffId: eng2.staffId }, 'o-staff-desk');
    expect(done.ok).toBe(true);
    const after = (await T('departmentStaff', { department: 'engineering' }, 'o-staff-desk')).data;
    expect(after.find((s: any) => s.staffId === eng2.staffId).openLoad).toBe(eng2.openLoad + 1);
    expect((await T('get', { ticketId: t.data.ticketId }, 'o-staff-desk')).data).toMatchObject({ status: 'assigned', assigneeName: '赵建国' });
  });
});

describe('desk logging', () => {
  const logged = (contactPhone: string, extra: Record<string, unknown> = {}) =>
    T(
      'createOnBehalf',
      {
        type: 'repair',
        category: 'plumbing_electric',
        description: '来电：卫生间漏水',
        location: { kind: 'home', unitId: 'u-1-1-101' },
        contactName: '张先生',
        contactPhone,
        channel: 'phone',
        clientRequestId: rid(),
        ...extra,
      },
      'o-staff-desk',
    );

  test('landlines are accepted (区号-号码, optional extension)', async () => {
    for (const p of ['010-12345678', '0755-1234567', '021-62880000-123', '01062880000']) {
      const r = await logged(p);
      expect({ p, ok: r.ok, error: r.error }).toEqual({ p, ok: true, error: undefined });
      expect((await T('get', { ticketId: r.data.ticketId }, 'o-staff-desk')).data.contactPhone).toBe(p);
    }
  });

  test('bad numbers are refused with nothing written', async () => {
    const before = await ticketCount();
    for (const p of ['12345', '010-123', '010-01234567', '23912345678', '0755-12345678901', '电话', '']) {
      const r = await logged(p);
      expect({ p, code: r.error?.code }).toEqual({ p, code: 'INVALID_INPUT' });
      expect(r.error.message).toMatch(/手机号或座机号/);
    }
    expect(await ticketCount()).toBe(before);
  });

  test('the caller is looked up by phone or unit, in the community only', async () => {
    const seededOwner = (await lc.db.collection('memberships').where({ unitId: 'u-1-1-101', status: 'approved', relation: 'owner' }).get()).data[0] as any;
    const byPhone = (await T('lookupCaller', { phone: seededOwner.phone }, 'o-staff-desk')).data;
    expect(byPhone[0]).toMatchObject({ name: seededOwner.name, unitId: 'u-1-1-101', unitLabel: '1栋1单元101', source: '业主' });
    // A landline known from an earlier call.
    const landline = (await T('lookupCaller', { phone: '010-12345678' }, 'o-staff-desk')).data;
    expect(landline).toContainEqual(expect.objectContaining({ name: '张先生', unitId: 'u-1-1-101', source: '历史来电' }));
    const byUnit = (await T('lookupCaller', { unitId: 'u-1-1-101' }, 'o-staff-desk')).data;
    expect(byUnit[0]).toMatchObject({ name: seededOwner.name, phoneMasked: `*******${seededOwner.phone.slice(7)}` });
    expect(JSON.stringify(byUnit)).not.toContain(seededOwner.phone);
    expect((await T('lookupCaller', { phone: seededOwner.phone }, 'o-x-desk')).data).toEqual([]);
    expect((await T('lookupCaller', { unitId: 'u-1-1-101' }, 'o-x-desk')).error.code).toBe('NOT_FOUND');
    expect((await T('lookupCaller', { phone: '12' }, 'o-staff-desk')).error.code).toBe('INVALID_INPUT');
  });
});

describe('completion', () => {
  async function readyRepair() {
    // A public-area repair: no in-home consent step.
    const r = await T(
      'create',
      {
        type: 'repair',
        category: 'plumbing_electric',
        description: '大堂灯不亮',
        location: { kind: 'public', building: '1栋', area: '大堂' },
        contactPhone: PHONE,
        clientRequestId: rid(),
      },
      'o-resident-05',
    );
    const ticketId = r.data.ticketId;
    const d = (await T('get', { ticketId }, 'o-staff-desk')).data;
    const eng1 = (await T('departmentStaff', { department: 'engineering' }, 'o-staff-desk')).data.find((s: any) => s.name === '李强');
    if (d.actions.includes('dispatch')) expect((await act({ action: 'dispatch', ticketId, staffId: eng1.staffId }, 'o-staff-desk')).ok).toBe(true);
    const g = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    if (g.actions.includes('accept')) await act({ action: 'accept', ticketId }, 'o-staff-eng1');
    await act({ action: 'arrive', ticketId }, 'o-staff-eng1');
    return ticketId;
  }

  test('a repair needs a photo by default; parts and fee are recorded and shown', async () => {
    const ticketId = await readyRepair();
    expect((await T('get', { ticketId }, 'o-staff-eng1')).data.completionPhotoRequired).toBe(true);
    const refused = await act({ action: 'complete', ticketId, text: '已更换灯管', photos: [] }, 'o-staff-eng1');
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', message: '请上传至少 1 张完工照片' });
    expect((await T('get', { ticketId }, 'o-staff-eng1')).data.status).not.toBe('resolved');
    const badFee = await act({ action: 'complete', ticketId, text: '已更换灯管', photos: [], fee: -1 }, 'o-staff-eng1');
    expect(badFee.error.message).toMatch(/费用应为/);
    const photo = await uploadAs(lc, 'o-staff-eng1');
    const ok = await act({ action: 'complete', ticketId, text: '已更换灯管', photos: [photo], parts: 'LED 灯管 ×2', fee: 35.5 }, 'o-staff-eng1');
    expect(ok.ok).toBe(true);
    const d = (await T('get', { ticketId }, 'o-resident-05')).data;
    expect(d.completion).toEqual({ parts: 'LED 灯管 ×2', fee: 35.5 });
    expect(d.timeline.find((e: any) => e.action === 'complete').text).toContain('费用：35.5 元');
  });

  test('not when the community turned it off; only admins may change it', async () => {
    expect((await T('setTicketSettings', { completionPhotoRequired: false }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await T('setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).data).toEqual({ completionPhotoRequired: false });
    const ticketId = await readyRepair();
    expect((await T('get', { ticketId }, 'o-staff-eng1')).data.completionPhotoRequired).toBe(false);
    expect((await act({ action: 'complete', ticketId, text: '已更换灯管', photos: [] }, 'o-staff-eng1')).ok).toBe(true);
    // The other community's setting is its own.
    expect((await T('getTicketSettings', {}, 'o-x-desk')).data).toEqual({ completionPhotoRequired: true });
  });
});

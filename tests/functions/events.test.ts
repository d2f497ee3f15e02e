import ExcelJS from 'exceljs';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';

/** Issue 14: community events — plan, review, sign-up under concurrency, waitlist, check-in, feedback, summary. */
let lc: LocalCloudBase;
const HOUR = 3600_000;
const NOW = new Date('2026-12-01T02:00:00.000Z'); // 10:00 北京时间
const at = (h: number) => new Date(NOW.getTime() + h * HOUR).toISOString();
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const E = (action: string, data: unknown, openid: string) => lc.call('events', action, data, openid);
const setClock = (iso: string) => lc.dev('/api/dev/clock', { body: { set: iso, frozen: true } });
const tick = () => lc.dev('/api/dev/timers/events', { method: 'POST' });
const OTHER = 'cm-other';
/** 120 extra households (one person each) for the concurrency tests. */
const T = (i: number) => `o-t-${String(i).padStart(3, '0')}`;

const plan = (extra: Record<string, unknown> = {}) => ({
  title: '邻里亲子手工课',
  theme: 'craft',
  startAt: at(72),
  endAt: at(74),
  place: '会所二楼活动室',
  agenda: '14:00 签到；14:15 手工纸灯笼制作；15:30 作品展示与合影。',
  ageGroups: ['child', 'adult'],
  interests: ['parenting', 'craft'],
  organisation: { lead: '王敏', staff: ['刘洋'], volunteers: ['张小雨'], roles: '王敏负责签到，刘洋负责现场秩序' },
  safety: '活动室保持通道畅通；剪刀由工作人员分发回收；现场配备急救箱。',
  capacity: 10,
  perHousehold: 3,
  membersCount: true,
  signUpOpensAt: at(-1),
  signUpClosesAt: at(70),
  cancelCutoffHours: 24,
  cost: '免费，材料由物业提供',
  budget: 300,
  feedbackQuestions: ['content', 'organisation'],
  clientRequestId: rid(),
  ...extra,
});

/** Create and publish (as a supervisor: no review). */
async function published(extra: Record<string, unknown> = {}) {
  const c = await E('create', plan(extra), 'o-staff-sup');
  expect(c.ok).toBe(true);
  const p = await E('submit', { eventId: c.data.eventId }, 'o-staff-sup');
  expect(p.data.status).toBe('published');
  return c.data.eventId as string;
}

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await setClock(NOW.toISOString());
  const e = lc.server.ctx.engine;
  const units = [];
  const members = [];
  for (let i = 0; i < 120; i++) {
    units.push({
      _id: `u-t-${i}`,
      communityId: 'cm-cuihu',
      building: '9栋',
      unitNo: '1单元',
      room: String(1000 + i),
      label: `9栋1单元${1000 + i}`,
      ownerName: `测试${i}`,
      ownerPhone: '13900000000',
    });
    members.push({
      _id: `m-t-${i}`,
      openid: T(i),
      unitId: `u-t-${i}`,
      communityId: 'cm-cuihu',
      name: `住户${i}`,
      phone: '13900000000',
      relation: 'owner',
      status: 'approved',
      requestKey: `t-${i}`,
      createdAt: NOW,
    });
  }
  e.insert('communities', [{ _id: OTHER, name: '枫林苑', hotline: '021-00000000' }]);
  units.push({ _id: 'u-x-1', communityId: OTHER, building: '9栋', unitNo: '1单元', room: '101', label: '9栋1单元101', ownerName: '外人', ownerPhone: '13900000999' });
  members.push({
    _id: 'm-x-1',
    openid: 'o-x-res',
    unitId: 'u-x-1',
    communityId: OTHER,
    name: '外人',
    phone: '13900000999',
    relation: 'owner',
    status: 'approved',
    requestKey: 'x',
    createdAt: NOW,
  });
  e.insert('units', units);
  e.insert('memberships', members);
  e.insert('staff', [
    {
      _id: 'st-x-admin',
      openid: 'o-x-admin',
      communityId: OTHER,
      name: '外小区管理员',
      phone: '15800000099',
      roles: ['desk', 'admin', 'supervisor'],
      active: true,
      onDuty: true,
      createdAt: NOW,
    },
  ]);
}, 60_000);
afterAll(() => lc.stop());

describe('plan, review, publish', () => {
  test('a desk plan goes to review; a supervisor approves; residents see it only once published', async () => {
    const c = await E('create', plan(), 'o-staff-desk');
    expect(c.data).toMatchObject({ status: 'draft', phaseLabel: '草稿', themeLabel: '手工' });
    expect(c.data.actions.map((a: any) => a.key)).toEqual(['edit', 'submit', 'cancelEvent']);
    const id = c.data.eventId;
    expect((await E('get', { eventId: id }, 'o-resident-01')).error.code).toBe('NOT_FOUND');
    const s = await E('submit', { eventId: id }, 'o-staff-desk');
    expect(s.data).toMatchObject({ status: 'review', phaseLabel: '待审核' });
    expect((await E('review', { eventId: id, approve: true }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await E('get', { eventId: id }, 'o-resident-01')).error.code).toBe('NOT_FOUND');
    const ok = await E('review', { eventId: id, approve: true }, 'o-staff-sup');
    expect(ok.data).toMatchObject({ status: 'published', phase: 'upcoming', review: { byName: '刘洋', approved: true } });
    const seen = await E('get', { eventId: id }, 'o-resident-01');
    expect(seen.data).toMatchObject({ title: '邻里亲子手工课', safety: expect.stringContaining('急救箱'), seatsLeft: 10, waitlisted: 0 });
    expect(seen.data.actions.map((a: any) => a.key)).toEqual(['signUp']);
    // A desk may not move what the supervisor approved.
    expect((await E('change', { eventId: id, place: '小区广场', message: '改到广场' }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
  });

  test('safety measures are required; bad plans are refused and nothing is written', async () => {
    const before = lc.server.ctx.engine.count('events', {});
    const { safety: _s, ...noSafety } = plan();
    const r1 = await E('create', noSafety, 'o-staff-sup');
    expect(r1.error.code).toBe('INVALID_INPUT');
    const r2 = await E('create', plan({ safety: '  ' }), 'o-staff-sup');
    expect(r2.error).toMatchObject({ code: 'INVALID_INPUT', message: '请填写安全保障措施' });
    const r3 = await E('create', plan({ endAt: at(71) }), 'o-staff-sup');
    expect(r3.error).toMatchObject({ code: 'INVALID_INPUT', message: '结束时间需晚于开始时间' });
    const r4 = await E('create', plan({ signUpClosesAt: at(73) }), 'o-staff-sup');
    expect(r4.error.message).toBe('报名截止时间不能晚于活动开始时间');
    const r5 = await E('create', plan({ capacity: 0 }), 'o-staff-sup');
    expect(r5.error.message).toBe('名额至少 1 人');
    expect(lc.server.ctx.engine.count('events', {})).toBe(before);
  });

  test('only planners create, only reviewers review; the same request twice makes one event', async () => {
    for (const who of ['o-staff-eng1', 'o-staff-sec', 'o-resident-01', 'o-newcomer-01']) expect((await E('create', plan(), who)).error.code).toBe('FORBIDDEN');
    const p = plan();
    const [a, b] = await Promise.all([E('create', p, 'o-staff-sup'), E('create', p, 'o-staff-sup')]);
    expect(a.data.eventId).toBe(b.data.eventId);
    expect(lc.server.ctx.engine.count('events', { _id: a.data.eventId })).toBe(1);
  });

  test('a cover image must be an upload issued to the planner', async () => {
    const mine = await uploadAs(lc, 'o-staff-sup', { fn: 'events' as any, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), contentType: 'image/jpeg' });
    const ok = await E('create', plan({ cover: mine }), 'o-staff-sup');
    expect(ok.ok).toBe(true);
    const theirs = await uploadAs(lc, 'o-x-admin', { fn: 'events' as any, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), contentType: 'image/jpeg' });
    const bad = await E('create', plan({ cover: theirs }), 'o-staff-sup');
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', message: '文件不存在或无权使用，请重新上传' });
  });
});

describe('sign-up under concurrency', () => {
  test('100 concurrent sign-ups for 10 seats: exactly 10 confirmed, the rest waitlisted in the order they were taken', async () => {
    const id = await published({ capacity: 10, perHousehold: 1 });
    const res = await Promise.all(Array.from({ length: 100 }, (_, i) => E('signUp', { eventId: id }, T(i))));
    expect(res.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    expect(res.filter((r) => r.data.status === 'confirmed')).toHaveLength(10);
    expect(res.filter((r) => r.data.status === 'waitlisted')).toHaveLength(90);
    const regs = lc.server.ctx.engine.find('event_registrations', { eventId: id }, {}) as any[];
    expect(regs).toHaveLength(100);
    const bySeq = [...regs].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Arrival order = the order the counter took them: the first ten confirmed, then the queue.
    expect(bySeq.slice(0, 10).every((r) => r.status === 'confirmed')).toBe(true);
    expect(bySeq.slice(10).every((r) => r.status === 'waitlisted')).toBe(true);
    const counter = lc.server.ctx.engine.getById('event_counters', id) as any;
    expect(counter.taken).toBe(10);
    expect(counter.waitlist.map((w: any) => w.id)).toEqual(bySeq.slice(10).map((r) => r._id));
    // Each waitlisted household sees its position.
    const w = res.find((r) => r.data.status === 'waitlisted' && r.data.position === 1);
    expect(w).toBeDefined();
    const list = await E('list', { tab: 'upcoming' }, T(0));
    expect(list.data.items.find((x: any) => x.eventId === id)).toMatchObject({ capacity: 10, seatsLeft: 0, waitlisted: 90 });
  }, 120_000);

  test('concurrent cancels promote the waitlist strictly in order, each promoted household told once', async () => {
    const id = await published({ capacity: 4, perHousehold: 1 });
    for (let i = 0; i < 10; i++) expect((await E('signUp', { eventId: id }, T(100 + i))).data.status).toBe(i < 4 ? 'confirmed' : 'waitlisted');
    // Three of the four confirmed cancel at once, one of them twice (a retry).
    const cancels = await Promise.all([T(100), T(101), T(102), T(102)].map((o) => E('cancel', { eventId: id }, o)));
    expect(cancels.filter((c) => c.ok)).toHaveLength(3);
    expect(cancels.find((c) => !c.ok).error.code).toBe('NOT_FOUND');
    const regs = lc.server.ctx.engine.find('event_registrations', { eventId: id }, {}) as any[];
    const status = (o: string) => regs.find((r) => r.openid === o).status;
    expect([104, 105, 106].map((i) => status(T(i)))).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect([107, 108, 109].map((i) => status(T(i)))).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);
    const counter = lc.server.ctx.engine.getById('event_counters', id) as any;
    expect(counter.taken).toBe(4);
    for (const i of [104, 105, 106]) {
      const inbox = await lc.call('inbox', 'list', {}, T(i));
      const msgs = inbox.data.items.filter((m: any) => m.kind === 'event-promoted');
      expect(msgs).toHaveLength(1);
      expect(msgs[0].title).toContain('候补成功');
    }
    expect((await lc.call('inbox', 'list', {}, T(107))).data.items.filter((m: any) => m.kind === 'event-promoted')).toHaveLength(0);
    const mine = await E('get', { eventId: id }, T(107));
    expect(mine.data.mine).toMatchObject({ status: 'waitlisted', position: 1 });
  }, 60_000);
});

describe('household seats and rules', () => {
  let id: string;
  beforeAll(async () => {
    id = await published({ capacity: 5, perHousehold: 3, cancelCutoffHours: 24 });
  });

  test('a household asks for seats; members of the same home share one registration', async () => {
    const a = await E('signUp', { eventId: id, people: 3 }, 'o-resident-01');
    expect(a.data).toMatchObject({ status: 'confirmed', people: 3 });
    // 张小雨 lives in the same home: the household is already signed up.
    const b = await E('signUp', { eventId: id, people: 1 }, 'o-family-01');
    expect(b.error).toMatchObject({ code: 'CONFLICT', message: '您家已报名该活动，无需重复报名' });
    expect((await E('get', { eventId: id }, 'o-family-01')).data.mine).toMatchObject({ status: 'confirmed', people: 3 });
    // Over the allowance.
    const c = await E('signUp', { eventId: id, people: 4 }, 'o-resident-02');
    expect(c.error).toMatchObject({ code: 'INVALID_INPUT', message: '该活动每户最多报名 3 人' });
    // Three more seats do not fit in the two left: waitlisted, although one smaller household would fit later.
    expect((await E('signUp', { eventId: id, people: 3 }, 'o-resident-02')).data.status).toBe('waitlisted');
    expect((await E('signUp', { eventId: id, people: 1 }, 'o-resident-03')).data.status).toBe('waitlisted');
    const s = await E('get', { eventId: id }, 'o-resident-04');
    expect(s.data).toMatchObject({ seatsLeft: 2, waitlisted: 2 });
  });

  test('a retried sign-up with the same request id answers the same; a different one is refused', async () => {
    const key = rid();
    const first = await E('signUp', { eventId: id, people: 1, clientRequestId: key }, 'o-resident-05');
    const again = await E('signUp', { eventId: id, people: 1, clientRequestId: key }, 'o-resident-05');
    expect(again.data.status).toBe(first.data.status);
    expect(lc.server.ctx.engine.count('event_registrations', { eventId: id, openid: 'o-resident-05' })).toBe(1);
  });

  test('members not counted: a household takes one seat whatever its size', async () => {
    const id2 = await published({ capacity: 2, perHousehold: 4, membersCount: false });
    expect((await E('signUp', { eventId: id2, people: 4 }, 'o-resident-06')).data.status).toBe('confirmed');
    expect((await E('signUp', { eventId: id2, people: 4 }, 'o-resident-07')).data.status).toBe('confirmed');
    expect((await E('signUp', { eventId: id2, people: 1 }, 'o-resident-08')).data.status).toBe('waitlisted');
  });

  test('window and cutoff: not before it opens, not after it closes; no cancelling inside the cutoff', async () => {
    const later = await published({ signUpOpensAt: at(5), signUpClosesAt: at(48), startAt: at(72), endAt: at(74) });
    expect((await E('signUp', { eventId: later }, 'o-resident-09')).error).toMatchObject({ code: 'CONFLICT', message: '报名尚未开始' });
    await setClock(at(49));
    expect((await E('signUp', { eventId: later }, 'o-resident-09')).error.message).toBe('报名已截止');
    // Inside 24 h of the start of `id` (starts at +72): cancelling is refused.
    await setClock(at(50));
    const c = await E('cancel', { eventId: id }, 'o-resident-01');
    expect(c.error).toMatchObject({ code: 'CONFLICT', message: '活动开始前 24 小时内不能取消报名，如有变化请联系物业' });
    await setClock(NOW.toISOString());
  });

  test('a cancelled event refuses sign-ups, and everyone registered is told', async () => {
    const id3 = await published({ capacity: 3 });
    await E('signUp', { eventId: id3 }, 'o-resident-10');
    const c = await E('cancelEvent', { eventId: id3, reason: '天气预报有大风' }, 'o-staff-sup');
    expect(c.data).toMatchObject({ status: 'cancelled', told: 1 });
    expect((await E('signUp', { eventId: id3 }, 'o-resident-11')).error).toMatchObject({ code: 'CONFLICT', message: '活动已取消' });
    const inbox = await lc.call('inbox', 'list', {}, 'o-resident-10');
    expect(inbox.data.items.find((m: any) => m.kind === 'event-cancelled').body).toContain('天气预报有大风');
  });

  test('bad input: clear errors, nothing written', async () => {
    const before = lc.server.ctx.engine.count('event_registrations', {});
    expect((await E('signUp', { eventId: id, people: 0 }, 'o-resident-12')).error).toMatchObject({ code: 'INVALID_INPUT', message: '至少报名 1 人' });
    expect((await E('signUp', { eventId: id, people: 1.5 }, 'o-resident-12')).error.code).toBe('INVALID_INPUT');
    expect((await E('signUp', { eventId: id, extra: 1 }, 'o-resident-12')).error.code).toBe('INVALID_INPUT');
    expect((await E('signUp', { eventId: 'ev-nope' }, 'o-resident-12')).error.code).toBe('NOT_FOUND');
    expect((await E('signUp', { eventId: id, unitId: 'u-1-1-101' }, 'o-resident-12')).error.code).toBe('FORBIDDEN');
    expect(lc.server.ctx.engine.count('event_registrations', {})).toBe(before);
  });
});

describe('permissions', () => {
  test('another community sees nothing and can do nothing', async () => {
    const id = await published({ capacity: 3 });
    expect((await E('get', { eventId: id }, 'o-x-res')).error.code).toBe('NOT_FOUND');
    expect((await E('signUp', { eventId: id }, 'o-x-res')).error.code).toBe('NOT_FOUND');
    const list = await E('list', { tab: 'upcoming' }, 'o-x-res');
    expect(list.data.items).toEqual([]);
    expect((await E('staffGet', { eventId: id }, 'o-x-admin')).error.code).toBe('NOT_FOUND');
    expect((await E('registrations', { eventId: id }, 'o-x-admin')).error.code).toBe('NOT_FOUND');
    expect((await E('cancelEvent', { eventId: id, reason: '捣乱' }, 'o-x-admin')).error.code).toBe('NOT_FOUND');
    expect((await E('staffList', {}, 'o-x-admin')).data.items).toEqual([]);
  });

  test('engineers cannot check in; residents cannot see registrations; a guessed code finds nothing and guessing is limited', async () => {
    const id = await published({ capacity: 3, startAt: at(0.5), endAt: at(2), signUpClosesAt: at(0.4), cancelCutoffHours: 0 });
    const s = await E('signUp', { eventId: id }, 'o-resident-01');
    expect(s.data.status).toBe('confirmed');
    const code = (await E('myCode', { eventId: id }, 'o-resident-01')).data.code;
    expect(code).toMatch(/^[0-9A-F]{16}$/);
    expect((await E('checkIn', { eventId: id, code }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await E('registrations', { eventId: id }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await E('myCode', { eventId: id }, 'o-resident-02')).error.code).toBe('NOT_FOUND');
    expect((await E('checkIn', { eventId: id, code: '0000000000000000' }, 'o-staff-sec')).error).toMatchObject({ code: 'NOT_FOUND', message: '签到码无效，请核对后重试' });
    const ok = await E('checkIn', { eventId: id, code }, 'o-staff-sec');
    expect(ok.data).toMatchObject({ status: 'attended', already: false, unitLabel: '1栋1单元101' });
    expect((await E('checkIn', { eventId: id, code }, 'o-staff-sec')).data.already).toBe(true);
    // Guessing: the code lookup stops a script long before it could cover 16 hex digits.
    let limited = 0;
    for (let i = 0; i < 125 && !limited; i++) {
      const r = await E('checkIn', { eventId: id, code: `FFFF${String(i).padStart(12, '0')}` }, 'o-staff-desk');
      if (r.error?.code === 'RATE_LIMITED') limited = i;
    }
    expect(limited).toBeGreaterThan(100);
  }, 60_000);
});

describe('the day, feedback, summary, export, analysis', () => {
  test('reminder before, check-in, notes, feedback after, summary and export', async () => {
    await setClock(NOW.toISOString());
    const id = await published({ capacity: 3, perHousehold: 2, startAt: at(20), endAt: at(22), signUpClosesAt: at(19), cancelCutoffHours: 2 });
    for (const o of ['o-resident-01', 'o-resident-02', 'o-resident-03', 'o-resident-04']) await E('signUp', { eventId: id, people: 1 }, o);
    await tick();
    await tick(); // an overlapping run sends nothing twice
    const rem = (await lc.call('inbox', 'list', {}, 'o-resident-01')).data.items.filter((m: any) => m.kind === 'event-reminder' && m.target.id === id);
    expect(rem).toHaveLength(1);
    expect(rem[0].body).toContain('会所二楼活动室');
    expect((await lc.call('inbox', 'list', {}, 'o-resident-04')).data.items.filter((m: any) => m.kind === 'event-reminder' && m.target.id === id)).toHaveLength(0);
    await setClock(at(20.1));
    for (const o of ['o-resident-01', 'o-resident-02']) {
      const code = (await E('myCode', { eventId: id }, o)).data.code;
      expect((await E('checkIn', { eventId: id, code }, 'o-staff-desk')).ok).toBe(true);
    }
    expect((await E('note', { eventId: id, text: '到场踊跃，灯笼材料略有不足' }, 'o-staff-desk')).data.notes).toHaveLength(1);
    expect((await E('feedback', { eventId: id, rating: 5 }, 'o-resident-01')).error.message).toBe('活动结束后才能评价');
    await setClock(at(23));
    await tick();
    expect((await lc.call('inbox', 'list', {}, 'o-resident-02')).data.items.some((m: any) => m.kind === 'event-feedback' && m.target.id === id)).toBe(true);
    expect((await E('get', { eventId: id }, 'o-resident-01')).data.actions.map((a: any) => a.key)).toEqual(['feedback']);
    expect((await E('feedback', { eventId: id, rating: 5, answers: { content: 5, organisation: 4 }, comment: '孩子很喜欢' }, 'o-resident-01')).ok).toBe(true);
    expect((await E('feedback', { eventId: id, rating: 3 }, 'o-resident-01')).error.message).toBe('您已评价过该活动，感谢您的反馈');
    expect((await E('feedback', { eventId: id, rating: 4, answers: { safety: 2 } }, 'o-resident-02')).error.message).toBe('评价中有本活动没有的问题');
    expect((await E('feedback', { eventId: id, rating: 4 }, 'o-resident-02')).ok).toBe(true);
    expect((await E('feedback', { eventId: id, rating: 4 }, 'o-resident-04')).error.code).toBe('FORBIDDEN');
    const closed = await E('close', { eventId: id, actualCost: 280, keep: '提前备料', change: '材料多备两成' }, 'o-staff-sup');
    expect(closed.data).toMatchObject({
      registrations: { households: 3, people: 3 },
      attended: { households: 2, people: 2 },
      attendanceRate: 67,
      satisfaction: { responses: 2, rating: 4.5 },
      costs: { budget: 300, actual: 280, perAttendee: 140 },
      phaseLabel: '已总结',
    });
    expect(closed.data.noShows).toEqual([expect.objectContaining({ name: expect.any(String), people: 1 })]);
    expect(closed.data.comments[0].comment).toBe('孩子很喜欢');

    const x = await E('export', { eventId: id }, 'o-staff-sup');
    expect(x.data.rows).toBe(4);
    const bytes = Buffer.from(await (await fetch(x.data.url)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as any);
    const ws = wb.getWorksheet('报名名单')!;
    expect(ws.getRow(1).getCell(2).value).toBe('房屋');
    const statuses = [2, 3, 4, 5].map((n) => ws.getRow(n).getCell(6).value);
    expect(statuses.filter((s) => s === '已签到')).toHaveLength(2);
    expect(statuses).toContain('候补中');
    expect((await E('export', { eventId: id }, 'o-staff-sec')).error.code).toBe('FORBIDDEN');

    const a = await E('analysis', {}, 'o-staff-sup');
    const craft = a.data.themes.find((t: any) => t.key === 'craft');
    expect(craft.attended).toBeGreaterThanOrEqual(2);
    expect(a.data.weekdays.length).toBeGreaterThan(0);
    await setClock(NOW.toISOString());
  }, 60_000);
});

import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { PNG, uploadAs } from '../helpers/uploads';

let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const act = (data: Record<string, unknown>, openid: string) => T('act', data, openid);
const TPL = ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_TICKET_REPLY'];
/** Each seeded owner's home (see emulator/seed.ts). */
const HOME: Record<string, string> = {
  'o-resident-01': 'u-1-1-101',
  'o-resident-02': 'u-1-1-202',
  'o-resident-03': 'u-1-1-402',
  'o-resident-04': 'u-1-2-201',
  'o-resident-05': 'u-1-2-501',
  'o-resident-06': 'u-2-1-102',
  'o-resident-07': 'u-2-1-302',
  'o-resident-08': 'u-2-2-202',
};
const leak = (extra: Record<string, unknown> = {}, who = 'o-resident-01') => ({
  type: 'repair',
  category: 'plumbing_electric',
  description: '厨房水管漏水',
  location: { kind: 'home', unitId: HOME[who] },
  contactPhone: '13900000001',
  subscribed: TPL,
  clientRequestId: rid(),
  ...extra,
});
const setClock = (iso: string) => lc.dev('/api/dev/clock', { body: { set: iso, frozen: true } });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const sweep = () => lc.dev('/api/dev/timers/tickets', { method: 'POST' });

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  // These flows complete repairs without photos; the photo rule (on by default) is tested in staff-search.test.ts.
  expect((await lc.call('tickets', 'setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).ok).toBe(true);
  await setClock('2026-11-28T02:00:00.000Z');
});
afterAll(() => lc.stop());

describe('create', () => {
  test('a repair is pooled for grabbing with the full promise of times', async () => {
    const r = await T('create', leak(), 'o-resident-01');
    expect(r.ok).toBe(true);
    expect(r.data.no).toMatch(/^BX-20261128-\d{4}$/);
    const d = (await T('get', { ticketId: r.data.ticketId }, 'o-resident-01')).data;
    expect(d).toMatchObject({ status: 'pending', pool: true, department: 'engineering', categoryLabel: '水电', locationLabel: '1栋1单元101' });
    expect(d.deadlines.map((x: any) => x.kind)).toEqual(['accept', 'arrive', 'resolve']);
    expect(d.deadlines[0].dueAt).toBe('2026-11-28T02:30:00.000Z');
    expect(d.timeline[0]).toMatchObject({ action: 'created', label: '提交', text: '厨房水管漏水' });
    expect(d.actions).toEqual(['cancel', 'message']);
  });

  test('a double tap, a retry or ten racing requests create exactly one ticket', async () => {
    const input = leak({}, 'o-resident-02');
    const results = await Promise.all(Array.from({ length: 10 }, () => T('create', input, 'o-resident-02')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.data.ticketId)).size).toBe(1);
    expect((await lc.db.collection('tickets').where({ _id: results[0].data.ticketId }).count()).total).toBe(1);
    expect((await lc.db.collection('ticket_events').where({ ticketId: results[0].data.ticketId, action: 'created' }).count()).total).toBe(1);
  });

  test('an emergency goes to the on-duty engineer and alerts the supervisor at once', async () => {
    const r = await T('create', leak({ category: 'severe_leak', description: '' }, 'o-resident-03'), 'o-resident-03');
    expect(r.ok).toBe(true);
    const d = (await T('get', { ticketId: r.data.ticketId }, 'o-staff-sup')).data;
    expect(d.status).toBe('assigned');
    expect(d.emergency).toBe(true);
    expect(['李强', '赵建国']).toContain(d.assigneeName);
    expect(d.deadlines.find((x: any) => x.kind === 'arrive').dueAt).toBe('2026-11-28T02:15:00.000Z');
    expect(d.timeline.map((e: any) => e.action)).toEqual(['created', 'routed', 'escalated', 'notified']);
    // The on-duty engineer and every supervisor, in their inboxes; the timeline says how.
    const notices = await lc.db.collection('messages').where({ 'target.id': r.data.ticketId, kind: 'emergency' }).get();
    const assignee = d.assigneeName === '李强' ? 'st-eng1' : 'st-eng2';
    expect(notices.data.map((n: any) => n.staffId).sort()).toEqual([assignee, 'st-admin', 'st-sup'].sort());
    expect(d.timeline[3].text).toMatch(/刘洋（.*消息中心）/);
  });

  test('bad input is refused and writes nothing', async () => {
    const before = (await lc.db.collection('tickets').count()).total;
    const cases: [Record<string, unknown>, string][] = [
      [leak({ category: 'noise' }), 'INVALID_INPUT'], // category of another type
      [leak({ description: '', photos: [] }), 'INVALID_INPUT'], // nothing described
      [leak({ photos: Array.from({ length: 10 }, (_, i) => `cloud://x/p${i}.jpg`) }), 'INVALID_INPUT'],
      [leak({ contactPhone: '123' }), 'INVALID_INPUT'],
      [leak({ description: '有人在这里赌博' }), 'INVALID_INPUT'], // content security
      [leak({ location: { kind: 'home', unitId: 'u-3-2-502' } }), 'FORBIDDEN'], // not my home
      [leak({ window: { start: '2026-11-28T10:00:00+08:00', end: '2026-11-28T09:00:00+08:00' } }), 'INVALID_INPUT'],
    ];
    for (const [input, code] of cases) {
      const r = await T('create', input, 'o-resident-01');
      expect(r.error?.code).toBe(code);
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await lc.db.collection('tickets').count()).total).toBe(before);
  });

  test('newcomers and staff-only callers cannot report', async () => {
    expect((await T('create', leak(), 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
    expect((await T('create', leak(), 'o-staff-desk')).error.code).toBe('FORBIDDEN');
  });

  test('only an approved member of the home reports for it: pending, refused and removed members, and other homes, are refused', async () => {
    // A report for a home is judged on the caller's membership of that home, read with the place.
    const unit = (await lc.db.collection('units').doc(HOME['o-resident-01']).get()).data[0] as any;
    const member = (openid: string, status: string) => ({
      _id: `m-judged-${openid}`,
      openid,
      unitId: unit._id,
      communityId: unit.communityId,
      name: '张三',
      phone: '13900000099',
      relation: 'family',
      status,
      requestKey: `${openid}:${unit._id}`,
      createdAt: new Date(),
    });
    await lc.db.collection('memberships').add([member('o-judged-pending', 'pending'), member('o-judged-rejected', 'rejected'), member('o-judged-removed', 'removed')]);
    // Another owner with a pending request for this home (and an approved home of their own).
    await lc.db.collection('memberships').add({ ...member('o-resident-02', 'pending'), _id: 'm-judged-02' });
    const before = (await lc.db.collection('tickets').count()).total;
    for (const who of ['o-judged-pending', 'o-judged-rejected', 'o-judged-removed']) {
      const r = await T('create', leak(), who);
      expect(r.error?.code).toBe('FORBIDDEN');
    }
    const other = await T('create', leak(), 'o-resident-02');
    expect(other.error).toMatchObject({ code: 'FORBIDDEN', message: '只能为已绑定的房屋报事' });
    expect((await lc.db.collection('tickets').count()).total).toBe(before);
    // The approved owner still reports for it, and the resident with the pending request for their own home.
    expect((await T('create', leak(), 'o-resident-01')).data.created).toBe(true);
    expect((await T('create', leak({}, 'o-resident-02'), 'o-resident-02')).data.created).toBe(true);
  });
});

describe('the repair flow, end to end', () => {
  test('grab → arrive → consent → pause/resume → complete → confirm → rate, with messages and a full log', async () => {
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-04'), 'o-resident-04')).data;
    expect((await act({ action: 'grab', ticketId }, 'o-resident-04')).error.code).toBe('FORBIDDEN');
    expect((await act({ action: 'grab', ticketId }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const grab = await act({ action: 'grab', ticketId }, 'o-staff-eng1');
    expect(grab.data.status).toBe('accepted');
    // The first to take it owns it (首问负责制).
    let d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    expect(d).toMatchObject({ assigneeName: '李强', ownerName: '李强' });
    expect(d.actions).toEqual(expect.arrayContaining(['transfer', 'arrive', 'consent', 'pause', 'note']));
    expect(d.actions).not.toContain('confirm');
    await advance(10 * 60_000);
    expect((await act({ action: 'arrive', ticketId }, 'o-staff-eng2')).error.code).toBe('FORBIDDEN');
    expect((await act({ action: 'arrive', ticketId }, 'o-staff-eng1')).data.status).toBe('arrived');
    expect((await act({ action: 'consent', ticketId, by: '业主本人', scope: '厨房' }, 'o-staff-eng1')).ok).toBe(true);
    const resolveBefore = (await T('get', { ticketId }, 'o-staff-eng1')).data.deadlines.find((x: any) => x.kind === 'resolve').dueAt;
    expect((await act({ action: 'pause', ticketId, reason: '等待配件', expectedAt: '2026-11-29T10:00:00+08:00' }, 'o-staff-eng1')).data.status).toBe('paused');
    await advance(2 * 3600_000);
    expect((await act({ action: 'complete', ticketId, text: 'x', photos: [] }, 'o-staff-eng1')).error.code).toBe('CONFLICT');
    expect((await act({ action: 'resume', ticketId }, 'o-staff-eng1')).data.status).toBe('arrived');
    d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    const resolveAfter = d.deadlines.find((x: any) => x.kind === 'resolve').dueAt;
    expect(new Date(resolveAfter).getTime() - new Date(resolveBefore).getTime()).toBe(2 * 3600_000); // paused time does not count
    expect((await act({ action: 'complete', ticketId, text: '已更换阀门', photos: [] }, 'o-staff-eng1')).data.status).toBe('resolved');
    expect((await act({ action: 'confirm', ticketId }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await act({ action: 'confirm', ticketId }, 'o-resident-04')).data.status).toBe('closed');
    expect((await act({ action: 'rate', ticketId, score: 5, comment: '很及时' }, 'o-resident-04')).ok).toBe(true);
    expect((await act({ action: 'rate', ticketId, score: 1 }, 'o-resident-04')).error.code).toBe('CONFLICT');
    d = (await T('get', { ticketId }, 'o-resident-04')).data;
    expect(d.timeline.map((e: any) => e.action)).toEqual(['created', 'grab', 'arrive', 'consent', 'pause', 'resume', 'complete', 'confirm', 'rate']);
    expect(d.rating).toEqual({ score: 5, comment: '很及时' });
    expect(d.deadlines.every((x: any) => x.metAt)).toBe(true);
    expect(d.deadlines.map((x: any) => x.remaining)).toEqual(['按时响应', '按时到场', '按时完成']);
    // One consent per template from the submit tap: accepted (progress) and completed (done) are
    // sent; arrival finds no progress consent left and stays on the timeline only.
    const outbox = (await lc.dev('/api/dev/outbox?touser=o-resident-04')).data;
    expect(outbox.map((m: any) => m.templateId).sort()).toEqual(['TPL_TICKET_DONE', 'TPL_TICKET_PROGRESS']);
    const toResident = (await lc.db.collection('messages').where({ openid: 'o-resident-04', 'target.id': ticketId }).get()).data;
    expect(toResident.filter((m: any) => m.subscribe?.status === 'no-consent').map((m: any) => m.title)).toEqual(['维修人员已到场']);
    expect(toResident.filter((m: any) => m.channel === 'subscribe')).toHaveLength(2);
  });

  test('twenty engineers grabbing at once: exactly one wins', async () => {
    const e = lc.server.ctx.engine;
    e.insert(
      'staff',
      Array.from({ length: 20 }, (_, i) => ({
        _id: `st-grab-${i}`,
        openid: `o-grab-${i}`,
        communityId: 'cm-cuihu',
        name: `抢单员${i}`,
        phone: '15800001111',
        roles: ['engineer'],
        active: true,
        onDuty: true,
        createdAt: new Date(),
      })),
    );
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-05'), 'o-resident-05')).data;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => act({ action: 'grab', ticketId }, `o-grab-${i}`)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.error.code === 'CONFLICT')).toBe(true);
    expect((await lc.db.collection('ticket_events').where({ ticketId, action: 'grab' }).count()).total).toBe(1);
    e.remove('staff', { roles: 'engineer', _id: { $regex: '^st-grab-' } }, true);
  });
});

describe('routing', () => {
  test('nobody grabs within the fallback: the sweep assigns the least-loaded on-duty engineer, once', async () => {
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-06'), 'o-resident-06')).data;
    await advance(11 * 60_000);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.ok && b.ok).toBe(true);
    const d = (await T('get', { ticketId }, 'o-staff-sup')).data;
    expect(d.status).toBe('assigned');
    expect(d.timeline.filter((e: any) => e.action === 'fallback')).toHaveLength(1);
  });

  test('complaints are assigned to the desk; admins edit the rules (fixed person)', async () => {
    const c = await T('create', leak({ type: 'complaint', category: 'sanitation', description: '垃圾未清运' }, 'o-resident-07'), 'o-resident-07');
    let d = (await T('get', { ticketId: c.data.ticketId }, 'o-staff-desk')).data;
    expect(d).toMatchObject({ status: 'assigned', assigneeName: '王敏', department: 'desk' });
    const rules = [{ match: 'type:complaint', department: 'desk', mode: 'fixed', fixedStaffId: 'st-admin', grabFallbackMinutes: 10 }];
    expect((await T('setRouting', { rules }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await T('setRouting', { rules: [{ ...rules[0], match: 'nope' }] }, 'o-staff-admin')).error.code).toBe('INVALID_INPUT');
    try {
      expect((await T('setRouting', { rules }, 'o-staff-admin')).ok).toBe(true);
      expect((await T('getRouting', {}, 'o-staff-sup')).data.rules).toEqual(rules);
      // Off duty, the named person is skipped for the least-loaded desk member.
      const off = await T('create', leak({ type: 'complaint', category: 'noise', description: '楼上装修太吵' }, 'o-resident-07'), 'o-resident-07');
      expect((await T('get', { ticketId: off.data.ticketId }, 'o-staff-admin')).data.assigneeName).toBe('王敏');
      await lc.call('account', 'setOnDuty', { onDuty: true }, 'o-staff-admin');
      const c2 = await T('create', leak({ type: 'complaint', category: 'service_attitude', description: '态度不好' }, 'o-resident-07'), 'o-resident-07');
      d = (await T('get', { ticketId: c2.data.ticketId }, 'o-staff-admin')).data;
      expect(d.assigneeName).toBe('周婷');
    } finally {
      await lc.db.collection('routing_rules').doc('cm-cuihu').remove();
    }
  });

  test('transfer keeps the first-contact owner; desk logs a phone call and owns it', async () => {
    const logged = await T(
      'createOnBehalf',
      {
        type: 'repair',
        category: 'public_lighting',
        description: '3栋大堂灯不亮',
        location: { kind: 'public', building: '3栋', area: '大堂' },
        contactName: '李先生',
        contactPhone: '13800000000',
        channel: 'phone',
        clientRequestId: rid(),
      },
      'o-staff-desk',
    );
    expect(logged.ok).toBe(true);
    let d = (await T('get', { ticketId: logged.data.ticketId }, 'o-staff-desk')).data;
    expect(d).toMatchObject({ ownerName: '王敏', channel: 'phone', locationLabel: '3栋 大堂' });
    expect(d.timeline[0]).toMatchObject({ action: 'logged', channel: 'phone' });
    await act({ action: 'grab', ticketId: logged.data.ticketId }, 'o-staff-eng2');
    expect((await act({ action: 'transfer', ticketId: logged.data.ticketId, staffId: 'st-eng2', reason: '自己' }, 'o-staff-eng2')).error.code).toBe('INVALID_INPUT');
    const tr = await act({ action: 'transfer', ticketId: logged.data.ticketId, staffId: 'st-eng1', reason: '需要电工' }, 'o-staff-eng2');
    expect(tr.data.status).toBe('assigned');
    d = (await T('get', { ticketId: logged.data.ticketId }, 'o-staff-eng1')).data;
    expect(d).toMatchObject({ assigneeName: '李强', ownerName: '王敏' });
    // The owner hears of every change.
    const notices = await lc.db.collection('messages').where({ 'target.id': logged.data.ticketId, staffId: 'st-desk' }).count();
    expect(notices.total).toBeGreaterThanOrEqual(2);
    expect((await T('listQueue', { queue: 'owned' }, 'o-staff-desk')).data.items.map((i: any) => i.ticketId)).toContain(logged.data.ticketId);
  });
});

describe('consultations', () => {
  test('answered on the spot, or promised and answered within the promise', async () => {
    const q = await T('create', leak({ type: 'consultation', category: 'fees', description: '物业费怎么交？', location: { kind: 'home', unitId: 'u-1-1-101' } }), 'o-resident-01');
    expect((await act({ action: 'answer', ticketId: q.data.ticketId, text: '可在小程序或前台缴纳' }, 'o-staff-desk')).data.status).toBe('resolved');
    const q2 = await T('create', leak({ type: 'consultation', category: 'renovation', description: '装修要办什么手续？' }), 'o-resident-01');
    const promise = await act({ action: 'promise', ticketId: q2.data.ticketId, replyBy: '2026-11-30T12:00:00+08:00' }, 'o-staff-desk');
    expect(promise.data.status).toBe('accepted');
    const d = (await T('get', { ticketId: q2.data.ticketId }, 'o-resident-01')).data;
    expect(d.deadlines.find((x: any) => x.kind === 'reply').dueAt).toBe('2026-11-30T04:00:00.000Z');
  });
});

describe('in-home consent (issue #10: 征得同意后方可进行维修)', () => {
  test('an in-home repair cannot be completed before consent or a recorded refusal; the action is hidden until then', async () => {
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-05'), 'o-resident-05')).data;
    expect((await act({ action: 'grab', ticketId }, 'o-staff-eng1')).ok).toBe(true);
    expect((await act({ action: 'arrive', ticketId }, 'o-staff-eng1')).ok).toBe(true);
    let d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    expect(d.actions).toContain('consent');
    expect(d.actions).not.toContain('complete');
    const refused = await act({ action: 'complete', ticketId, text: '已修好', photos: [] }, 'o-staff-eng1');
    expect(refused.ok).toBe(false);
    expect(refused.error).toEqual({ code: 'CONFLICT', message: '入户维修需先征得住户同意（或记录住户拒绝入户）后，方可完工' });
    // Someone who could never complete it is still just forbidden.
    expect((await act({ action: 'complete', ticketId, text: 'x', photos: [] }, 'o-staff-eng2')).error.code).toBe('FORBIDDEN');
    expect((await T('get', { ticketId }, 'o-staff-eng1')).data.status).toBe('arrived');
    expect((await act({ action: 'consent', ticketId, by: '业主本人', scope: '厨房' }, 'o-staff-eng1')).ok).toBe(true);
    d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    expect(d.actions).toContain('complete');
    expect(d.actions).not.toContain('consent');
    expect((await act({ action: 'complete', ticketId, text: '已修好', photos: [] }, 'o-staff-eng1')).data.status).toBe('resolved');
  });

  test('a recorded refusal also lets the repair be closed out; public-area repairs need no consent', async () => {
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-06'), 'o-resident-06')).data;
    await act({ action: 'grab', ticketId }, 'o-staff-eng1');
    const r = await act({ action: 'consent', ticketId, by: '业主本人', scope: '不同意入户，自行联系维修', refused: true }, 'o-staff-eng1');
    expect(r.ok).toBe(true);
    const d = (await T('get', { ticketId }, 'o-resident-06')).data;
    expect(d.consent).toMatchObject({ by: '业主本人', refused: true });
    expect(d.timeline.at(-1).text).toMatch(/^住户拒绝入户/);
    expect((await act({ action: 'complete', ticketId, text: '住户拒绝入户，已说明', photos: [] }, 'o-staff-eng1')).data.status).toBe('resolved');
    const pub = (await T('create', leak({ location: { kind: 'public', building: '1栋', area: '地下车库' }, clientRequestId: rid() }, 'o-resident-06'), 'o-resident-06')).data
      .ticketId;
    await act({ action: 'grab', ticketId: pub }, 'o-staff-eng1');
    expect((await T('get', { ticketId: pub }, 'o-staff-eng1')).data.actions).not.toContain('consent');
    expect((await act({ action: 'complete', ticketId: pub, text: '已修好', photos: [] }, 'o-staff-eng1')).data.status).toBe('resolved');
  });
});

describe('pause with an expected resume time (issue #10)', () => {
  test('a paused ticket past its expected resume time raises one reminder to the handler and the owner, even with overlapping timer runs', async () => {
    const { ticketId } = (await T('create', leak({ clientRequestId: rid() }, 'o-resident-07'), 'o-resident-07')).data;
    await act({ action: 'grab', ticketId }, 'o-staff-eng1');
    const now = new Date((await lc.dev('/api/dev/clock')).data.now);
    const expectedAt = new Date(now.getTime() + 2 * 3600_000).toISOString();
    expect((await act({ action: 'pause', ticketId, reason: '等待配件', expectedAt }, 'o-staff-eng1')).data.status).toBe('paused');
    const overdue = async () => (await lc.db.collection('messages').where({ kind: 'pause-overdue' }).limit(100).get()).data.filter((m: any) => m.key.startsWith(ticketId));
    await Promise.all([sweep(), sweep()]);
    expect(await overdue()).toHaveLength(0); // not yet due
    await advance(2 * 3600_000 + 60_000);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const sent = await overdue();
    // eng1 is both the handler and the first-contact owner: one message.
    expect(sent.map((m: any) => m.staffId)).toEqual(['st-eng1']);
    expect(sent[0].body).toMatch(/等待配件/);
    expect((await lc.db.collection('reminders').where({ ticketId, kind: 'pause' }).count()).total).toBe(1);
    // A pause's timers stand still: no deadline warnings or breaches while paused.
    expect((await lc.db.collection('reminders').where({ ticketId, stage: 'breach' }).count()).total).toBe(0);
    const d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    expect(d.timeline.filter((e: any) => e.action === 'notified' && e.text.includes('暂停超期'))).toHaveLength(1);
    expect(d.timeline.every((e: any) => e.label && e.label !== e.action)).toBe(true);
  });
});

describe('auto-confirm', () => {
  test('a completion the resident does not confirm closes itself after 3 days', async () => {
    const { ticketId } = (await T('create', leak({ category: 'severe_leak', clientRequestId: rid() }, 'o-resident-08'), 'o-resident-08')).data;
    const who = (await T('get', { ticketId }, 'o-staff-sup')).data.assigneeName === '李强' ? 'o-staff-eng1' : 'o-staff-eng2';
    await act({ action: 'accept', ticketId }, who);
    await act({ action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, who);
    await act({ action: 'complete', ticketId, text: '已处理', photos: [] }, who);
    await advance(3 * 86400_000 + 60_000);
    await sweep();
    await sweep();
    const d = (await T('get', { ticketId }, 'o-resident-08')).data;
    expect(d.status).toBe('closed');
    expect(d.timeline.filter((e: any) => e.action === 'auto-confirm')).toHaveLength(1);
  });
});

describe('who sees what', () => {
  let ticketId: string;
  beforeAll(async () => {
    ticketId = (await T('create', leak({ clientRequestId: rid() }), 'o-resident-01')).data.ticketId;
  });
  test('the household sees it; another household and other communities do not', async () => {
    expect((await T('get', { ticketId }, 'o-family-01')).ok).toBe(true);
    expect((await T('get', { ticketId }, 'o-resident-02')).error.code).toBe('NOT_FOUND');
    expect((await act({ action: 'message', ticketId, text: '偷看' }, 'o-resident-02')).error.code).toBe('NOT_FOUND');
    const mine = (await T('listMine', {}, 'o-family-01')).data.items.map((i: any) => i.ticketId);
    expect(mine).toContain(ticketId);
    expect((await T('listMine', {}, 'o-resident-02')).data.items.map((i: any) => i.ticketId)).not.toContain(ticketId);
  });
  test('residents cannot call staff actions', async () => {
    for (const [action, data] of [
      ['listQueue', { queue: 'pool' }],
      ['queueCounts', {}],
      ['departmentStaff', {}],
      ['getRouting', {}],
      [
        'createOnBehalf',
        {
          type: 'repair',
          category: 'elevator',
          description: 'x',
          location: { kind: 'public', area: '大堂' },
          contactName: '某',
          contactPhone: '13800000000',
          channel: 'phone',
          clientRequestId: rid(),
        },
      ],
    ] as const) {
      expect((await T(action, data, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    }
    expect((await act({ action: 'dispatch', ticketId, staffId: 'st-eng1' }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
  });
  test('phone numbers are masked for staff not handling the ticket', async () => {
    const sec = (await T('get', { ticketId }, 'o-staff-sec')).data;
    expect(sec.contactPhone).toBe('139****0001');
    const sup = (await T('get', { ticketId }, 'o-staff-sup')).data;
    expect(sup.contactPhone).toBe('13900000001');
  });
  test('staff queues are paginated and counted', async () => {
    const counts = (await T('queueCounts', {}, 'o-staff-eng1')).data;
    expect(counts.pool).toBeGreaterThanOrEqual(1);
    const p1 = (await T('listQueue', { queue: 'pool', pageSize: 1 }, 'o-staff-eng1')).data;
    expect(p1.items).toHaveLength(1);
    expect(p1.total).toBe(counts.pool);
    if (p1.total > 1) expect(p1.nextCursor).toBe('1');
    expect((await T('listQueue', { queue: 'pool' }, 'o-staff-desk')).data.items).toEqual([]); // not the desk's department
  });
});

describe('photos', () => {
  test('an uploaded photo travels with the ticket and downloads through a temporary URL', async () => {
    const fileID = await uploadAs(lc, 'o-resident-01');
    // The path the function chose: unguessable, and no openid in it.
    expect(fileID).toMatch(/^cloud:\/\/.+\/uploads\/[a-f0-9]{32}\.png$/);
    const r = await T('create', leak({ photos: [fileID] }), 'o-resident-01');
    expect(r.ok).toBe(true);
    const d = (await T('get', { ticketId: r.data.ticketId }, 'o-resident-01')).data;
    expect(d.photoUrls).toHaveLength(1);
    expect(d.photoUrls[0]).not.toContain('o-resident-01');
    const img = await fetch(d.photoUrls[0]);
    expect(img.status).toBe(200);
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('uploads need a slot: an identity, a known media type, the issued authorization and at most 10 MB', async () => {
    expect((await lc.call('tickets', 'prepareUpload', { contentType: 'image/png' }, 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
    const text = await T('prepareUpload', { contentType: 'text/html' }, 'o-resident-01');
    expect(text.error.code).toBe('INVALID_INPUT');
    expect(text.error.message).toContain('只支持');
    await expect(uploadAs(lc, 'o-resident-01', { body: Buffer.alloc(11 * 1024 * 1024), contentType: 'image/jpeg' })).rejects.toThrow('413');
  });
});

describe('service levels per community', () => {
  const sla = {
    emergency: { accept: 5, arrive: 15, resolve: 240 },
    repair: { accept: 10, arrive: 60, resolve: 2880 },
    complaint: { accept: 1440, resolve: 4320 },
    consultation: { reply: 720 },
    categories: { elevator_trapped: { arrive: 20 } },
    autoConfirmDays: 5,
  };
  afterAll(() => lc.db.collection('communities').doc('cm-cuihu').update({ settings: lc.db.command.remove() }));
  test('admins change the defaults; new tickets run on them; others may only read', async () => {
    expect((await T('setSla', { sla }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await T('setSla', { sla: { ...sla, repair: { accept: 0 } } }, 'o-staff-admin')).error.message).toBe('时限至少 1 分钟');
    expect((await T('setSla', { sla }, 'o-staff-admin')).data.sla.repair.accept).toBe(10);
    expect((await T('getSla', {}, 'o-staff-eng1')).data.sla.categories.elevator_trapped.arrive).toBe(20);
    const r = await T('create', leak({ clientRequestId: rid() }, 'o-resident-02'), 'o-resident-02');
    const d = (await T('get', { ticketId: r.data.ticketId }, 'o-resident-02')).data;
    const created = new Date(d.createdAt).getTime();
    expect(d.deadlines.map((x: any) => [x.kind, (new Date(x.dueAt).getTime() - created) / 60_000])).toEqual([
      ['accept', 10],
      ['arrive', 60],
      ['resolve', 2880],
    ]);
    // A category override removed in the form is gone, not merged.
    await T('setSla', { sla: { ...sla, categories: {} } }, 'o-staff-admin');
    expect((await T('getSla', {}, 'o-staff-eng1')).data.sla.categories.elevator_trapped.arrive).toBe(30);
  });
});

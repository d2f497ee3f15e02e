import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/** Issue 11: every notification reaches the right inbox once; reads are per person; retention. */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const I = (action: string, data: unknown, openid: string) => lc.call('inbox', action, data, openid);
const timer = (fn: string) => lc.dev(`/api/dev/timers/${fn}`, { method: 'POST' });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const MIN = 60_000;
const HOUR = 60 * MIN;
const HOME: Record<string, string> = { 'o-resident-01': 'u-1-1-101', 'o-resident-02': 'u-1-1-202', 'o-resident-03': 'u-1-1-402', 'o-resident-04': 'u-1-2-201' };
const report = async (who: string, category: string, extra: Record<string, unknown> = {}) => {
  const r = await T(
    'create',
    {
      type: 'repair',
      category,
      description: '厨房水管漏水',
      location: { kind: 'home', unitId: HOME[who] },
      contactPhone: '13900000001',
      subscribed: [],
      clientRequestId: rid(),
      ...extra,
    },
    who,
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.ticketId as string;
};

/** Every item of a person's box, through the real cursor paging (small pages on purpose). */
async function inbox(openid: string, box: 'personal' | 'alerts' = 'personal') {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const r = await I('list', { box, pageSize: 3, ...(cursor ? { cursor } : {}) }, openid);
    if (!r.ok) throw new Error(JSON.stringify(r));
    items.push(...r.data.items);
    cursor = r.data.nextCursor;
    if (!cursor) break;
  }
  return items;
}
const about = (items: any[], kind: string, id: string) => items.filter((i) => i.kind === kind && i.target.id === id);
const kinds = (items: any[], id: string) =>
  items
    .filter((i) => i.target.id === id)
    .map((i) => i.kind)
    .sort();

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T01:00:00.000Z', frozen: true } });
});
afterAll(() => lc.stop());

describe('every notification the functions emit lands in the right inbox, once', () => {
  let pooled: string;
  let emergency: string;
  let assignee: string;

  test('an emergency: the on-duty engineer and both supervisors, once each, and the timeline says how', async () => {
    const input = {
      type: 'repair',
      category: 'severe_leak',
      description: '',
      location: { kind: 'home', unitId: HOME['o-resident-03'] },
      contactPhone: '13900000001',
      subscribed: [],
      clientRequestId: rid(),
    };
    // A double tap: two racing creates of one report.
    const [a, b] = await Promise.all([T('create', input, 'o-resident-03'), T('create', input, 'o-resident-03')]);
    expect(a.data.ticketId).toBe(b.data.ticketId);
    emergency = a.data.ticketId;
    const d = (await T('get', { ticketId: emergency }, 'o-staff-sup')).data;
    assignee = d.assigneeName === '李强' ? 'o-staff-eng1' : 'o-staff-eng2';
    for (const who of [assignee, 'o-staff-sup', 'o-staff-admin']) {
      const mine = about(await inbox(who), 'emergency', emergency);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ tone: 'emergency', read: false, kindLabel: '紧急工单', title: '紧急：严重漏水' });
    }
    expect(about(await inbox(assignee === 'o-staff-eng1' ? 'o-staff-eng2' : 'o-staff-eng1'), 'emergency', emergency)).toHaveLength(0);
    expect(about(await inbox('o-staff-desk'), 'emergency', emergency)).toHaveLength(0);
    expect(d.timeline.filter((e: any) => e.action === 'notified')).toHaveLength(1);
  });

  test('a pool ticket: one alert shared by the engineers (stored once), and the acceptance reaches the resident', async () => {
    pooled = await report('o-resident-01', 'plumbing_electric');
    for (const who of ['o-staff-eng1', 'o-staff-eng2']) expect(about(await inbox(who, 'alerts'), 'pool', pooled)).toHaveLength(1);
    expect(about(await inbox('o-staff-desk', 'alerts'), 'pool', pooled)).toHaveLength(0);
    expect((await lc.db.collection('alerts').where({ 'target.id': pooled }).count()).total).toBe(1);
    expect((await T('act', { action: 'grab', ticketId: pooled }, 'o-staff-eng1')).ok).toBe(true);
    const mine = about(await inbox('o-resident-01'), 'progress', pooled);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toMatch(/李强 已接单/);
  });

  test("a resident's message reaches the engineer handling it", async () => {
    expect((await T('act', { action: 'message', ticketId: pooled, text: '我下午三点后在家', photos: [] }, 'o-resident-01')).ok).toBe(true);
    const mine = about(await inbox('o-staff-eng1'), 'message', pooled);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toMatch(/三点后在家/);
    expect(about(await inbox('o-resident-01'), 'message', pooled)).toHaveLength(0);
  });

  test('deadline warnings, breaches and escalations: once each, under overlapping timer runs', async () => {
    await advance(6 * HOUR);
    await Promise.all([timer('callbacks'), timer('callbacks'), timer('callbacks')]);
    await Promise.all([timer('callbacks'), timer('callbacks')]);
    const eng = await inbox('o-staff-eng1');
    const reminders = (await lc.db.collection('reminders').where({ ticketId: pooled }).get()).data;
    const warns = reminders.filter((r: any) => r.stage === 'warn').length;
    const breaches = reminders.filter((r: any) => r.stage === 'breach').length;
    expect(breaches).toBeGreaterThan(0);
    expect(about(eng, 'deadline-warning', pooled)).toHaveLength(warns);
    expect(about(eng, 'deadline-breach', pooled)).toHaveLength(breaches);
    expect(about(await inbox('o-staff-sup'), 'escalation', pooled)).toHaveLength(breaches);
    // Nothing stored twice: every message id is unique per (event, person).
    const ids = eng.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('completion → the resident is told; callback due → the service desk (default); a reopen → the handler', async () => {
    // An in-home repair: the resident's consent is recorded first (征得同意后方可进行维修).
    expect((await T('act', { action: 'consent', ticketId: pooled, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1')).ok).toBe(true);
    expect((await T('act', { action: 'complete', ticketId: pooled, text: '已更换水管', photos: [] }, 'o-staff-eng1')).ok).toBe(true);
    expect(about(await inbox('o-resident-01'), 'done', pooled)).toHaveLength(1);
    await Promise.all([timer('callbacks'), timer('callbacks')]);
    const callbacks = (await inbox('o-staff-desk', 'alerts')).filter((i) => i.kind === 'callback');
    const cb = (await lc.db.collection('callbacks').where({ ticketId: pooled }).get()).data[0];
    expect(callbacks.filter((i) => i.target.id === cb._id)).toHaveLength(1);
    expect((await inbox('o-staff-eng1')).filter((i) => i.kind === 'callback' && i.target.id === cb._id)).toHaveLength(0);
    expect(callbacks.find((i) => i.target.id === cb._id).body).toMatch(/24 小时内完成回访/);
    // The resident is asked to confirm after a day (inbox; no consent left for a subscribe message).
    await advance(24 * HOUR + MIN);
    await Promise.all([timer('callbacks'), timer('callbacks')]);
    expect(about(await inbox('o-resident-01'), 'confirm-reminder', pooled)).toHaveLength(1);
    expect((await T('act', { action: 'reopen', ticketId: pooled, reason: '还是漏水' }, 'o-resident-01')).ok).toBe(true);
    expect(about(await inbox('o-staff-eng1'), 'reopened', pooled)).toHaveLength(1);
  });

  test('a pool ticket nobody takes: one desk alert when nobody is on duty, under overlapping sweeps', async () => {
    for (const o of ['o-staff-eng1', 'o-staff-eng2']) expect((await lc.call('account', 'setOnDuty', { onDuty: false }, o)).ok).toBe(true);
    const id = await report('o-resident-02', 'plumbing_electric');
    await advance(2 * HOUR);
    await Promise.all([timer('tickets'), timer('tickets'), timer('tickets')]);
    expect(about(await inbox('o-staff-desk', 'alerts'), 'unclaimed', id)).toHaveLength(1);
    expect(about(await inbox('o-staff-eng1', 'alerts'), 'unclaimed', id)).toHaveLength(0);
    for (const o of ['o-staff-eng1', 'o-staff-eng2']) await lc.call('account', 'setOnDuty', { onDuty: true }, o);
  });

  test('a notice a resident has no consent for appears in their inbox once (the in-app fallback)', async () => {
    await lc.call('account', 'subscribe', { templateIds: ['TPL_NOTICE'] }, 'o-resident-04');
    const n = await lc.call(
      'announcements',
      'create',
      { type: 'reminder', title: '电梯年检提示', summary: '周五电梯年检', body: '本周五上午电梯年检，请错峰出行，给您带来不便敬请谅解。', clientRequestId: rid() },
      'o-staff-sup',
    );
    expect(n.ok).toBe(true);
    expect((await lc.call('announcements', 'publish', { announcementId: n.data.announcementId }, 'o-staff-sup')).ok).toBe(true);
    await Promise.all([timer('announcements'), timer('announcements')]);
    await timer('announcements');
    const fallback = about(await inbox('o-resident-02'), 'notice', n.data.announcementId);
    expect(fallback).toHaveLength(1);
    expect(fallback[0].title).toBe('电梯年检提示');
    // The resident who consented got the WeChat message instead.
    expect(about(await inbox('o-resident-04'), 'notice', n.data.announcementId)).toHaveLength(0);
    expect((await lc.dev('/api/dev/outbox?touser=o-resident-04')).data.filter((m: any) => m.templateId === 'TPL_NOTICE')).toHaveLength(1);
  });

  test('dispatch reaches the new assignee; unread counts match the lists', async () => {
    const t = await T(
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
    const ticketId = t.data.ticketId;
    const d = (await T('get', { ticketId }, 'o-staff-desk')).data;
    const other = d.assigneeName === '李强' ? 'st-eng2' : 'st-eng1';
    expect((await T('act', { action: 'dispatch', ticketId, staffId: other }, 'o-staff-desk')).ok).toBe(true);
    expect(kinds(await inbox(other === 'st-eng1' ? 'o-staff-eng1' : 'o-staff-eng2'), ticketId)).toContain('assigned');
    for (const who of ['o-staff-eng1', 'o-resident-01']) {
      const u = (await I('unread', {}, who)).data;
      expect(u.personal).toBe((await inbox(who)).filter((i) => !i.read).length);
      expect(u.total).toBe(u.personal + u.alerts);
    }
  });
});

describe('reads are per person', () => {
  test("marking someone else's message read is refused and changes nothing; one's own works", async () => {
    const theirs = (await inbox('o-resident-01')).find((i) => !i.read);
    const before = (await I('unread', {}, 'o-resident-01')).data.personal;
    for (const who of ['o-resident-02', 'o-staff-sup', 'o-staff-admin']) {
      const r = await I('read', { id: theirs.id }, who);
      expect(r.error.code).toBe('FORBIDDEN');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await I('read', { all: true }, 'o-resident-02')).ok).toBe(true);
    expect((await I('unread', {}, 'o-resident-01')).data.personal).toBe(before);
    expect((await inbox('o-resident-01')).find((i) => i.id === theirs.id).read).toBe(false);
    const mine = await I('read', { id: theirs.id }, 'o-resident-01');
    expect(mine.data).toMatchObject({ target: theirs.target, allowed: true });
    expect(mine.data.unread.personal).toBe(before - 1);
    expect((await I('read', { id: 'm-doesnotexist' }, 'o-resident-01')).error.code).toBe('NOT_FOUND');
    // A person with no home yet (pending, or revoked) reads only their own messages; no role alerts.
    const newcomer = await I('list', { box: 'personal' }, 'o-newcomer-01');
    expect(newcomer.ok).toBe(true);
    expect(newcomer.data.items.every((i: any) => i.id !== theirs.id)).toBe(true);
    expect((await I('list', { box: 'alerts' }, 'o-newcomer-01')).data.items).toEqual([]);
  });

  test('role alerts: visible to the role in its community only; read state per person', async () => {
    // A staff member of another community, with the same role.
    await lc.db.collection('staff').add({
      _id: 'st-other-eng',
      openid: 'o-other-eng',
      communityId: 'cm-other',
      name: '外区工程',
      phone: '15900000000',
      roles: ['engineer'],
      active: true,
      onDuty: true,
      createdAt: new Date(),
    });
    const alert = (await inbox('o-staff-eng2', 'alerts')).find((i) => i.kind === 'pool');
    expect(alert).toBeTruthy();
    expect(await inbox('o-other-eng', 'alerts')).toEqual([]);
    expect((await I('unread', {}, 'o-other-eng')).data.alerts).toBe(0);
    for (const who of ['o-other-eng', 'o-resident-01', 'o-staff-sec']) expect((await I('read', { id: alert.id }, who)).error.code).toBe('FORBIDDEN');
    const eng1Before = (await I('unread', {}, 'o-staff-eng1')).data.alerts;
    const eng2Before = (await I('unread', {}, 'o-staff-eng2')).data.alerts;
    expect(eng2Before).toBeGreaterThan(0);
    expect((await I('read', { id: alert.id }, 'o-staff-eng2')).data.unread.alerts).toBe(eng2Before - 1);
    expect((await inbox('o-staff-eng2', 'alerts')).find((i) => i.id === alert.id).read).toBe(true);
    expect((await inbox('o-staff-eng1', 'alerts')).find((i) => i.id === alert.id).read).toBe(false);
    expect((await I('unread', {}, 'o-staff-eng1')).data.alerts).toBe(eng1Before);
    // 全部已读 for one engineer leaves the other's untouched.
    expect((await I('read', { all: true, box: 'alerts' }, 'o-staff-eng2')).data.unread.alerts).toBe(0);
    expect((await I('unread', {}, 'o-staff-eng1')).data.alerts).toBe(eng1Before);
    expect((await inbox('o-staff-eng2', 'alerts')).every((i) => i.read)).toBe(true);
  });

  test('a link to something the reader may no longer see answers allowed: false (无权查看)', async () => {
    const id = 'm-test-foreign-link';
    await lc.db.collection('messages').add({
      _id: id,
      openid: 'o-resident-02',
      staffId: null,
      communityId: 'cm-cuihu',
      kind: 'progress',
      tone: 'info',
      title: '工单进度',
      body: 'x',
      target: { kind: 'ticket', id: (await lc.db.collection('tickets').where({ reporterOpenid: 'o-resident-03' }).get()).data[0]._id },
      key: 'k',
      at: new Date(),
      sk: `99999999999999~${id}`,
      read: false,
      readAt: null,
      channel: 'inbox',
    });
    expect((await I('read', { id }, 'o-resident-02')).data.allowed).toBe(false);
  });
});

describe('retention', () => {
  test('read messages past the period are removed; unread ones and recent ones stay', async () => {
    const now = new Date((await lc.dev('/api/dev/clock')).data.now);
    const day = 86400_000;
    const doc = (id: string, ageDays: number, read: boolean) => {
      const at = new Date(now.getTime() - ageDays * day);
      return {
        _id: id,
        openid: 'o-resident-09',
        staffId: null,
        communityId: 'cm-cuihu',
        kind: 'notice',
        tone: 'info',
        title: 't',
        body: 'b',
        target: { kind: 'none', id: '' },
        key: id,
        at,
        sk: `${String(at.getTime()).padStart(14, '0')}~${id}`,
        read,
        readAt: read ? at : null,
        channel: 'inbox',
      };
    };
    await lc.db.collection('messages').add([doc('m-old-read', 100, true), doc('m-old-unread', 200, false), doc('m-new-read', 10, true)]);
    const r = await timer('inbox');
    expect(r.data).toMatchObject({ ok: true, data: { messagesRemoved: 1 } });
    expect((await timer('inbox')).data.data.messagesRemoved).toBe(0);
    const left = (await inbox('o-resident-09')).map((i) => i.id).sort();
    expect(left).toEqual(expect.arrayContaining(['m-new-read', 'm-old-unread']));
    expect(left).not.toContain('m-old-read');
  });
});

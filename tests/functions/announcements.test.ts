import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';
import { mintCloudId } from '../../emulator/open-data';

/** Issue 6: announcements — lifecycle, notice periods, scope targeting, broadcast, permissions. */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const A = (action: string, data: unknown, openid: string) => lc.call('announcements', action, data, openid);
const broadcast = () => lc.dev('/api/dev/timers/announcements', { method: 'POST' });
const HOUR = 3600_000;
const NOW = new Date('2026-11-28T02:00:00.000Z');
const at = (h: number) => new Date(NOW.getTime() + h * HOUR).toISOString();
/** Targeted by buildings 1栋 and 2栋 (see emulator/seed.ts); 3栋 residents are not. */
const B12 = [
  'o-resident-01',
  'o-resident-02',
  'o-resident-03',
  'o-resident-04',
  'o-resident-05',
  'o-resident-06',
  'o-resident-07',
  'o-resident-08',
  'o-family-01',
  'o-family-02',
  'o-family-03',
];
const CONSENTING = ['o-resident-01', 'o-resident-02', 'o-resident-06', 'o-family-01'];
const waterCut = (extra: Record<string, unknown> = {}) => ({
  type: 'water',
  title: '1、2栋停水通知',
  summary: '周日 9:00-15:00 停水',
  body: '因二次供水水箱清洗消毒，1、2 栋将暂停供水，请提前储水。',
  scope: { kind: 'buildings', buildings: ['1栋', '2栋'] },
  interruption: { reason: '二次供水水箱清洗消毒', startAt: at(48), endAt: at(54) },
  clientRequestId: rid(),
  ...extra,
});
const outboxFor = async (openid: string) => (await lc.dev(`/api/dev/outbox?touser=${openid}`)).data.filter((m: any) => m.templateId === 'TPL_NOTICE');

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await lc.dev('/api/dev/clock', { body: { set: NOW.toISOString(), frozen: true } });
  for (const o of CONSENTING) expect((await lc.call('account', 'subscribe', { templateIds: ['TPL_NOTICE'] }, o)).ok).toBe(true);
});
afterAll(() => lc.stop());

describe('lifecycle', () => {
  let id: string;
  test('desk drafts a water cut; it goes to review; the supervisor approves; it is published', async () => {
    const d = await A('create', waterCut(), 'o-staff-desk');
    expect(d.data).toMatchObject({ status: 'draft', typeLabel: '停水', scopeLabel: '1栋、2栋' });
    id = d.data.announcementId;
    // The actions each role may take in each status come from the domain's state machine.
    expect(d.data.actions).toEqual(['edit', 'publish', 'pin']);
    // A draft is nobody's business but staff's.
    expect((await A('get', { announcementId: id }, 'o-resident-01')).error.code).toBe('NOT_FOUND');
    const sub = await A('publish', { announcementId: id }, 'o-staff-desk');
    expect(sub.data.status).toBe('review');
    expect(sub.data.actions).toEqual(['edit', 'withdraw']);
    expect((await A('get', { announcementId: id }, 'o-staff-sup')).data.actions).toEqual(['edit', 'review', 'withdraw']);
    expect((await A('publish', { announcementId: id }, 'o-staff-sup')).error.code).toBe('CONFLICT');
    expect((await A('review', { announcementId: id, approve: true }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const ok = await A('review', { announcementId: id, approve: true }, 'o-staff-sup');
    expect(ok.data).toMatchObject({ status: 'published', review: { by: '刘洋', approved: true } });
    expect(ok.data.actions).toEqual(['edit', 'withdraw', 'pin', 'restore', 'poster']);
    expect((await A('get', { announcementId: id }, 'o-resident-01')).data.actions).toEqual([]);
  });

  test('the broadcast reaches exactly the consenting residents of the two buildings, once', async () => {
    await Promise.all([broadcast(), broadcast()]);
    await broadcast();
    for (const o of CONSENTING) expect(await outboxFor(o)).toHaveLength(1);
    for (const o of ['o-resident-09', 'o-resident-10', 'o-tenant-01']) expect(await outboxFor(o)).toHaveLength(0);
    const reach = (await A('reach', { announcementId: id }, 'o-staff-desk')).data;
    expect(reach).toMatchObject({ targeted: B12.length, sent: CONSENTING.length, withoutConsent: B12.length - CONSENTING.length, failed: 0, pending: 0, state: 'done' });
    const msg = (await outboxFor('o-resident-01'))[0];
    expect(msg.data.thing1.value).toBe('1、2栋停水通知');
    expect(msg.page).toBe(`pages/notice/index?id=${id}`);
  });

  test('residents of the scope see it on 首页, unread, then read; others do not', async () => {
    const feed = (await A('feed', {}, 'o-resident-03')).data;
    expect(feed.items.map((x: any) => x.announcementId)).toContain(id);
    expect(feed.items.find((x: any) => x.announcementId === id)).toMatchObject({ read: false, interruption: { reason: '二次供水水箱清洗消毒' } });
    expect(feed.unread).toBeGreaterThanOrEqual(1);
    await A('read', { announcementId: id }, 'o-resident-03');
    expect((await A('feed', {}, 'o-resident-03')).data.items.find((x: any) => x.announcementId === id).read).toBe(true);
    expect((await A('feed', {}, 'o-resident-10')).data.items.map((x: any) => x.announcementId)).not.toContain(id);
    // Not pushed to 3栋, but public (a shared card): read, told it does not concern their building.
    expect((await A('get', { announcementId: id }, 'o-resident-10')).data.reader).toEqual({ covered: false, buildings: ['3栋'] });
    // Staff-only facts (review, override) are not shown to residents.
    expect((await A('get', { announcementId: id }, 'o-resident-03')).data.review).toBeUndefined();
  });

  test('an update after publishing is marked as updated (a desk change once a supervisor approved it)', async () => {
    const before = (await A('get', { announcementId: id }, 'o-resident-01')).data.body;
    const u = await A('update', { announcementId: id, ...waterCut({ clientRequestId: undefined, body: '时间调整为 9:00-14:00，请提前储水。' }) }, 'o-staff-desk');
    expect(u.ok).toBe(true);
    expect(u.data.revision).toMatchObject({ body: '时间调整为 9:00-14:00，请提前储水。' });
    // The pending revision: the supervisor may review it, the desk may not.
    expect(u.data.actions).not.toContain('review');
    expect((await A('get', { announcementId: id }, 'o-staff-sup')).data.actions).toContain('review');
    expect((await A('get', { announcementId: id }, 'o-resident-01')).data).toMatchObject({ body: before });
    expect((await A('review', { announcementId: id, approve: true }, 'o-staff-sup')).ok).toBe(true);
    const r = (await A('get', { announcementId: id }, 'o-resident-01')).data;
    expect(r).toMatchObject({ revised: true, body: '时间调整为 9:00-14:00，请提前储水。' });
  });

  test('"已恢复" reaches the same residents in one tap', async () => {
    const r = await A('restore', { announcementId: id, clientRequestId: rid() }, 'o-staff-desk');
    expect(r.data).toMatchObject({ status: 'published', restoredOf: id, scopeLabel: '1栋、2栋' });
    expect(r.data.title).toMatch(/^已恢复/);
    for (const o of CONSENTING) await lc.call('account', 'subscribe', { templateIds: ['TPL_NOTICE'] }, o);
    await broadcast();
    const reach = (await A('reach', { announcementId: r.data.announcementId }, 'o-staff-desk')).data;
    expect(reach).toMatchObject({ targeted: B12.length, sent: CONSENTING.length });
    for (const o of CONSENTING) expect(await outboxFor(o)).toHaveLength(2);
  });

  test('withdrawn notices disappear for residents', async () => {
    const d = await A('create', waterCut({ title: '临时通知', scope: { kind: 'community' } }), 'o-staff-sup');
    await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    expect((await A('get', { announcementId: d.data.announcementId }, 'o-resident-10')).ok).toBe(true);
    const w = await A('withdraw', { announcementId: d.data.announcementId, reason: '信息有误' }, 'o-staff-sup');
    expect(w.data.status).toBe('withdrawn');
    expect((await A('get', { announcementId: d.data.announcementId }, 'o-resident-10')).error.code).toBe('NOT_FOUND');
    await broadcast();
    const reach = (await A('reach', { announcementId: d.data.announcementId }, 'o-staff-sup')).data;
    expect(reach.sent).toBe(0);
  });
});

describe('notice periods', () => {
  test('a water cut inside 24 h needs an override reason, kept on record', async () => {
    const d = await A('create', waterCut({ interruption: { reason: '爆管抢修', startAt: at(10), endAt: at(14) } }), 'o-staff-sup');
    const refused = await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', details: { shortfallHours: 14 } });
    expect(refused.error.message).toMatch(/至少提前 24 小时通知/);
    const ok = await A('publish', { announcementId: d.data.announcementId, override: { reason: '突发爆管，需紧急抢修' } }, 'o-staff-sup');
    expect(ok.data).toMatchObject({ status: 'published', override: { reason: '突发爆管，需紧急抢修', by: '刘洋' } });
  });

  test('a power cut needs 7 days', async () => {
    const d = await A('create', waterCut({ type: 'power', title: '计划停电', interruption: { reason: '电网检修', startAt: at(72), endAt: at(80) } }), 'o-staff-sup');
    const r = await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    expect(r.error.details.shortfallHours).toBe(96);
    expect(r.error.message).toMatch(/停电需至少提前 7 天通知/);
  });

  test('a review approved after the notice period ran short needs the reviewer’s reason', async () => {
    const d = await A('create', waterCut({ interruption: { reason: '管道检修', startAt: at(30), endAt: at(34) } }), 'o-staff-desk');
    expect((await A('publish', { announcementId: d.data.announcementId }, 'o-staff-desk')).data.status).toBe('review');
    await lc.dev('/api/dev/clock', { body: { advanceMs: 10 * HOUR } });
    try {
      const refused = await A('review', { announcementId: d.data.announcementId, approve: true }, 'o-staff-sup');
      expect(refused.error.details.shortfallHours).toBe(4);
      const ok = await A('review', { announcementId: d.data.announcementId, approve: true, override: { reason: '审核延误，已电话通知楼长' } }, 'o-staff-sup');
      expect(ok.data).toMatchObject({ status: 'published', override: { reason: '审核延误，已电话通知楼长', by: '刘洋' } });
    } finally {
      await lc.dev('/api/dev/clock', { body: { advanceMs: -10 * HOUR } });
    }
  });

  test('staff see stored file ids, so an edit keeps the images', async () => {
    const up = { data: { fileID: await uploadAs(lc, 'o-staff-sup', { fn: 'announcements' }) } };
    const d = await A('create', { type: 'general', title: '绿化施工示意', body: '见附图。', images: [up.data.fileID], clientRequestId: rid() }, 'o-staff-sup');
    expect(d.data.files.images).toEqual([up.data.fileID]);
    expect(d.data.images[0]).toMatch(/^http:/);
    expect(d.data.author).toBe('刘洋');
    const u = await A(
      'update',
      { announcementId: d.data.announcementId, type: 'general', title: '绿化施工示意', body: '见附图（已更新）。', images: d.data.files.images },
      'o-staff-sup',
    );
    expect(u.data.files.images).toEqual([up.data.fileID]);
  });

  test('scheduled publication goes out when its time comes', async () => {
    const d = await A('create', { type: 'reminder', title: '冬季防冻提示', body: '请关好门窗，做好水管保温。', clientRequestId: rid() }, 'o-staff-sup');
    const s = await A('publish', { announcementId: d.data.announcementId, publishAt: at(2) }, 'o-staff-sup');
    expect(s.data.status).toBe('scheduled');
    await broadcast();
    expect((await A('get', { announcementId: d.data.announcementId }, 'o-staff-sup')).data.status).toBe('scheduled');
    await lc.dev('/api/dev/clock', { body: { advanceMs: 2 * HOUR + 60_000 } });
    await broadcast();
    expect((await A('get', { announcementId: d.data.announcementId }, 'o-resident-10')).data.status).toBe('published');
  });
});

describe('bad input changes nothing', () => {
  test.each([
    [{ scope: { kind: 'units', unitIds: ['u-nope'] } }, '不存在的房屋'],
    [{ scope: { kind: 'buildings', buildings: ['9栋'] } }, '楼栋不存在'],
    [{ interruption: { reason: 'x', startAt: at(50), endAt: at(49) } }, '恢复时间需晚于开始时间'],
    [{ title: '' }, '请填写标题'],
    [{ body: '' }, '请填写正文'],
    [{ title: '这是一个非常非常非常非常非常长的公告标题超过二十字' }, '标题不超过 20 个字'],
    [{ interruption: undefined }, '需填写原因、影响范围'],
  ])('%j → %s', async (patch, message) => {
    const before = (await lc.db.collection('announcements').count()).total;
    const r = await A('create', waterCut(patch), 'o-staff-desk');
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(message);
    expect((await lc.db.collection('announcements').count()).total).toBe(before);
  });
});

describe('permissions', () => {
  test('only the desk, supervisors and admins write; residents and engineers are refused', async () => {
    for (const o of ['o-resident-01', 'o-staff-eng1', 'o-staff-sec']) expect((await A('create', waterCut(), o)).error.code).toBe('FORBIDDEN');
    expect((await A('list', {}, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await A('feed', {}, 'o-staff-eng1')).error.code).toBe('FORBIDDEN'); // staff without a home have no feed
    expect((await A('feed', {}, 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
  });
});

describe('delivery under failure', () => {
  test('transient errors are retried with backoff; permanent ones are recorded with their code; a crash never resends', async () => {
    for (const o of ['o-resident-09', 'o-resident-10', 'o-resident-11']) await lc.call('account', 'subscribe', { templateIds: ['TPL_NOTICE'] }, o);
    await lc.dev('/api/dev/wx-faults', { body: { touser: 'o-resident-09', errcode: -1, times: 1 } });
    await lc.dev('/api/dev/wx-faults', { body: { touser: 'o-resident-10', errcode: 40003, times: 1 } });
    const d = await A(
      'create',
      { type: 'general', title: '3栋门禁升级', body: '门禁系统周五升级。', scope: { kind: 'buildings', buildings: ['3栋'] }, clientRequestId: rid() },
      'o-staff-sup',
    );
    await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    // What a crashed run leaves behind: a delivery claimed for sending whose lease ran out.
    await broadcast();
    let reach = (await A('reach', { announcementId: d.data.announcementId }, 'o-staff-sup')).data;
    expect(reach.failures).toEqual([{ errcode: '40003', count: 1 }]);
    expect(reach.pending).toBe(1); // o-resident-09, waiting for its retry
    await lc.dev('/api/dev/clock', { body: { advanceMs: 2 * 60_000 } });
    await broadcast();
    reach = (await A('reach', { announcementId: d.data.announcementId }, 'o-staff-sup')).data;
    expect(reach.pending).toBe(0);
    expect(await outboxFor('o-resident-09')).toHaveLength(2); // one refused (-1), one delivered
    expect((await outboxFor('o-resident-09')).filter((m: any) => m.errcode === 0)).toHaveLength(1);
    expect((await outboxFor('o-resident-11')).filter((m: any) => m.errcode === 0)).toHaveLength(1);

    const crashed = `${d.data.announcementId}:o-tenant-01`;
    lc.server.ctx.engine.update(
      'announcement_deliveries',
      { _id: crashed },
      { $set: { status: 'sending', leaseUntil: new Date(NOW.getTime() - 1) } },
      { multi: false, replace: false, upsert: false },
    );
    await Promise.all([broadcast(), broadcast()]);
    const row = lc.server.ctx.engine.getById('announcement_deliveries', crashed)!;
    expect(row).toMatchObject({ status: 'failed', errcode: 'interrupted' });
  });
});

describe('questions and sharing', () => {
  test('asking on a notice opens a linked consultation; shares and group opens are counted', async () => {
    const d = await A('create', { type: 'event', title: '周末亲子活动', body: '周六上午在中心花园举办亲子游园会。', clientRequestId: rid() }, 'o-staff-sup');
    await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    const q = await A('ask', { announcementId: d.data.announcementId, question: '需要报名吗？', clientRequestId: rid() }, 'o-resident-10');
    expect(q.data.no).toMatch(/^ZX-/);
    const t = (await lc.call('tickets', 'get', { ticketId: q.data.ticketId }, 'o-resident-10')).data;
    expect(t).toMatchObject({ type: 'consultation', description: '关于公告「周末亲子活动」：需要报名吗？' });
    // Share tickets' cloudIDs as WeChat hands them to each user; the function resolves the group.
    const cid = (openid: string, openGId: string) => mintCloudId(openid, { openGId }, lc.server.ctx.clock.now());
    await A('shared', { announcementId: d.data.announcementId, cloudID: cid('o-resident-10', 'G-3栋业主群') }, 'o-resident-10');
    await A('enteredFromGroup', { announcementId: d.data.announcementId, cloudID: cid('o-tenant-01', 'G-3栋业主群') }, 'o-tenant-01');
    await A('enteredFromGroup', { announcementId: d.data.announcementId, cloudID: cid('o-resident-01', 'G-1栋业主群') }, 'o-resident-01');
    const reach = (await A('reach', { announcementId: d.data.announcementId }, 'o-staff-sup')).data;
    expect(reach).toMatchObject({ read: 3, shared: 1 });
    expect(reach.groups.map((g: any) => [g.openGId, g.opens]).sort()).toEqual([
      ['G-1栋业主群', 1],
      ['G-3栋业主群', 2],
    ]);
  });
});

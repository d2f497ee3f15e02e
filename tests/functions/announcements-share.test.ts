import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { decodeQrPng } from '../helpers/qr-decode';
import { mintCloudId } from '../../emulator/open-data';

/**
 * Issue 12, group-chat sharing: a published notice is public (anyone identified reads it, with
 * whether it covers them and the hotline, without personal data); drafts, notices in review,
 * scheduled and withdrawn ones are the community's notice authors' only; the poster's
 * mini-program code opens the notice.
 */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const A = (action: string, data: unknown, openid: string) => lc.call('announcements', action, data, openid);
const HOUR = 3600_000;
const NOW = new Date('2026-11-28T02:00:00.000Z');
const at = (h: number) => new Date(NOW.getTime() + h * HOUR).toISOString();
/** 3栋 resident, pending binding (2栋), a newcomer without a home, a WeChat user never seen, engineer, security. */
const OUTSIDERS = ['o-resident-10', 'o-pending-01', 'o-newcomer-01', 'o-wechat-stranger', 'o-staff-eng1', 'o-staff-sec'];
const waterCut = (extra: Record<string, unknown> = {}) => ({
  type: 'water',
  title: '1、2栋停水通知',
  body: '因二次供水水箱清洗消毒，1、2 栋将暂停供水，请提前储水。',
  scope: { kind: 'buildings', buildings: ['1栋', '2栋'] },
  interruption: { reason: '二次供水水箱清洗消毒', startAt: at(48), endAt: at(54) },
  clientRequestId: rid(),
  ...extra,
});
const published = async (extra: Record<string, unknown> = {}) => {
  const d = await A('create', waterCut(extra), 'o-staff-sup');
  expect((await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup')).data.status).toBe('published');
  return d.data.announcementId as string;
};

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await lc.dev('/api/dev/clock', { body: { set: NOW.toISOString(), frozen: true } });
});
afterAll(() => lc.stop());

describe('a published notice is public', () => {
  let id: string;
  beforeAll(async () => {
    id = await published();
  });

  test('a 3栋 resident, a pending user, an unbound user, a stranger, an engineer and security read a 1、2栋 notice, told it is not theirs, with the hotline', async () => {
    for (const o of OUTSIDERS) {
      const r = await A('get', { announcementId: id }, o);
      expect([o, r.ok]).toEqual([o, true]);
      expect(r.data).toMatchObject({
        title: '1、2栋停水通知',
        scopeLabel: '1栋、2栋',
        communityName: '翠湖花园',
        hotline: '021-62880000',
        reader: { covered: false },
        actions: [],
      });
      expect(r.data.interruption).toMatchObject({ reason: '二次供水水箱清洗消毒' });
      // Outsiders get no read mark (nothing to mark, no 提问 on a notice that is not theirs).
      expect(r.data.read).toBeUndefined();
    }
    expect((await A('get', { announcementId: id }, 'o-resident-10')).data.reader.buildings).toEqual(['3栋']);
    expect((await A('get', { announcementId: id }, 'o-pending-01')).data.reader.buildings).toEqual([]);
  });

  test('a resident it covers reads it as theirs, with the read mark', async () => {
    const r = await A('get', { announcementId: id }, 'o-resident-01');
    expect(r.data).toMatchObject({ reader: { covered: true, buildings: ['1栋'] }, read: false, hotline: '021-62880000' });
  });

  test('no personal data in the public answer: no author, reviewer, override, stored files, no phones', async () => {
    const override = await A('create', waterCut({ interruption: { reason: '爆管抢修', startAt: at(3), endAt: at(6) } }), 'o-staff-sup');
    await A('publish', { announcementId: override.data.announcementId, override: { reason: '突发爆管，需紧急抢修' } }, 'o-staff-sup');
    for (const announcementId of [id, override.data.announcementId]) {
      const r = await A('get', { announcementId }, 'o-wechat-stranger');
      for (const k of ['author', 'override', 'review', 'revision', 'files', 'withdrawn']) expect([k, r.data[k]]).toEqual([k, undefined]);
      const text = JSON.stringify(r.data);
      expect(text).not.toMatch(/1[3-9]\d{9}/); // no mobile numbers
      expect(text).not.toMatch(/刘洋|王敏|突发爆管/); // no staff names, no override reason
    }
    // The author still sees who did what.
    expect((await A('get', { announcementId: override.data.announcementId }, 'o-staff-desk')).data.override).toMatchObject({ by: '刘洋' });
  });

  test('a notice for named flats does not tell outsiders which flats', async () => {
    const flats = await published({
      type: 'general',
      interruption: undefined,
      title: '1栋101漏水检修',
      body: '检修期间请勿使用卫生间。',
      scope: { kind: 'units', unitIds: ['u-1-1-101', 'u-1-1-201'] },
    });
    const out = await A('get', { announcementId: flats }, 'o-resident-10');
    expect(out.data).toMatchObject({ scope: { kind: 'units', unitIds: [] }, scopeLabel: '部分房屋（2 户）', reader: { covered: false } });
    expect(JSON.stringify(out.data)).not.toMatch(/u-1-1-|1栋1单元/);
    expect((await A('get', { announcementId: flats }, 'o-resident-01')).data).toMatchObject({ scopeLabel: '1栋1单元101、1栋1单元201', reader: { covered: true } });
  });

  test('opening it from a group chat counts the group for any reader, and marks read only where it concerns them', async () => {
    const cid = (openid: string, openGId: string) => mintCloudId(openid, { openGId }, lc.server.ctx.clock.now());
    expect((await A('enteredFromGroup', { announcementId: id, cloudID: cid('o-pending-01', 'G-小区大群') }, 'o-pending-01')).data).toEqual({ recorded: true });
    expect((await A('enteredFromGroup', { announcementId: id, cloudID: cid('o-staff-eng1', 'G-小区大群') }, 'o-staff-eng1')).data).toEqual({ recorded: true });
    const reach = (await A('reach', { announcementId: id }, 'o-staff-sup')).data;
    expect(reach.groups).toEqual([expect.objectContaining({ openGId: 'G-小区大群', opens: 2 })]);
    expect(reach.read).toBe(0);
    // Targeting still decides who is asked and marked: an outsider's read mark is refused.
    expect((await A('read', { announcementId: id }, 'o-resident-10')).error.code).toBe('NOT_FOUND');
    expect((await A('ask', { announcementId: id, question: '3栋受影响吗？', clientRequestId: rid() }, 'o-resident-10')).error.code).toBe('NOT_FOUND');
  });
});

describe('what is not published stays private', () => {
  test('drafts, notices in review, scheduled and withdrawn ones answer like a notice that never existed, to everyone but the authors', async () => {
    const draft = (await A('create', waterCut({ title: '草稿通知' }), 'o-staff-desk')).data.announcementId;
    const inReview = (await A('create', waterCut({ title: '待审通知' }), 'o-staff-desk')).data.announcementId;
    expect((await A('publish', { announcementId: inReview }, 'o-staff-desk')).data.status).toBe('review');
    const scheduled = (await A('create', waterCut({ title: '定时通知' }), 'o-staff-sup')).data.announcementId;
    expect((await A('publish', { announcementId: scheduled, publishAt: at(2) }, 'o-staff-sup')).data.status).toBe('scheduled');
    const withdrawn = await published({ title: '撤回通知' });
    expect((await A('withdraw', { announcementId: withdrawn, reason: '信息有误' }, 'o-staff-sup')).data.status).toBe('withdrawn');
    const never = (await A('get', { announcementId: 'an-000000000000000000000000' }, 'o-resident-01')).error;
    expect(never).toEqual({ code: 'NOT_FOUND', message: '公告不存在或已撤回' });
    for (const announcementId of [draft, inReview, scheduled, withdrawn]) {
      for (const o of [...OUTSIDERS, 'o-resident-01']) expect([announcementId, o, (await A('get', { announcementId }, o)).error]).toEqual([announcementId, o, never]);
      for (const o of ['o-staff-desk', 'o-staff-sup', 'o-staff-admin']) expect((await A('get', { announcementId }, o)).ok).toBe(true);
    }
    // A group card of a withdrawn notice counts nothing.
    const cid = mintCloudId('o-resident-10', { openGId: 'G-3栋' }, lc.server.ctx.clock.now());
    expect((await A('enteredFromGroup', { announcementId: withdrawn, cloudID: cid }, 'o-resident-10')).error.code).toBe('NOT_FOUND');
  });

  test('an unidentified caller reads nothing', async () => {
    const id = await published({ title: '公开通知' });
    const res = await fetch(`${lc.url}/api/functions/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'get', data: { announcementId: id } }),
    });
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limit', () => {
  test('one person opening notices in a loop is stopped after 120 in ten minutes; others are not', async () => {
    const id = await published({ title: '限流测试' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => A('get', { announcementId: id }, 'o-newcomer-03')));
      codes.push(...batch.map((r: any) => (r.ok ? 'ok' : r.error.code)));
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(120);
    const refused = await A('get', { announcementId: id }, 'o-newcomer-03');
    expect(refused.error.code).toBe('RATE_LIMITED');
    expect(refused.error.message).toMatch(/操作过于频繁，请 \d+ 分钟后再试/);
    expect((await A('get', { announcementId: id }, 'o-newcomer-02')).ok).toBe(true);
  });
});

describe('poster code', () => {
  test('the desk gets a mini-program code whose scene (≤ 32) maps back to the notice; it decodes to the notice page; made once', async () => {
    const id = await published({ title: '海报通知' });
    const r = await A('posterCode', { announcementId: id }, 'o-staff-desk');
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ scene: id, page: 'pages/notice/index' });
    expect(r.data.scene.length).toBeLessThanOrEqual(32);
    const png = Buffer.from(await (await fetch(r.data.url)).arrayBuffer());
    const text = decodeQrPng(png);
    expect(text).toBe(`pages/notice/index?scene=${id}`);
    const stored = (await lc.db.collection('announcements').doc(id).get()).data[0].posterCode;
    expect(stored).toMatchObject({ scene: id, fileId: expect.stringMatching(/notice-codes/) });

    // Again, twice at once (another print, a double tap): the stored code, not a new one.
    await lc.dev('/api/dev/clock', { body: { advanceMs: 60_000 } });
    const again = await Promise.all([A('posterCode', { announcementId: id }, 'o-staff-sup'), A('posterCode', { announcementId: id }, 'o-staff-desk')]);
    for (const x of again) expect(decodeQrPng(Buffer.from(await (await fetch(x.data.url)).arrayBuffer()))).toBe(text);
    const after = (await lc.db.collection('announcements').doc(id).get()).data[0].posterCode;
    expect(after).toEqual(stored);
  });

  test('only the authors of its community, only for a notice that can be posted', async () => {
    const id = await published({ title: '权限通知' });
    for (const o of ['o-resident-01', 'o-staff-eng1', 'o-pending-01']) expect((await A('posterCode', { announcementId: id }, o)).error.code).toBe('FORBIDDEN');
    const draft = (await A('create', waterCut({ title: '未发布海报' }), 'o-staff-desk')).data.announcementId;
    expect((await A('posterCode', { announcementId: draft }, 'o-staff-desk')).error.code).toBe('CONFLICT');
    expect((await A('posterCode', { announcementId: 'an-nope' }, 'o-staff-desk')).error.code).toBe('NOT_FOUND');
  });
});

describe('one copy of the times', () => {
  test('an interruption’s summary is made from its times: a typed summary cannot contradict them', async () => {
    // NOW + 48 h = 11月30日 10:00 北京时间; + 54 h = 16:00.
    const d = await A('create', waterCut({ title: '摘要测试', summary: '周六 8:00-12:00 停水' }), 'o-staff-sup');
    expect(d.data.summary).toBe('11月30日 10:00-16:00');
    const moved = await A(
      'update',
      { announcementId: d.data.announcementId, ...waterCut({ clientRequestId: undefined, title: '摘要测试', interruption: { reason: '检修', startAt: at(50), endAt: at(70) } }) },
      'o-staff-sup',
    );
    expect(moved.data.summary).toBe('11月30日12:00-次日08:00');
    const general = await A('create', { type: 'general', title: '普通通知', summary: '周五消防演练', body: '请配合。', clientRequestId: rid() }, 'o-staff-sup');
    expect(general.data.summary).toBe('周五消防演练');
  });
});

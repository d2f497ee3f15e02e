import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';
import { mintCloudId } from '../../emulator/open-data';

/**
 * Issue 9, items 3, 4 and 7 (tickets and notices): each attack performed through the H5 gateway
 * (the caller's openid as WeChat would attach it) and the real SDK, refused cleanly, with the
 * legitimate use still working.
 */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const A = (action: string, data: unknown, openid: string) => lc.call('announcements', action, data, openid);
const NOW = new Date('2026-11-28T02:00:00.000Z');
const HOUR = 3600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const leak = (who: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  type: 'repair',
  category: 'plumbing_electric',
  description: '厨房水管漏水',
  location: { kind: 'home', unitId },
  contactPhone: '13900000001',
  clientRequestId: rid(),
  ...extra,
});
const A1 = 'o-resident-01';
const A1_HOME = 'u-1-1-101';
const B = 'o-resident-02';
const B_HOME = 'u-1-1-202';
const OUTSIDER_STAFF = 'o-staff-elsewhere';
const ticketsOf = async (openid: string) => (await lc.db.collection('tickets').where({ reporterOpenid: openid }).count()).total;
const upload = async (id: string) => (await lc.db.collection('uploads').doc(id).get()).data[0];
const slotIdOf = (fileID: string) => /\/uploads\/([a-f0-9]{32})\./.exec(fileID)![1];

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  // These flows complete repairs without photos; the photo rule (on by default) is tested in staff-search.test.ts.
  expect((await lc.call('tickets', 'setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).ok).toBe(true);
  await lc.dev('/api/dev/clock', { body: { set: NOW.toISOString(), frozen: true } });
  // A staff member of another community (with its own staff record), for cross-community attempts.
  await lc.db.collection('communities').add({ _id: 'cm-elsewhere', name: '别处小区' });
  await lc.db.collection('staff').add({
    _id: 'st-elsewhere',
    openid: OUTSIDER_STAFF,
    communityId: 'cm-elsewhere',
    name: '外区客服',
    phone: '13800000099',
    roles: ['desk', 'engineer'],
    active: true,
    onDuty: true,
    createdAt: NOW,
  });
});
afterAll(() => lc.stop());

describe('item 3: a file id a person submits must be theirs', () => {
  test('resident A attaches resident B’s upload to A’s ticket → refused, nothing written', async () => {
    const bFile = await uploadAs(lc, B);
    const before = await ticketsOf(A1);
    const r = await T('create', leak(A1, A1_HOME, { photos: [bFile] }), A1);
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '文件不存在或无权使用，请重新上传' } });
    expect(await ticketsOf(A1)).toBe(before);
    expect((await upload(slotIdOf(bFile))).boundTo).toBeNull();
    // B's own ticket still takes it.
    const own = await T('create', leak(B, B_HOME, { photos: [bFile] }), B);
    expect(own.ok).toBe(true);
    expect((await upload(slotIdOf(bFile))).boundTo).toBe(`ticket:${own.data.ticketId}`);
  });

  test('a made-up cloud:// id, a slot-shaped id never issued, and an issued slot never uploaded → refused', async () => {
    const before = await ticketsOf(A1);
    for (const fake of ['cloud://linli-test.6c69-linli-test/uploads/o-resident-02/secret.jpg', `cloud://linli-test.6c69-linli-test/uploads/${'ab'.repeat(16)}.jpg`]) {
      const r = await T('create', leak(A1, A1_HOME, { photos: [fake] }), A1);
      expect(r.error.code).toBe('INVALID_INPUT');
    }
    const slot = await T('prepareUpload', { contentType: 'image/jpeg' }, A1);
    expect(slot.data.fileID).not.toContain(A1);
    const r = await T('create', leak(A1, A1_HOME, { photos: [slot.data.fileID] }), A1);
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: '文件尚未上传完成，请重新上传' });
    expect(await ticketsOf(A1)).toBe(before);
  });

  test('own upload works (photos and a video), and a file used on one ticket cannot go on another', async () => {
    const photo = await uploadAs(lc, A1);
    const video = await uploadAs(lc, A1, { contentType: 'video/mp4', body: Buffer.from('00000018667479706d703432', 'hex') });
    const r = await T('create', leak(A1, A1_HOME, { photos: [photo], video }), A1);
    expect(r.ok).toBe(true);
    const d = (await T('get', { ticketId: r.data.ticketId }, A1)).data;
    expect(d.photoUrls).toHaveLength(1);
    expect(d.videoUrl).toMatch(/^http:/);
    // Retrying the same request (same clientRequestId) is fine; a second ticket is not.
    expect((await T('create', leak(A1, A1_HOME, { photos: [photo], clientRequestId: rid() }), A1)).error.code).toBe('INVALID_INPUT');
    // B cannot put A's attached photo on B's ticket either, nor in a message on B's ticket.
    const b = await T('create', leak(B, B_HOME), B);
    expect((await T('create', leak(B, B_HOME, { photos: [photo] }), B)).error.code).toBe('INVALID_INPUT');
    const events = (await lc.db.collection('ticket_events').where({ ticketId: b.data.ticketId }).count()).total;
    expect((await T('act', { action: 'message', ticketId: b.data.ticketId, text: '补充照片', photos: [photo] }, B)).error.code).toBe('INVALID_INPUT');
    expect((await lc.db.collection('ticket_events').where({ ticketId: b.data.ticketId }).count()).total).toBe(events);
    // A message with a fresh own photo works.
    const more = await uploadAs(lc, B);
    expect((await T('act', { action: 'message', ticketId: b.data.ticketId, text: '补充照片', photos: [more] }, B)).ok).toBe(true);
  });

  test('staff attach an upload of their community; another community’s upload is refused', async () => {
    const { ticketId } = (await T('create', leak(B, B_HOME), B)).data;
    expect((await T('act', { action: 'grab', ticketId }, 'o-staff-eng1')).ok).toBe(true);
    expect((await T('act', { action: 'arrive', ticketId }, 'o-staff-eng1')).ok).toBe(true);
    expect((await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1')).ok).toBe(true);
    const elsewhere = await uploadAs(lc, OUTSIDER_STAFF);
    const refused = await T('act', { action: 'complete', ticketId, text: '已修好', photos: [elsewhere] }, 'o-staff-eng1');
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect((await T('get', { ticketId }, B)).data.status).toBe('arrived');
    // An upload made in the community (here by the engineer's colleague at the desk) is fine.
    const colleague = await uploadAs(lc, 'o-staff-desk');
    const done = await T('act', { action: 'complete', ticketId, text: '已修好', photos: [colleague] }, 'o-staff-eng1');
    expect(done.data.status).toBe('resolved');
    const d = (await T('get', { ticketId }, B)).data;
    expect(d.timeline.find((e: any) => e.action === 'complete').photos).toHaveLength(1);
  });

  test('notice images: a staff member of another community cannot use this community’s uploads, nor the reverse', async () => {
    const mine = await uploadAs(lc, 'o-staff-desk', { fn: 'announcements' });
    const theirs = await uploadAs(lc, OUTSIDER_STAFF, { fn: 'announcements' });
    const draft = (images: string[]) => ({ type: 'general', title: '绿化施工', body: '见附图。', images, clientRequestId: rid() });
    expect((await A('create', draft([theirs]), 'o-staff-desk')).error.code).toBe('INVALID_INPUT');
    expect((await A('create', draft([mine]), OUTSIDER_STAFF)).error.code).toBe('INVALID_INPUT');
    const ok = await A('create', draft([mine]), 'o-staff-desk');
    expect(ok.data.files.images).toEqual([mine]);
    // Residents may not ask for notice upload slots at all.
    expect((await A('prepareUpload', { contentType: 'image/png' }, A1)).error.code).toBe('FORBIDDEN');
  });
});

describe('item 4: a published notice changes only through review', () => {
  const waterCut = (startInMs: number, extra: Record<string, unknown> = {}) => ({
    type: 'water',
    title: '1栋停水通知',
    summary: '周日停水',
    body: '因水箱清洗，1 栋将暂停供水，请提前储水。',
    scope: { kind: 'buildings', buildings: ['1栋'] },
    interruption: { reason: '水箱清洗', startAt: at(startInMs), endAt: at(startInMs + 6 * HOUR) },
    ...extra,
  });
  let id: string;
  beforeAll(async () => {
    const d = await A('create', { ...waterCut(48 * HOUR), clientRequestId: rid() }, 'o-staff-desk');
    id = d.data.announcementId;
    expect((await A('publish', { announcementId: id }, 'o-staff-desk')).data.status).toBe('review');
    expect((await A('review', { announcementId: id, approve: true }, 'o-staff-sup')).data.status).toBe('published');
  });

  test('desk edits the published text to a bank-transfer request → published text unchanged, revision pending review', async () => {
    const scam = '请于今日将本月水费转账至个人账户 6222 0000 1111 2222（户名张某），逾期停水。';
    const u = await A('update', { announcementId: id, ...waterCut(48 * HOUR, { body: scam }) }, 'o-staff-desk');
    expect(u.ok).toBe(true);
    expect(u.data).toMatchObject({ status: 'published', revised: false, body: '因水箱清洗，1 栋将暂停供水，请提前储水。', revision: { body: scam, by: '王敏' } });
    const r = (await A('get', { announcementId: id }, A1)).data;
    expect(r.body).toBe('因水箱清洗，1 栋将暂停供水，请提前储水。');
    expect(r.revised).toBe(false);
    expect(r.revision).toBeUndefined();
    expect((await A('feed', {}, A1)).data.items.find((n: any) => n.announcementId === id).body).not.toContain('转账');
    // The supervisor's review queue lists it.
    expect((await A('list', { status: 'review' }, 'o-staff-sup')).data.items.map((n: any) => n.announcementId)).toContain(id);
    // Returned with a reason: the published version simply stays.
    expect((await A('review', { announcementId: id, approve: false, reason: '内容不当' }, 'o-staff-sup')).ok).toBe(true);
    const after = (await A('get', { announcementId: id }, 'o-staff-sup')).data;
    expect(after).toMatchObject({ status: 'published', body: '因水箱清洗，1 栋将暂停供水，请提前储水。' });
    expect(after.revision).toBeUndefined();
  });

  test('desk moves the water cut to 15 minutes away without an override reason → refused; with one it waits for review', async () => {
    const soon = await A('update', { announcementId: id, ...waterCut(15 * 60_000) }, 'o-staff-desk');
    expect(soon.ok).toBe(false);
    expect(soon.error.code).toBe('INVALID_INPUT');
    expect(soon.error.message).toMatch(/停水需至少提前 24 小时通知/);
    const stored = (await lc.db.collection('announcements').doc(id).get()).data[0];
    expect(new Date(stored.interruption.startAt).toISOString()).toBe(at(48 * HOUR));
    expect(stored.revision ?? null).toBeNull();

    const withReason = await A('update', { announcementId: id, ...waterCut(15 * 60_000), override: { reason: '主管道爆裂紧急抢修' } }, 'o-staff-desk');
    expect(withReason.data.revision.interruption.startAt).toBe(at(15 * 60_000));
    expect((await A('get', { announcementId: id }, A1)).data.interruption.startAt).toBe(at(48 * HOUR));
  });

  test('the supervisor approves the revision → it becomes the published version, marked 已更新', async () => {
    const r = await A('review', { announcementId: id, approve: true }, 'o-staff-sup');
    expect(r.ok).toBe(true);
    const live = (await A('get', { announcementId: id }, A1)).data;
    expect(live).toMatchObject({ status: 'published', revised: true });
    expect(live.interruption.startAt).toBe(at(15 * 60_000));
    const staffView = (await A('get', { announcementId: id }, 'o-staff-sup')).data;
    expect(staffView.override).toMatchObject({ reason: '主管道爆裂紧急抢修', by: '王敏' });
    expect(staffView.revision).toBeUndefined();
    expect((await A('review', { announcementId: id, approve: true }, 'o-staff-sup')).error.code).toBe('CONFLICT');
  });

  test('a supervisor editing directly still publishes at once', async () => {
    const u = await A('update', { announcementId: id, ...waterCut(15 * 60_000, { body: '抢修中，预计 6 小时内恢复。' }) }, 'o-staff-sup');
    expect(u.data).toMatchObject({ body: '抢修中，预计 6 小时内恢复。', revised: true });
    expect(u.data.revision).toBeUndefined();
  });

  test('a desk change to a notice a supervisor scheduled goes back to review before it goes out', async () => {
    const d = await A('create', { type: 'reminder', title: '防冻提示', body: '请做好水管保温。', clientRequestId: rid() }, 'o-staff-sup');
    const sid = d.data.announcementId;
    expect((await A('publish', { announcementId: sid, publishAt: at(5 * HOUR) }, 'o-staff-sup')).data.status).toBe('scheduled');
    const u = await A('update', { announcementId: sid, type: 'reminder', title: '防冻提示', body: '请扫码缴纳防冻费。' }, 'o-staff-desk');
    expect(u.data).toMatchObject({ status: 'review', body: '请扫码缴纳防冻费。' });
    expect((await A('review', { announcementId: sid, approve: true }, 'o-staff-sup')).data.status).toBe('scheduled');
  });

  test('updates replace nested values: buildings → whole community leaves no stale buildings (direct and via review)', async () => {
    const u = await A('update', { announcementId: id, ...waterCut(15 * 60_000, { scope: { kind: 'community' } }) }, 'o-staff-sup');
    expect(u.ok).toBe(true);
    expect((await lc.db.collection('announcements').doc(id).get()).data[0].scope).toEqual({ kind: 'community' });

    const d = await A('create', { ...waterCut(48 * HOUR), clientRequestId: rid() }, 'o-staff-sup');
    await A('publish', { announcementId: d.data.announcementId }, 'o-staff-sup');
    await A(
      'update',
      {
        announcementId: d.data.announcementId,
        ...waterCut(48 * HOUR, { scope: { kind: 'community' }, interruption: { reason: '管网改造', startAt: at(48 * HOUR), endAt: at(50 * HOUR) } }),
      },
      'o-staff-desk',
    );
    await A('review', { announcementId: d.data.announcementId, approve: true }, 'o-staff-sup');
    const doc = (await lc.db.collection('announcements').doc(d.data.announcementId).get()).data[0];
    expect(doc.scope).toEqual({ kind: 'community' });
    expect(doc.interruption.reason).toBe('管网改造');
    expect(doc.review).toEqual({ by: expect.any(String), byName: '刘洋', at: expect.anything(), approved: true });
  });
});

describe('item 7: content checks and share statistics', () => {
  const GAMBLING = '加微信 xx888 网上赌博平台，日赚千元';

  test('a gambling advert as a rating comment is refused; a plain comment is kept', async () => {
    const { ticketId } = (await T('create', leak(A1, A1_HOME), A1)).data;
    await T('act', { action: 'grab', ticketId }, 'o-staff-eng1');
    await T('act', { action: 'arrive', ticketId }, 'o-staff-eng1');
    await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1');
    await T('act', { action: 'complete', ticketId, text: '已修好' }, 'o-staff-eng1');
    await T('act', { action: 'confirm', ticketId }, A1);
    const bad = await T('act', { action: 'rate', ticketId, score: 5, comment: GAMBLING }, A1);
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '内容含有不当信息，请修改后再提交' } });
    expect((await T('get', { ticketId }, A1)).data.rating).toBeUndefined();
    expect((await T('act', { action: 'rate', ticketId, score: 5, comment: '很及时' }, A1)).ok).toBe(true);
  });

  test('reopen reasons, messages and public notes with an advert are refused; the log is unchanged', async () => {
    const { ticketId } = (await T('create', leak(A1, A1_HOME), A1)).data;
    await T('act', { action: 'grab', ticketId }, 'o-staff-eng1');
    await T('act', { action: 'arrive', ticketId }, 'o-staff-eng1');
    await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1');
    await T('act', { action: 'complete', ticketId, text: '已修好' }, 'o-staff-eng1');
    const events = async () => (await lc.db.collection('ticket_events').where({ ticketId }).count()).total;
    const before = await events();
    expect((await T('act', { action: 'reopen', ticketId, reason: GAMBLING }, A1)).error.code).toBe('INVALID_INPUT');
    expect((await T('act', { action: 'message', ticketId, text: GAMBLING }, A1)).error.code).toBe('INVALID_INPUT');
    expect((await T('act', { action: 'note', ticketId, text: GAMBLING, visibility: 'public' }, 'o-staff-eng1')).error.code).toBe('INVALID_INPUT');
    expect(await events()).toBe(before);
    expect((await T('get', { ticketId }, A1)).data.status).toBe('resolved');
    expect((await T('act', { action: 'reopen', ticketId, reason: '还在漏水' }, A1)).ok).toBe(true);
  });

  test('public-location text, notice questions and notice texts go through the same check', async () => {
    const before = await ticketsOf(A1);
    const pub = await T('create', { ...leak(A1, A1_HOME), category: 'public_lighting', location: { kind: 'public', building: '1栋', area: GAMBLING } }, A1);
    expect(pub.error?.code ?? pub.ok).toBe('INVALID_INPUT');
    expect(await ticketsOf(A1)).toBe(before);

    const n = await A('create', { type: 'event', title: '周末活动', body: '中心花园亲子游园会。', clientRequestId: rid() }, 'o-staff-sup');
    await A('publish', { announcementId: n.data.announcementId }, 'o-staff-sup');
    expect((await A('ask', { announcementId: n.data.announcementId, question: GAMBLING, clientRequestId: rid() }, A1)).error.code).toBe('INVALID_INPUT');
    expect((await A('create', { type: 'general', title: '通知', body: GAMBLING, clientRequestId: rid() }, 'o-staff-desk')).error.code).toBe('INVALID_INPUT');
    expect((await A('create', { type: 'general', title: '通知', body: '正文', attachments: [], clientRequestId: rid() }, 'o-staff-desk')).ok).toBe(true);
  });

  test('shared: a client-named group id is refused or not counted; a cloudID WeChat issued to the caller is counted', async () => {
    const n = await A('create', { type: 'event', title: '周末活动二', body: '中心花园亲子游园会。', clientRequestId: rid() }, 'o-staff-sup');
    const aid = n.data.announcementId;
    await A('publish', { announcementId: aid }, 'o-staff-sup');
    const groups = async () => (await A('reach', { announcementId: aid }, 'o-staff-sup')).data.groups;

    // The old shape (a group id in the input) is no longer accepted at all.
    expect((await A('shared', { announcementId: aid, groupInfo: { cloudID: 'x', data: { openGId: 'G-forged' } } }, A1)).error.code).toBe('INVALID_INPUT');
    // A made-up cloudID, a tampered one, and one issued to someone else: the share counts, no group does.
    const real = mintCloudId(A1, { openGId: 'G-1栋业主群' }, lc.server.ctx.clock.now());
    const tampered = real.replace(/^local_[^.]+/, `local_${Buffer.from(JSON.stringify({ o: A1, d: { openGId: 'G-forged' }, e: Date.parse('2030-01-01') })).toString('base64url')}`);
    for (const cloudID of ['G-forged', tampered, mintCloudId(B, { openGId: 'G-forged' }, lc.server.ctx.clock.now())]) {
      expect((await A('shared', { announcementId: aid, cloudID }, A1)).data).toEqual({ shared: true });
    }
    expect((await A('enteredFromGroup', { announcementId: aid, cloudID: tampered }, A1)).data).toEqual({ recorded: false });
    expect(await groups()).toEqual([]);

    expect((await A('shared', { announcementId: aid, cloudID: real }, A1)).ok).toBe(true);
    expect((await A('enteredFromGroup', { announcementId: aid, cloudID: mintCloudId(B, { openGId: 'G-1栋业主群' }, lc.server.ctx.clock.now()) }, B)).data).toEqual({
      recorded: true,
    });
    expect((await groups()).map((g: any) => [g.openGId, g.opens])).toEqual([['G-1栋业主群', 2]]);

    // Expired after five minutes, as in WeChat.
    const old = mintCloudId(A1, { openGId: 'G-late' }, lc.server.ctx.clock.now());
    await lc.dev('/api/dev/clock', { body: { advanceMs: 6 * 60_000 } });
    await A('shared', { announcementId: aid, cloudID: old }, A1);
    expect((await groups()).map((g: any) => g.openGId)).toEqual(['G-1栋业主群']);
  });
});

import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/**
 * Issue 13 gaps (ops): the batch form's create/edit rules, the 入住通知 through the announcements
 * flow and its review rule, and the day-before reminder by subscribe message when consented.
 */
let lc: LocalCloudBase;
const M = (action: string, data: unknown, openid: string) => lc.call('movein', action, data, openid);
const A = (action: string, data: unknown, openid: string) => lc.call('announcements', action, data, openid);
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
/** 2026-12-02 10:00 北京时间. */
const NOW = new Date('2026-12-02T02:00:00.000Z');
const setClock = (at: Date) => lc.dev('/api/dev/clock', { body: { set: at.toISOString(), frozen: true } });
const count = async (coll: string, where: Record<string, unknown>) => (await lc.db.collection(coll).where(where).count()).total;
const DESK = 'o-staff-desk';
const SUP = 'o-staff-sup';

const batch = (building: string, extra: Record<string, unknown> = {}) => ({
  title: `${building}交付`,
  range: { building },
  startDate: '2026-12-05',
  endDate: '2026-12-06',
  slots: [
    { start: '09:00', end: '11:00', capacity: 5 },
    { start: '14:00', end: '16:00', capacity: 5 },
  ],
  requiredDocuments: ['id_card', 'purchase_contract'],
  feesNotice: '物业费 2.8 元/㎡·月，首年预缴。',
  preparation: [
    { task: '资料整理', who: '王敏', done: true },
    { task: '现场布置', who: '', done: false },
  ],
  ...extra,
});

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await setClock(NOW);
  await lc.db.collection('communities').add({ _id: 'cm-other', name: '别的小区', createdAt: NOW });
  await lc.db.collection('staff').add({
    _id: 'st-other',
    openid: 'o-other-desk',
    communityId: 'cm-other',
    name: '外人',
    phone: '15900000000',
    roles: ['desk', 'admin'],
    active: true,
    onDuty: true,
    createdAt: NOW,
  });
}, 60_000);
afterAll(() => lc.stop());

describe('the batch form: create and edit', () => {
  test('create keeps who and done of each preparation item; a double tap creates one batch', async () => {
    const key = rid();
    const [a, b] = await Promise.all([M('createBatch', { ...batch('2栋'), clientRequestId: key }, DESK), M('createBatch', { ...batch('2栋'), clientRequestId: key }, DESK)]);
    expect(a.data.batchId).toBe(b.data.batchId);
    expect(await count('movein_batches', { range: { building: '2栋' } })).toBe(1);
    const got = await M('getBatch', { batchId: a.data.batchId }, DESK);
    expect(got.data).toMatchObject({
      status: 'draft',
      slotSpecs: batch('2栋').slots,
      preparation: [
        { task: '资料整理', who: '王敏', done: true },
        { task: '现场布置', done: false },
      ],
    });
  });

  test('bad input is refused in Chinese, under the field it concerns, nothing written', async () => {
    const before = await count('movein_batches', {});
    const zero = await M('createBatch', { ...batch('2栋', { slots: [{ start: '09:00', end: '11:00', capacity: 0 }] }), clientRequestId: rid() }, DESK);
    expect(zero.error).toMatchObject({ code: 'INVALID_INPUT', message: '每个时段至少可约 1 户' });
    expect(zero.error.details.issues[0].path).toBe('slots.0.capacity');
    const noBuilding = await M('createBatch', { ...batch(''), clientRequestId: rid() }, DESK);
    expect(noBuilding.error).toMatchObject({ message: '请填写楼栋' });
    expect(noBuilding.error.details.issues[0].path).toBe('range.building');
    const overlap = await M(
      'createBatch',
      {
        ...batch('2栋', {
          slots: [
            { start: '09:00', end: '11:00', capacity: 5 },
            { start: '10:00', end: '12:00', capacity: 5 },
          ],
        }),
        clientRequestId: rid(),
      },
      DESK,
    );
    expect(overlap.error).toMatchObject({ code: 'INVALID_INPUT', message: '时段 09:00 与 10:00 重叠' });
    const nowhere = await M('createBatch', { ...batch('99栋'), clientRequestId: rid() }, DESK);
    expect(nowhere.error.message).toMatch(/没有房屋/);
    expect(await count('movein_batches', {})).toBe(before);
  });

  test('a draft is edited entirely: its slots follow the new dates and times', async () => {
    const { batchId } = (await M('createBatch', { ...batch('2栋'), clientRequestId: rid() }, DESK)).data;
    expect(await count('movein_slots', { batchId })).toBe(4);
    const edited = await M(
      'updateBatch',
      { ...batch('2栋', { title: '2栋第一批', endDate: '2026-12-07', slots: [{ start: '09:30', end: '12:00', capacity: 8 }] }), batchId },
      DESK,
    );
    expect(edited.data).toEqual({ batchId, status: 'draft' });
    const slots = (await lc.db.collection('movein_slots').where({ batchId }).get()).data;
    expect(slots).toHaveLength(3);
    expect(slots.every((s: any) => s.capacity === 8)).toBe(true);
    expect((await M('getBatch', { batchId }, DESK)).data).toMatchObject({ title: '2栋第一批', endDate: '2026-12-07' });
  });

  test('an open batch keeps range, dates, slots and documents (bookings hang on them); title and fees may change', async () => {
    const { batchId } = (await M('createBatch', { ...batch('2栋'), clientRequestId: rid() }, SUP)).data;
    expect((await M('publishBatch', { batchId, announce: false }, SUP)).ok).toBe(true);
    const moved = await M('updateBatch', { ...batch('2栋', { slots: [{ start: '09:00', end: '10:00', capacity: 5 }] }), batchId }, DESK);
    expect(moved.error).toMatchObject({ code: 'CONFLICT', message: '批次已开放预约，交付范围、日期、时段和所需资料不能再修改' });
    const docs = await M('updateBatch', { ...batch('2栋', { requiredDocuments: ['id_card'] }), batchId }, DESK);
    expect(docs.error.code).toBe('CONFLICT');
    expect(await count('movein_slots', { batchId })).toBe(4);
    const fees = await M('updateBatch', { ...batch('2栋', { feesNotice: '物业费 3.0 元/㎡·月' }), batchId }, DESK);
    expect(fees.data.status).toBe('open');
    expect((await M('getBatch', { batchId }, DESK)).data.feesNotice).toBe('物业费 3.0 元/㎡·月');
  });

  test('authorization: residents, engineers and another community cannot edit', async () => {
    const { batchId } = (await M('createBatch', { ...batch('2栋'), clientRequestId: rid() }, DESK)).data;
    const edit = { ...batch('2栋', { title: '改名' }), batchId };
    expect((await M('updateBatch', edit, 'o-resident-09')).error.code).toBe('FORBIDDEN');
    expect((await M('updateBatch', edit, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await M('updateBatch', edit, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await M('getBatch', { batchId }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await M('getBatch', { batchId }, 'o-resident-09')).error.code).toBe('FORBIDDEN');
    expect((await M('getBatch', { batchId }, DESK)).data.title).toBe('2栋交付');
  });
});

describe('publishing a batch publishes 入住通知 through the announcements flow', () => {
  test('a desk member’s notice goes to review (review on); publishing again adds nothing; the supervisor approves it', async () => {
    const { batchId } = (await M('createBatch', { ...batch('3栋'), clientRequestId: rid() }, DESK)).data;
    const p = await M('publishBatch', { batchId }, DESK);
    expect(p.data).toMatchObject({ status: 'open', announcement: { status: 'review' } });
    const id = p.data.announcement.announcementId;
    // Residents are not messaged directly any more, and see nothing before the review.
    expect(await count('messages', { key: `movein-open:${batchId}` })).toBe(0);
    expect((await A('get', { announcementId: id }, 'o-resident-09')).error.code).toBe('NOT_FOUND');
    const staffView = await A('get', { announcementId: id }, SUP);
    expect(staffView.data).toMatchObject({ status: 'review', title: '3栋交付入住通知', scopeLabel: '3栋' });
    expect(staffView.data.actions).toContain('review');
    // Again (a retry, a second tap): the same notice, still in review.
    expect((await M('publishBatch', { batchId }, DESK)).data.announcement).toEqual({ announcementId: id, status: 'review' });
    expect(await count('announcements', { _id: id })).toBe(1);
    // The desk cannot approve its own notice; the supervisor can, and it goes out to 3栋 only.
    expect((await A('review', { announcementId: id, approve: true }, DESK)).error.code).toBe('FORBIDDEN');
    expect((await A('review', { announcementId: id, approve: true }, SUP)).data.status).toBe('published');
    await lc.dev('/api/dev/timers/announcements', { method: 'POST' });
    expect((await A('feed', {}, 'o-resident-09')).data.items.map((x: any) => x.announcementId)).toContain(id);
    expect((await A('feed', {}, 'o-resident-01')).data.items.map((x: any) => x.announcementId)).not.toContain(id);
  });

  test('a notice the supervisor returned goes back to review when the desk publishes the batch again', async () => {
    const { batchId } = (await M('createBatch', { ...batch('3栋', { title: '3栋二批' }), clientRequestId: rid() }, DESK)).data;
    const id = (await M('publishBatch', { batchId }, DESK)).data.announcement.announcementId;
    expect((await A('review', { announcementId: id, approve: false, reason: '请补充收费标准' }, SUP)).data.status).toBe('draft');
    const again = await M('publishBatch', { batchId }, DESK);
    expect(again.data.announcement).toEqual({ announcementId: id, status: 'review' });
    expect((await A('get', { announcementId: id }, SUP)).data.status).toBe('review');
  });

  test('a supervisor’s publish goes out at once, scoped to the batch’s units when it covers part of a building', async () => {
    const { batchId } = (await M('createBatch', { ...batch('3栋', { title: '3栋2单元', range: { building: '3栋', unitNos: ['2单元'] } }), clientRequestId: rid() }, SUP)).data;
    const p = await M('publishBatch', { batchId }, SUP);
    expect(p.data.announcement.status).toBe('published');
    const doc = (await lc.db.collection('announcements').doc(p.data.announcement.announcementId).get()).data[0];
    expect(doc).toMatchObject({ status: 'published', broadcastState: 'targeting', scope: { kind: 'units' } });
    expect(doc.scope.unitIds.length).toBeGreaterThan(0);
    expect(doc.scope.unitIds.every((u: string) => u.startsWith('u-3-2-'))).toBe(true);
    // announce: false opens the batch without a notice.
    const quiet = (await M('createBatch', { ...batch('3栋', { title: '3栋静默' }), clientRequestId: rid() }, SUP)).data.batchId;
    expect((await M('publishBatch', { batchId: quiet, announce: false }, SUP)).data.announcement).toBeNull();
  });
});

describe('the day-before reminder', () => {
  test('by subscribe message when the person consented, always in the inbox; overlapping runs tell once', async () => {
    const { batchId } = (await M('createBatch', { ...batch('3栋', { title: '3栋提醒' }), clientRequestId: rid() }, SUP)).data;
    await M('publishBatch', { batchId, announce: false }, SUP);
    const slots = (await M('slots', { batchId }, 'o-resident-09')).data.items;
    // o-resident-09 consents to the reminder when booking; o-resident-10 does not.
    expect((await lc.call('account', 'subscribe', { templateIds: ['TPL_MOVEIN_REMIND'] }, 'o-resident-09')).ok).toBe(true);
    for (const o of ['o-resident-09', 'o-resident-10']) expect((await M('book', { slotId: slots[0].slotId }, o)).ok).toBe(true);
    await setClock(new Date('2026-12-04T02:00:00.000Z'));
    try {
      await Promise.all([lc.dev('/api/dev/timers/movein', { method: 'POST' }), lc.dev('/api/dev/timers/movein', { method: 'POST' })]);
      await lc.dev('/api/dev/timers/movein', { method: 'POST' });
      const msgs = (await lc.db.collection('messages').where({ title: '明天办理入住' }).get()).data;
      const of = (o: string) => msgs.filter((m: any) => m.openid === o);
      expect(of('o-resident-09')).toHaveLength(1);
      expect(of('o-resident-09')[0]).toMatchObject({ channel: 'subscribe', subscribe: { status: 'sent', templateId: 'TPL_MOVEIN_REMIND' } });
      expect(of('o-resident-10')).toHaveLength(1);
      expect(of('o-resident-10')[0]).toMatchObject({ channel: 'inbox', subscribe: { status: 'no-consent' } });
      const sent = (await lc.dev('/api/dev/outbox?touser=o-resident-09')).data.filter((m: any) => m.templateId === 'TPL_MOVEIN_REMIND');
      expect(sent).toHaveLength(1);
      expect(sent[0].data.time2.value).toBe('2026-12-05 09:00');
      // The consent was used up: one consent, one message.
      expect((await lc.call('account', 'subscriptions', {}, 'o-resident-09')).ok).toBe(true);
    } finally {
      await setClock(NOW);
    }
  });
});

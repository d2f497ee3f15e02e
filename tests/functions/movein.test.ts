import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { PNG, uploadAs } from '../helpers/uploads';
import { unitsFor } from '../../emulator/seed';

/** Issue 13: move-in — booking under concurrency, cutoff, documents, handover, inspection, authorization. */
let lc: LocalCloudBase;
const M = (action: string, data: unknown, openid: string) => lc.call('movein', action, data, openid);
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const HOUR = 3600_000;
/** 2026-12-02 10:00 北京时间. */
const NOW = new Date('2026-12-02T02:00:00.000Z');
const setClock = (at: Date) => lc.dev('/api/dev/clock', { body: { set: at.toISOString(), frozen: true } });
const registry = new Map(unitsFor('cm-cuihu').map((u) => [u._id, u]));
/** 3栋 owners seeded as residents (emulator/seed.ts): o-resident-09 … 12. */
const OWNER_B3 = 'o-resident-09';
const upload = (openid: string, body: Buffer = PNG, contentType = 'image/png') => uploadAs(lc, openid, { fn: 'movein' as any, body, contentType });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let batchId: string;
let slotIds: string[];
const slotAt = (id: string) =>
  lc.db
    .collection('movein_slots')
    .doc(id)
    .get()
    .then((r: any) => r.data[0]);

async function newBatch(building: string, capacity = 5, extra: Record<string, unknown> = {}) {
  const res = await M(
    'createBatch',
    {
      title: `${building}交付`,
      range: { building },
      startDate: '2026-12-05',
      endDate: '2026-12-06',
      slots: [
        { start: '09:00', end: '11:00', capacity },
        { start: '14:00', end: '16:00', capacity },
      ],
      requiredDocuments: ['id_card', 'purchase_contract'],
      feesNotice: '物业费 2.8 元/㎡·月，首年预缴。',
      clientRequestId: rid(),
      ...extra,
    },
    'o-staff-desk',
  );
  expect(res.ok).toBe(true);
  expect((await M('publishBatch', { batchId: res.data.batchId }, 'o-staff-desk')).ok).toBe(true);
  return res.data.batchId as string;
}

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await setClock(NOW);
  batchId = await newBatch('3栋');
  const s = await M('slots', {}, OWNER_B3);
  expect(s.ok).toBe(true);
  slotIds = s.data.items.map((i: any) => i.slotId);
}, 60_000);
afterAll(() => lc.stop());

describe('slots and booking', () => {
  test('a bound owner of the building sees the batch and its slots (public shape)', async () => {
    const s = await M('slots', {}, OWNER_B3);
    expect(s.data.batch).toMatchObject({ batchId, building: '3栋', cutoffHours: 24 });
    expect(s.data.items).toHaveLength(4);
    expect(s.data.items[0]).toEqual(expect.objectContaining({ slotId: expect.any(String), startAt: expect.anything(), endAt: expect.anything(), capacity: 5, booked: 0 }));
    // A resident of another building has no batch.
    expect((await M('slots', {}, 'o-resident-01')).data).toEqual({ batch: null, items: [] });
    expect((await M('slots', {}, OWNER_B3)).data).toMatchObject({ bound: true, units: [] });
    const fresh = await M('slots', {}, 'o-nobody');
    expect(fresh.data.units).toContainEqual({ unitId: 'u-3-2-401', label: '3栋2单元401' });
  });

  test('50 concurrent bookings of a slot with capacity 5 leave exactly 5 booked', async () => {
    // 50 owners of 50 units of a test building, bound the way account binds them.
    const units = Array.from({ length: 50 }, (_, i) => ({
      _id: `u-9-${i}`,
      communityId: 'cm-cuihu',
      building: '9栋',
      unitNo: '1单元',
      room: String(100 + i),
      label: `9栋1单元${100 + i}`,
    }));
    for (const u of units) await lc.db.collection('units').add(u);
    for (const [i, u] of units.entries())
      await lc.db.collection('memberships').add({
        _id: `m-load-${i}`,
        openid: `o-load-${i}`,
        unitId: u._id,
        communityId: 'cm-cuihu',
        name: `业主${i}`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        relation: 'owner',
        status: 'approved',
        requestKey: `o-load-${i}:seed`,
        createdAt: NOW,
      });
    const b = await newBatch('9栋', 5);
    const slot = (await M('slots', { batchId: b }, 'o-load-0')).data.items[0].slotId;
    const results = await Promise.all(units.map((_, i) => M('book', { slotId: slot }, `o-load-${i}`)));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(5);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/约满|冲突/);
    }
    expect((await slotAt(slot)).booked).toBe(5);
    const stored = (await lc.db.collection('movein_bookings').where({ slotId: slot }).get()).data;
    expect(stored).toHaveLength(5);
  }, 120_000);

  test('book with { slotId }, a double tap books once, a second booking moves the first', async () => {
    const a = await M('book', { slotId: slotIds[0] }, OWNER_B3);
    expect(a.data).toMatchObject({ status: 'booked', unitLabel: '3栋1单元101', movable: true });
    const again = await M('book', { slotId: slotIds[0] }, OWNER_B3);
    expect(again.data.bookingId).toBe(a.data.bookingId);
    expect((await slotAt(slotIds[0])).booked).toBe(1);
    const moved = await M('book', { slotId: slotIds[1] }, OWNER_B3);
    expect(moved.data).toMatchObject({ bookingId: a.data.bookingId, slotId: slotIds[1] });
    expect((await slotAt(slotIds[0])).booked).toBe(0);
    expect((await slotAt(slotIds[1])).booked).toBe(1);
    expect((await lc.db.collection('movein_bookings').where({ openid: OWNER_B3 }).get()).data).toHaveLength(1);
  });

  test('a full slot, a unit held by another booking, a unit outside the batch: clear errors, nothing written', async () => {
    const b = await newBatch('2栋', 1);
    const s = (await M('slots', { batchId: b }, 'o-resident-06')).data.items;
    expect((await M('book', { slotId: s[0].slotId }, 'o-resident-06')).ok).toBe(true);
    const full = await M('book', { slotId: s[0].slotId }, 'o-resident-07');
    expect(full.error).toMatchObject({ code: 'CONFLICT', message: '该时段已约满，请选择其他时段' });
    // o-resident-01 owns 1栋: nothing of theirs is in the 2栋 batch.
    const outside = await M('book', { slotId: s[1].slotId }, 'o-resident-01');
    expect(outside.error.code).toBe('FORBIDDEN');
    expect(outside.error.message).toMatch(/不在本批次交付范围/);
    expect((await slotAt(s[1].slotId)).booked).toBe(0);
  });

  test('rescheduling and cancelling close at the cutoff (24 h before); a past slot cannot be booked', async () => {
    const owner = 'o-resident-10';
    const first = await M('book', { slotId: slotIds[0] }, owner); // 12-05 09:00
    expect(first.ok).toBe(true);
    try {
      // 12-04 10:00 北京时间: 23 h before the booked slot.
      await setClock(new Date('2026-12-04T02:00:00.000Z'));
      const move = await M('book', { slotId: slotIds[3] }, owner);
      expect(move.error).toMatchObject({ code: 'CONFLICT' });
      expect(move.error.message).toMatch(/已过改约截止时间/);
      const cancel = await M('cancel', { bookingId: first.data.bookingId }, owner);
      expect(cancel.error.message).toMatch(/已过取消截止时间/);
      expect((await M('getBooking', { bookingId: first.data.bookingId }, owner)).data).toMatchObject({ slotId: slotIds[0], status: 'booked', movable: false });
      expect((await slotAt(slotIds[3])).booked).toBe(0);
      // A new booking on a slot inside its cutoff is refused too.
      const late = await M('book', { slotId: slotIds[0] }, 'o-resident-11');
      expect(late.error.message).toBe('该时段已过预约截止时间，请选择其他时段');
      await setClock(new Date('2026-12-05T04:00:00.000Z'));
      const past = await M('book', { slotId: slotIds[0] }, 'o-resident-11');
      expect(past.error.message).toBe('该时段已过，请选择其他时段');
    } finally {
      await setClock(NOW);
    }
    // Before the cutoff a cancel frees the place.
    const c = await M('cancel', { bookingId: first.data.bookingId }, owner);
    expect(c.ok).toBe(true);
    expect((await slotAt(slotIds[0])).booked).toBe(0);
  });
});

describe('a person not yet bound books by the owner registry', () => {
  test('matching name and phone books; a wrong one is refused; misses are limited with binding’s counters', async () => {
    const u = registry.get('u-3-2-501')!;
    const miss = await M('book', { slotId: slotIds[2], unitId: u._id, name: '冒充者', phone: '13800000000' }, 'o-attacker');
    expect(miss.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(miss.error.message).toMatch(/业主登记信息不符/);
    await M('book', { slotId: slotIds[2], unitId: u._id, name: u.ownerName, phone: '13800000001' }, 'o-attacker');
    await M('book', { slotId: slotIds[2], unitId: u._id, name: u.ownerName, phone: '13800000002' }, 'o-attacker');
    // Three misses for this unit: even the right answer is no longer checked.
    const limited = await M('book', { slotId: slotIds[2], unitId: u._id, name: u.ownerName, phone: u.ownerPhone }, 'o-attacker');
    expect(limited.error.code).toBe('RATE_LIMITED');
    expect((await lc.db.collection('movein_bookings').where({ openid: 'o-attacker' }).get()).data).toHaveLength(0);
    // The same counters as binding: an owner claim of this unit by the attacker now waits for the desk.
    const claim = await lc.call('account', 'requestBinding', { unitId: u._id, relation: 'owner', name: u.ownerName, phone: u.ownerPhone, clientRequestId: rid() }, 'o-attacker');
    expect(claim.data).toMatchObject({ status: 'pending' });
    // The real owner still books.
    const real = await M('book', { slotId: slotIds[2], unitId: u._id, name: u.ownerName, phone: u.ownerPhone }, 'o-newcomer-01');
    expect(real.data).toMatchObject({ status: 'booked', unitId: u._id });
  });

  test('the book action itself is limited like binding (per person, 10 in 10 minutes)', async () => {
    const u = registry.get('u-3-2-502')!;
    const res = [];
    for (let i = 0; i < 11; i++) res.push(await M('book', { slotId: slotIds[2], unitId: `u-nope-${i}`, name: u.ownerName, phone: u.ownerPhone }, 'o-spray'));
    expect(res.slice(0, 10).every((r) => r.error?.code === 'FORBIDDEN')).toBe(true);
    expect(res[10].error.code).toBe('RATE_LIMITED');
  });
});

describe('documents and review', () => {
  let bookingId: string;
  const NEW = 'o-newcomer-02';
  const unit = () => registry.get('u-3-2-401')!;
  beforeAll(async () => {
    const u = unit();
    const b = await M('book', { slotId: slotIds[3], unitId: u._id, name: u.ownerName, phone: u.ownerPhone }, NEW);
    bookingId = b.data.bookingId;
  });

  test('wrong type, too large and someone else’s file are refused; nothing written', async () => {
    const fake = await upload(NEW, Buffer.from('not really a png'), 'image/png');
    const r1 = await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [fake] }, NEW);
    expect(r1.error.message).toMatch(/文件类型不支持/);
    const big = await upload(NEW, Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]));
    const r2 = await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [big] }, NEW);
    expect(r2.error.message).toMatch(/文件过大/);
    const video = await M('prepareUpload', { contentType: 'video/mp4' }, NEW);
    expect(video.error.code).toBe('INVALID_INPUT');
    const theirs = await upload(OWNER_B3);
    const r3 = await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [theirs] }, NEW);
    expect(r3.error.code).toBe('INVALID_INPUT');
    expect((await M('getBooking', { bookingId }, NEW)).data.documents.every((d: any) => d.status === 'missing')).toBe(true);
  });

  test('the desk rejects one with a reason, approves the replacement; all approved binds the owner', async () => {
    expect((await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [await upload(NEW)] }, NEW)).ok).toBe(true);
    expect((await M('submitDocument', { bookingId, kind: 'purchase_contract', fileIds: [await upload(NEW, PDF, 'application/pdf')] }, NEW)).ok).toBe(true);
    // An engineer does not review documents.
    expect((await M('reviewDocument', { bookingId, kind: 'id_card', approve: true }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await M('reviewDocument', { bookingId, kind: 'id_card', approve: false }, 'o-staff-desk')).error.code).toBe('INVALID_INPUT');
    const rej = await M('reviewDocument', { bookingId, kind: 'id_card', approve: false, reason: '身份证照片模糊' }, 'o-staff-desk');
    expect(rej.ok).toBe(true);
    const seen = (await M('getBooking', { bookingId }, NEW)).data.documents.find((d: any) => d.kind === 'id_card');
    expect(seen).toMatchObject({ status: 'rejected', statusLabel: '未通过', reason: '身份证照片模糊' });
    // A rejected document cannot be approved until it is replaced.
    expect((await M('reviewDocument', { bookingId, kind: 'id_card', approve: true }, 'o-staff-desk')).error.code).toBe('CONFLICT');
    expect((await M('reviewDocument', { bookingId, kind: 'purchase_contract', approve: true }, 'o-staff-desk')).data.status).toBe('booked');
    expect((await lc.call('account', 'me', {}, NEW)).data.homes ?? []).toHaveLength(0);
    expect((await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [await upload(NEW)] }, NEW)).ok).toBe(true);
    const done = await M('reviewDocument', { bookingId, kind: 'id_card', approve: true }, 'o-staff-desk');
    expect(done.data.status).toBe('approved');
    // Approved means bound as owner, in the membership account keeps.
    const m = (await lc.db.collection('memberships').where({ openid: NEW, unitId: unit()._id }).get()).data;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ relation: 'owner', status: 'approved', decidedBy: 'o-staff-desk' });
    const me = await lc.call('account', 'me', {}, NEW);
    expect(JSON.stringify(me.data)).toContain('3栋2单元401');
    // An approved document stays approved.
    expect((await M('submitDocument', { bookingId, kind: 'id_card', fileIds: [await upload(NEW)] }, NEW)).error.code).toBe('CONFLICT');
    // The resident is told in the inbox, with the reason of the rejection.
    const inbox = await lc.call('inbox', 'list', { box: 'personal' }, NEW);
    expect(JSON.stringify(inbox.data)).toContain('身份证照片模糊');
  });

  test('documents download only for the booker and staff of the community (expiring URLs)', async () => {
    const mine = await M('documentUrls', { bookingId, kind: 'purchase_contract' }, NEW);
    expect(mine.data.items[0].url).toMatch(/^http/);
    expect(mine.data.expiresInSec).toBe(600);
    expect((await M('documentUrls', { bookingId, kind: 'purchase_contract' }, 'o-staff-desk')).ok).toBe(true);
    expect((await M('documentUrls', { bookingId, kind: 'purchase_contract' }, OWNER_B3)).error.code).toBe('NOT_FOUND');
    expect((await M('getBooking', { bookingId }, OWNER_B3)).error.code).toBe('NOT_FOUND');
  });
});

describe('authorization', () => {
  beforeAll(async () => {
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
  });

  test('residents cannot manage batches; staff of another community see nothing', async () => {
    expect((await M('createBatch', { title: 'x' }, OWNER_B3)).error.code).toMatch(/FORBIDDEN|INVALID_INPUT/);
    expect((await M('listBatches', {}, OWNER_B3)).error.code).toBe('FORBIDDEN');
    expect((await M('dashboard', { batchId }, OWNER_B3)).error.code).toBe('FORBIDDEN');
    expect((await M('listBatches', {}, 'o-other-desk')).data.items).toHaveLength(0);
    expect((await M('listBookings', { batchId }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await M('dashboard', { batchId }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await M('exportBatch', { batchId }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await M('publishBatch', { batchId }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    const mine = (await M('myMovein', {}, OWNER_B3)).data.items[0];
    for (const [action, data] of [
      ['getBooking', { bookingId: mine.bookingId }],
      ['reviewDocument', { bookingId: mine.bookingId, kind: 'id_card', approve: true }],
      ['handover', { bookingId: mine.bookingId, step: 'arrival' }],
      ['receipt', { bookingId: mine.bookingId }],
      ['documentUrls', { bookingId: mine.bookingId, kind: 'id_card' }],
    ] as const)
      expect((await M(action, data, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    // Security staff are not part of move-in; a resident cannot act as staff on their own booking.
    expect((await M('handover', { bookingId: mine.bookingId, step: 'arrival' }, 'o-staff-sec')).error.code).toBe('FORBIDDEN');
    expect((await M('handover', { bookingId: mine.bookingId, step: 'arrival' }, OWNER_B3)).error.code).toBe('FORBIDDEN');
    // Staff cannot cancel or sign for the resident.
    expect((await M('cancel', { bookingId: mine.bookingId }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
  });

  test('the dashboard counts the batch; the export is an .xlsx', async () => {
    const d = await M('dashboard', { batchId }, 'o-staff-sup');
    const active = (await lc.db.collection('movein_bookings').where({ batchId }).get()).data.filter((b: any) => b.status !== 'cancelled');
    expect(d.data).toMatchObject({ booked: active.length, documentsRejected: 0, keysHandedOver: 0 });
    const x = await M('exportBatch', { batchId }, 'o-staff-desk');
    expect(x.error).toBeUndefined();
    expect(x.data.rows).toBe(active.length);
    const file = Buffer.from(await (await fetch(x.data.url)).arrayBuffer());
    expect(file.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('handover, inspection and re-inspection', () => {
  const NEW = 'o-newcomer-02';
  let bookingId: string;
  beforeAll(async () => {
    bookingId = (await M('myMovein', {}, NEW)).data.items[0].bookingId;
  });

  test('steps in order; the resident signs only when all are done; the receipt opens for both sides', async () => {
    expect((await M('handover', { bookingId, step: 'keys', keys: [{ type: 'door', count: 2 }] }, 'o-staff-desk')).error.message).toMatch(/请先完成前面的步骤/);
    expect((await M('handover', { bookingId, step: 'arrival' }, 'o-staff-desk')).data.status).toBe('arrived');
    expect((await M('handover', { bookingId, step: 'documents' }, 'o-staff-desk')).ok).toBe(true);
    const sig0 = await upload(NEW);
    expect((await M('signReceipt', { bookingId, signature: { fileId: sig0 } }, NEW)).error.message).toMatch(/交接步骤尚未全部完成/);
    expect(
      (
        await M(
          'handover',
          {
            bookingId,
            step: 'keys',
            keys: [
              { type: 'door', count: 3 },
              { type: 'access_card', count: 2 },
            ],
          },
          'o-staff-desk',
        )
      ).ok,
    ).toBe(true);
    const photos = [await upload('o-staff-eng1'), await upload('o-staff-eng1'), await upload('o-staff-eng1')];
    const meters = { water: { reading: 12.5, photo: photos[0] }, electricity: { reading: 300, photo: photos[1] }, gas: { reading: 4, photo: photos[2] } };
    expect((await M('handover', { bookingId, step: 'meters', meters }, 'o-staff-eng1')).ok).toBe(true);
    const ready = await M('handover', { bookingId, step: 'manuals' }, 'o-staff-desk');
    expect(ready.data.readyToSign).toBe(true);
    // Staff cannot sign for the owner.
    expect((await M('signReceipt', { bookingId, signature: { fileId: await upload('o-staff-desk') } }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const signed = await M('signReceipt', { bookingId, signature: { fileId: sig0 } }, NEW);
    expect(signed.data.status).toBe('keys_signed');
    for (const who of [NEW, 'o-staff-sup']) {
      const r = await M('receipt', { bookingId }, who);
      expect(r.data).toMatchObject({ unitLabel: '3栋2单元401', keys: [{ label: '入户门钥匙', count: 3 }, expect.anything()] });
      expect(r.data.signatureUrl).toMatch(/^http/);
      expect(r.data.signedAt).toMatch(/^2026-12-02 10:00$/);
    }
    expect((await M('receipt', { bookingId }, OWNER_B3)).error.code).toBe('NOT_FOUND');
  });

  test('two defects become tickets in the resident’s 服务 list; re-inspection waits for both; a refused one reopens', async () => {
    const items = [
      { room: 'living', item: 'walls', ok: true },
      { room: 'kitchen', item: 'drains_leaks', ok: false, location: '水槽下方', note: '下水管接口渗水', category: 'plumbing_electric', photos: [await upload('o-staff-eng1')] },
      { room: 'bedroom', item: 'doors_windows', ok: false, location: '主卧窗户', note: '窗框密封条脱落', category: 'doors_windows', warranty: { contractor: '华建门窗公司' } },
    ];
    const key = rid();
    // Defect photos must be upload slots of this community: a made-up file id is refused, nothing recorded.
    const bad = await M(
      'inspect',
      { bookingId, items: items.map((i, n) => (n === 2 ? { ...i, photos: ['cloud://env/someone-elses.png'] } : i)), clientRequestId: rid() },
      'o-staff-eng1',
    );
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect((await M('getBooking', { bookingId }, 'o-staff-eng1')).data.inspected).toBe(false);
    const done = await M('inspect', { bookingId, items, clientRequestId: key }, 'o-staff-eng1');
    expect(done.data.status).toBe('inspected');
    expect(done.data.defects).toHaveLength(2);
    // The photo goes with the defect: an expiring URL for the staff and the booker, and on the ticket.
    const leak = done.data.defects.find((d: any) => d.item === 'drains_leaks');
    expect(leak.photoUrls).toHaveLength(1);
    expect(leak.photoUrls[0]).toMatch(/^http/);
    expect((await M('getBooking', { bookingId }, NEW)).data.defects.find((d: any) => d.item === 'drains_leaks').photoUrls).toHaveLength(1);
    expect((await lc.db.collection('tickets').doc(leak.ticketId).get()).data[0].photos).toHaveLength(1);
    // A retry of the same inspection opens no ticket twice.
    expect((await M('inspect', { bookingId, items, clientRequestId: key }, 'o-staff-eng1')).data.defects.map((d: any) => d.ticketId)).toEqual(
      done.data.defects.map((d: any) => d.ticketId),
    );
    const mine = await lc.call('tickets', 'listMine', {}, NEW);
    const ids = JSON.stringify(mine.data);
    for (const d of done.data.defects) expect(ids).toContain(d.ticketId);
    const sig = await upload(NEW);
    expect((await M('reinspect', { bookingId, signature: { fileId: sig } }, NEW)).error.message).toMatch(/尚未整改完成/);
    // The engineers fix both (the tickets go to resolved).
    for (const d of done.data.defects) await lc.db.collection('tickets').doc(d.ticketId).update({ status: 'resolved' });
    const view = await M('getBooking', { bookingId }, NEW);
    expect(view.data.canReinspect).toBe(true);
    const refused = done.data.defects[0].defectId;
    const r = await M('reinspect', { bookingId, signature: { fileId: sig }, refuse: [{ defectId: refused, note: '仍有渗水痕迹' }] }, NEW);
    expect(r.data.status).toBe('inspected');
    const again = r.data.defects.find((d: any) => d.defectId === refused);
    expect(again).toMatchObject({ status: 'reopened' });
    expect(again.ticketId).not.toBe(done.data.defects[0].ticketId);
    expect(r.data.defects.find((d: any) => d.defectId !== refused).status).toBe('accepted');
    expect(r.data.canReinspect).toBe(false);
    await lc.db.collection('tickets').doc(again.ticketId).update({ status: 'closed' });
    const closed = await M('reinspect', { bookingId, signature: { fileId: await upload(NEW) } }, NEW);
    expect(closed.data.status).toBe('closed');
    const d = await M('dashboard', { batchId }, 'o-staff-sup');
    expect(d.data).toMatchObject({ keysHandedOver: 1, inspectionsDone: 1, openDefects: 0 });
  });
});

describe('reminder the day before', () => {
  test('booked owners of tomorrow are told once, however often the timer runs', async () => {
    await setClock(new Date('2026-12-04T02:00:00.000Z'));
    try {
      await lc.dev('/api/dev/timers/movein', { method: 'POST' });
      await lc.dev('/api/dev/timers/movein', { method: 'POST' });
      const inbox = await lc.call('inbox', 'list', { box: 'personal' }, OWNER_B3);
      const reminders = inbox.data.items.filter((i: any) => i.title === '明天办理入住');
      expect(reminders).toHaveLength(1);
      expect(reminders[0].body).toMatch(/14:00/);
    } finally {
      await setClock(NOW);
    }
  });
});

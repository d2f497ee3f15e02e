import type { RunningServer } from './server';

/**
 * Demo activity for a first `npm start`, made through the real functions (as the residents
 * and staff would make it), so every derived field, log entry and message is genuine:
 * tickets in several states, a callback due, and notices.
 */
export async function seedActivity(server: RunningServer) {
  const { runner, clock } = server.ctx;
  const call = async (openid: string, fn: string, action: string, data: unknown) => {
    const out = await runner.invoke(fn, { action, data }, { openid, appid: 'wx-local-appid', source: 'wx_client' });
    const res = out.ok ? (out.result as any) : null;
    if (!res?.ok) throw new Error(`demo seed: ${fn}.${action} failed: ${JSON.stringify(out.ok ? res?.error : out)}`);
    return res.data;
  };
  const hour = 3600_000;
  const iso = (h: number) => new Date(clock.now() + h * hour).toISOString();
  const report = (openid: string, unitId: string, category: string, description: string, id: string, type = 'repair') =>
    call(openid, 'tickets', 'create', {
      type,
      category,
      description,
      location: { kind: 'home', unitId },
      contactPhone: '13900000000',
      subscribed: ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_TICKET_REPLY'],
      clientRequestId: `demo-seed-${id}`,
    });

  // A leak waiting in the engineers' grab pool.
  await report('o-resident-02', 'u-1-1-202', 'plumbing_electric', '厨房水龙头一直滴水，关不紧', 'a');
  // A door being fixed: grabbed and attended.
  const b = await report('o-resident-06', 'u-2-1-102', 'doors_windows', '入户门锁芯卡住，钥匙转不动', 'b');
  await call('o-staff-eng1', 'tickets', 'act', { action: 'grab', ticketId: b.ticketId });
  await call('o-staff-eng1', 'tickets', 'act', { action: 'arrive', ticketId: b.ticketId });
  // A repair done and waiting for the resident to confirm (and a callback for the desk).
  const c = await report('o-resident-01', 'u-1-1-101', 'wall_leak', '卫生间墙面渗水，墙皮起鼓', 'c');
  await call('o-staff-eng2', 'tickets', 'act', { action: 'grab', ticketId: c.ticketId });
  await call('o-staff-eng2', 'tickets', 'act', { action: 'complete', ticketId: c.ticketId, text: '已重做防水层并修补墙面，请保持通风 48 小时', photos: [] });
  // A complaint with the desk, and a consultation answered.
  await report('o-resident-07', 'u-2-1-302', 'noise', '楼上每晚十一点后还在装修，影响休息', 'd', 'complaint');
  const e = await report('o-resident-01', 'u-1-1-101', 'fees', '物业费可以按季度缴纳吗？', 'e', 'consultation');
  await call('o-staff-desk', 'tickets', 'act', { action: 'answer', ticketId: e.ticketId, text: '可以，按季度或按年缴纳均可，在前台或小程序缴费。' });

  // Notices: a planned water cut for two buildings (pinned), and a reminder for everyone.
  const w = await call('o-staff-sup', 'announcements', 'create', {
    type: 'water',
    title: '1、2栋计划停水通知',
    summary: '后天 9:00-15:00 停水',
    body: '因二次供水水箱清洗消毒，1 栋、2 栋将暂停供水。请提前储水，关闭家中水龙头，恢复供水后先放水几分钟再使用。给您带来不便，敬请谅解。',
    scope: { kind: 'buildings', buildings: ['1栋', '2栋'] },
    interruption: { reason: '二次供水水箱清洗消毒', startAt: iso(49), endAt: iso(55) },
    pinned: true,
    clientRequestId: 'demo-seed-notice-1',
  });
  await call('o-staff-sup', 'announcements', 'publish', { announcementId: w.announcementId });
  const r = await call('o-staff-sup', 'announcements', 'create', {
    type: 'reminder',
    title: '冬季防冻温馨提示',
    summary: '请做好水管保温',
    body: '近期气温将降至零下，请关好门窗，对阳台、厨房外露水管做好保温，长时间外出请关闭总水阀。',
    clientRequestId: 'demo-seed-notice-2',
  });
  await call('o-staff-sup', 'announcements', 'publish', { announcementId: r.announcementId });
  // Residents who consented to notices, so the broadcast has someone to reach.
  for (const o of ['o-resident-01', 'o-resident-02', 'o-resident-06', 'o-resident-09']) await call(o, 'account', 'subscribe', { templateIds: ['TPL_NOTICE'] });
  await server.scheduler.fire('announcements', 'broadcast');
  await server.scheduler.fire('callbacks', 'remind');
  await seedMovein(server, call);
}

/**
 * Move-in (issue #13): 3栋 is being handed over. An open batch with slots in the coming days;
 * its seeded owners book with { slotId } alone, a newcomer by the owner registry, and one booking
 * stands in each later state (documents pending, approved, keys handed over, inspection with an
 * open defect). Files go through upload slots the function issues; only the bytes are written
 * straight into the local storage.
 */
async function seedMovein(server: RunningServer, call: (openid: string, fn: string, action: string, data: unknown) => Promise<any>) {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const upload = async (openid: string) => {
    const slot = await call(openid, 'movein', 'prepareUpload', { contentType: 'image/png' });
    server.ctx.storage.put(slot.cloudPath, PNG);
    return slot.fileID as string;
  };
  const day = (d: number) => new Date(server.ctx.clock.now() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10);
  const { batchId } = await call('o-staff-desk', 'movein', 'createBatch', {
    title: '3栋集中交付',
    range: { building: '3栋' },
    startDate: day(2),
    endDate: day(6),
    slots: [
      { start: '09:00', end: '11:00', capacity: 6 },
      { start: '14:00', end: '16:00', capacity: 6 },
    ],
    requiredDocuments: ['id_card', 'purchase_contract'],
    feesNotice: '物业服务费 2.80 元/㎡·月，交房时预缴一年；装修押金 2000 元（验收合格后退还）。水电燃气按表计实际用量缴纳。',
    preparation: [
      { task: '资料整理', who: '王敏' },
      { task: '现场布置', who: '刘洋' },
      { task: '人员培训', who: '周婷' },
    ],
    clientRequestId: 'demo-seed-movein-batch',
  });
  await call('o-staff-desk', 'movein', 'setPreparation', { batchId, index: 0, done: true });
  await call('o-staff-desk', 'movein', 'publishBatch', { batchId, announce: true });
  const slots = (await call('o-resident-09', 'movein', 'slots', { batchId })).items as { slotId: string }[];
  const bookAs = async (openid: string, slot: number, extra: Record<string, string> = {}) =>
    (await call(openid, 'movein', 'book', { slotId: slots[slot].slotId, ...extra })).bookingId as string;
  const submit = async (openid: string, bookingId: string, kind: string) => call(openid, 'movein', 'submitDocument', { bookingId, kind, fileIds: [await upload(openid)] });
  const approveAll = async (openid: string, bookingId: string) => {
    for (const kind of ['id_card', 'purchase_contract']) {
      await submit(openid, bookingId, kind);
      await call('o-staff-desk', 'movein', 'reviewDocument', { bookingId, kind, approve: true });
    }
  };
  const handOver = async (openid: string, bookingId: string) => {
    const desk = 'o-staff-desk';
    await call(desk, 'movein', 'handover', { bookingId, step: 'arrival' });
    await call(desk, 'movein', 'handover', { bookingId, step: 'documents' });
    const keys = [
      { type: 'door', count: 3 },
      { type: 'mailbox', count: 2 },
      { type: 'access_card', count: 2 },
    ];
    await call(desk, 'movein', 'handover', { bookingId, step: 'keys', keys });
    const meters = {
      water: { reading: 3.2, photo: await upload(desk) },
      electricity: { reading: 15.6, photo: await upload(desk) },
      gas: { reading: 0.8, photo: await upload(desk) },
    };
    await call(desk, 'movein', 'handover', { bookingId, step: 'meters', meters });
    await call(desk, 'movein', 'handover', { bookingId, step: 'manuals' });
    await call(openid, 'movein', 'signReceipt', { bookingId, signature: { fileId: await upload(openid) } });
  };
  // Documents pending: one uploaded, one still missing.
  const pending = await bookAs('o-resident-09', 0);
  await submit('o-resident-09', pending, 'id_card');
  // A newcomer matching the owner registry, booked, nothing uploaded yet.
  await bookAs('o-newcomer-02', 1, { unitId: 'u-3-1-201', name: '李涛', phone: '13910332598' });
  // Approved, waiting for the day.
  await approveAll('o-resident-10', await bookAs('o-resident-10', 2));
  // Keys handed over and signed.
  const keys = await bookAs('o-resident-11', 3);
  await approveAll('o-resident-11', keys);
  await handOver('o-resident-11', keys);
  // Inspected, with one defect open as a repair ticket.
  const insp = await bookAs('o-resident-12', 3);
  await approveAll('o-resident-12', insp);
  await handOver('o-resident-12', insp);
  await call('o-staff-eng1', 'movein', 'inspect', {
    bookingId: insp,
    items: [
      { room: 'living', item: 'walls', ok: true },
      { room: 'living', item: 'floors', ok: true },
      { room: 'bathroom', item: 'drains_leaks', ok: false, location: '淋浴区地漏', note: '地漏排水缓慢，有积水', category: 'plumbing_electric' },
      { room: 'bedroom', item: 'doors_windows', ok: true },
    ],
    clientRequestId: 'demo-seed-movein-inspect',
  });
}

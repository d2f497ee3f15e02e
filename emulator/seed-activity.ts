import type { RunningServer } from './server';

/**
 * Demo activity for a first `npm start`, made through the real functions (as the residents
 * and staff would make it), so every derived field, log entry and message is genuine:
 * tickets in several states, a callback due, and notices.
 */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** A file through the function's upload slot (only the bytes go straight into the local storage). */
async function uploadPng(server: RunningServer, call: (openid: string, fn: string, action: string, data: unknown) => Promise<any>, fn: string, openid: string): Promise<string> {
  const slot = await call(openid, fn, 'prepareUpload', { contentType: 'image/png' });
  server.ctx.storage.put(slot.cloudPath, PNG);
  return slot.fileID as string;
}

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
  // In-home work: the resident's consent is recorded before the repair is marked done.
  await call('o-staff-eng2', 'tickets', 'act', { action: 'consent', ticketId: c.ticketId, by: '业主本人', scope: '进入卫生间重做防水层' });
  // A repair's completion carries a photo (the default rule of 工单设置).
  const donePhoto = await uploadPng(server, call, 'tickets', 'o-staff-eng2');
  await call('o-staff-eng2', 'tickets', 'act', { action: 'complete', ticketId: c.ticketId, text: '已重做防水层并修补墙面，请保持通风 48 小时', photos: [donePhoto] });
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

  // Community events (issue 14), one in each state. The past event is lived through on a
  // travelling clock (sign-up, check-in, feedback, summary), then the clock is put back.
  {
    const day = 86400_000;
    const base = clock.now();
    const bjMidnight = Math.floor((base + 8 * hour) / day) * day - 8 * hour;
    const at = (ms: number) => new Date(ms).toISOString();
    const plan = (over: Record<string, unknown>) => ({
      theme: 'craft',
      place: '会所二楼活动室',
      agenda: '14:00 签到；14:15 手工纸灯笼制作；15:30 作品展示与合影。',
      ageGroups: ['child', 'adult'],
      interests: ['parenting', 'craft'],
      organisation: { lead: '王敏', staff: ['刘洋'], volunteers: ['张小雨'], roles: '王敏负责签到，刘洋负责现场秩序' },
      safety: '活动室保持通道畅通；剪刀由工作人员分发回收；现场配备急救箱，物业前台留守一人。',
      perHousehold: 2,
      membersCount: true,
      cancelCutoffHours: 12,
      cost: '免费，材料由物业提供',
      budget: 300,
      feedbackQuestions: ['content', 'organisation'],
      ...over,
    });
    const state = clock.state();
    const restore = () => (state.frozen ? clock.set(base, true) : clock.set(Date.now() + (state.offsetMs ?? 0)));
    try {
      // The past one: a health talk a week ago, 9:30–11:00.
      const start = bjMidnight - 7 * day + 9.5 * hour;
      clock.set(start - 3 * day, state.frozen);
      const past = await call('o-staff-sup', 'events', 'create', {
        ...plan({
          title: '冬季健康讲座：老人防跌倒',
          theme: 'health',
          interests: ['health'],
          ageGroups: ['senior', 'adult'],
          place: '会所一楼多功能厅',
          agenda: '社区医院医生讲解冬季防跌倒与用药常识，现场测血压。',
        }),
        capacity: 20,
        startAt: at(start),
        endAt: at(start + 1.5 * hour),
        signUpOpensAt: at(start - 3 * day),
        signUpClosesAt: at(start - hour),
        clientRequestId: 'demo-seed-event-past',
      });
      await call('o-staff-sup', 'events', 'submit', { eventId: past.eventId });
      const goers = ['o-resident-04', 'o-resident-05', 'o-resident-08', 'o-resident-10'];
      for (const o of goers) await call(o, 'events', 'signUp', { eventId: past.eventId, people: o === 'o-resident-04' ? 2 : 1 });
      clock.set(start + 10 * 60_000, state.frozen);
      for (const o of goers.slice(0, 3)) {
        const { code } = await call(o, 'events', 'myCode', { eventId: past.eventId });
        await call('o-staff-desk', 'events', 'checkIn', { eventId: past.eventId, code });
      }
      await call('o-staff-desk', 'events', 'note', { eventId: past.eventId, text: '到场 4 人，血压测量排队约 10 分钟，下次可多安排一名志愿者。' });
      clock.set(start + 3 * hour, state.frozen);
      await server.scheduler.fire('events', 'tick');
      await call('o-resident-04', 'events', 'feedback', { eventId: past.eventId, rating: 5, answers: { content: 5, organisation: 4 }, comment: '医生讲得很实用，希望多办。' });
      await call('o-resident-05', 'events', 'feedback', { eventId: past.eventId, rating: 4, answers: { content: 4, organisation: 4 }, comment: '测血压排队有点久。' });
      await call('o-staff-sup', 'events', 'close', { eventId: past.eventId, actualCost: 120, keep: '请社区医院医生主讲，现场测血压', change: '测血压处多安排一名志愿者' });
    } finally {
      restore();
    }
    // Open for sign-up: a lantern craft class in three days, 14:00–16:00, 5 seats, 3 taken.
    const start = bjMidnight + 3 * day + 14 * hour;
    const open = await call('o-staff-sup', 'events', 'create', {
      ...plan({ title: '邻里亲子手工课：做一盏纸灯笼' }),
      capacity: 5,
      startAt: at(start),
      endAt: at(start + 2 * hour),
      signUpOpensAt: at(clock.now() - hour),
      signUpClosesAt: at(start - 18 * hour),
      clientRequestId: 'demo-seed-event-open',
    });
    await call('o-staff-sup', 'events', 'submit', { eventId: open.eventId });
    await call('o-resident-01', 'events', 'signUp', { eventId: open.eventId, people: 2 });
    await call('o-resident-02', 'events', 'signUp', { eventId: open.eventId, people: 1 });
    // A draft the desk sent for review.
    const draft = await call('o-staff-desk', 'events', 'create', {
      ...plan({
        title: '周末篮球友谊赛',
        theme: 'sports',
        interests: ['sports'],
        ageGroups: ['teen', 'adult'],
        place: '小区篮球场',
        agenda: '3 对 3 半场赛，按楼栋组队。',
        safety: '赛前热身；场边配备急救箱和饮用水；雨天改期。',
      }),
      capacity: 24,
      startAt: at(bjMidnight + 6 * day + 9 * hour),
      endAt: at(bjMidnight + 6 * day + 11.5 * hour),
      signUpOpensAt: at(clock.now()),
      signUpClosesAt: at(bjMidnight + 5 * day + 20 * hour),
      clientRequestId: 'demo-seed-event-review',
    });
    await call('o-staff-desk', 'events', 'submit', { eventId: draft.eventId });
    // Cancelled: an outdoor film night called off for the weather, its one sign-up told.
    const film = await call('o-staff-sup', 'events', 'create', {
      ...plan({
        title: '露天电影之夜',
        theme: 'festival',
        interests: ['festival'],
        ageGroups: ['child', 'adult', 'senior'],
        place: '中心花园',
        agenda: '19:00 放映经典家庭电影。',
        safety: '划定观影区与通道；安排秩序员；备应急照明。',
      }),
      capacity: 60,
      startAt: at(bjMidnight + 4 * day + 19 * hour),
      endAt: at(bjMidnight + 4 * day + 21 * hour),
      signUpOpensAt: at(clock.now() - hour),
      signUpClosesAt: at(bjMidnight + 4 * day + 12 * hour),
      clientRequestId: 'demo-seed-event-cancelled',
    });
    await call('o-staff-sup', 'events', 'submit', { eventId: film.eventId });
    await call('o-resident-03', 'events', 'signUp', { eventId: film.eventId, people: 1 });
    await call('o-staff-sup', 'events', 'cancelEvent', { eventId: film.eventId, reason: '天气预报当晚有大风降温，为安全起见取消，改期另行通知' });
  }
  await seedMovein(server, call);
  await seedFacilities(server, call);
  await seedRegister(runner, call);
  // 兰亭苑 (the second community, served also by 刘洋 and 李强): a repair of its own.
  await call('o-resident-lt-01', 'tickets', 'create', {
    type: 'repair',
    category: 'plumbing_electric',
    description: '阳台地漏返水',
    location: { kind: 'home', unitId: 'u-lt-1-1-101' },
    contactPhone: '13800001000',
    subscribed: [],
    clientRequestId: 'demo-seed-lt-a',
  });
}

/**
 * Move-in (issue #13): 3栋 is being handed over. An open batch with slots in the coming days;
 * its seeded owners book with { slotId } alone, a newcomer by the owner registry, and one booking
 * stands in each later state (documents pending, approved, keys handed over, inspection with an
 * open defect). Files go through upload slots the function issues; only the bytes are written
 * straight into the local storage.
 */
async function seedMovein(server: RunningServer, call: (openid: string, fn: string, action: string, data: unknown) => Promise<any>) {
  const upload = (openid: string) => uploadPng(server, call, 'movein', openid);
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

/**
 * 巡检维保 (issue #15): assets of each system, an elevator-room plan whose rounds are done,
 * overdue and due, a contractor's elevator visit, a round anomaly that became a ticket, and a
 * water tank cleaned with its water-quality result published.
 */
async function seedFacilities(server: RunningServer, call: (openid: string, fn: string, action: string, data: unknown) => Promise<any>) {
  const { engine, clock } = server.ctx;
  const day = 86_400_000;
  const bjDate = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  const eng = 'o-staff-eng1';
  const asset = (a: Record<string, unknown>) => call(eng, 'facilities', 'saveAsset', a);
  const lift1 = await asset({
    name: '1栋1号电梯',
    system: 'elevator',
    building: '1栋',
    floor: '顶层',
    area: '电梯机房',
    model: 'GeN2-MR',
    manufacturer: '奥的斯',
    installDate: '2019-06-01',
    contractor: '奥的斯机电维保',
    contractorPhone: '4008876688',
    regulated: 'elevator',
  });
  await asset({
    name: '2栋1号电梯',
    system: 'elevator',
    building: '2栋',
    floor: '顶层',
    area: '电梯机房',
    model: '3300',
    manufacturer: '迅达',
    installDate: '2019-06-01',
    contractor: '迅达维保',
    contractorPhone: '4008208888',
    regulated: 'elevator',
  });
  const tank = await asset({
    name: '生活水箱',
    system: 'water',
    area: '地下泵房',
    model: 'SUS304 30m³',
    manufacturer: '南方水箱',
    installDate: '2019-05-01',
    regulated: 'water-tank',
  });
  await asset({ name: '1号变压器', system: 'power', area: '配电房', model: 'SCB13-800', manufacturer: '正泰', installDate: '2019-05-01' });
  await asset({ name: '消防泵', system: 'fire', area: '地下泵房', model: 'XBD8/30', manufacturer: '上海连成', installDate: '2019-05-01', regulated: 'fire' });
  await asset({ name: '北门道闸与门禁', system: 'access', area: '北门', manufacturer: '海康威视' });
  await asset({ name: '监控主机', system: 'cctv', area: '监控室', manufacturer: '大华' });
  await asset({ name: '中心广场路灯', system: 'lighting', area: '中心广场' });
  await asset({ name: '儿童滑梯', system: 'playground', area: '儿童乐园' });
  const items = [
    { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
    { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
    { id: 'noise', kind: 'choice', label: '运行噪音', options: ['正常', '偏大', '异响'], bad: ['异响'] },
    { id: 'note', kind: 'note', label: '备注' },
  ];
  const plan = await call(eng, 'facilities', 'savePlan', {
    name: '电梯机房巡检',
    schedule: { kind: 'hourly', everyHours: 2, from: '08:00', to: '22:00' },
    stops: [
      { assetId: lift1.assetId, area: '1栋电梯机房' },
      { assetId: tank.assetId, area: '地下泵房' },
    ],
    items,
    role: 'engineer',
  });
  // The plan started yesterday, so it has past rounds (demo only: the register of when a plan starts).
  engine.update('facility_plans', { _id: plan.planId }, { $set: { since: new Date(clock.now() - day) } }, { multi: false, replace: false, upsert: false });
  await server.scheduler.fire('facilities', 'generate');
  const rounds = (await call(eng, 'facilities', 'rounds', { status: 'open' })).items as any[];
  const past = rounds.filter((r) => r.overdue);
  // The oldest overdue round done (with a hot machine room → a ticket); the rest stay overdue; the current one is due.
  if (past.length) {
    const r = past[past.length - 1];
    const at = new Date(clock.now() - 20 * 3600_000).toISOString();
    await call(eng, 'facilities', 'sync', {
      roundId: r.id,
      stops: [
        { stop: 0, arrivedAt: at, how: 'confirm' },
        { stop: 1, arrivedAt: at, how: 'confirm' },
      ],
      readings: [
        { clientId: 'demo-seed-rd-1', stop: 0, itemId: 'temp', value: { kind: 'number', value: 38, unit: '℃' }, at },
        { clientId: 'demo-seed-rd-2', stop: 0, itemId: 'brake', value: { kind: 'yesno', value: true }, at },
        { clientId: 'demo-seed-rd-3', stop: 1, itemId: 'noise', value: { kind: 'choice', value: '正常' }, at },
      ],
      close: true,
    });
  }
  const tenDaysAgo = bjDate(clock.now() - 10 * day);
  await call(eng, 'facilities', 'saveMaintenancePlan', {
    assetId: lift1.assetId,
    name: '电梯半月保养',
    schedule: { mode: 'fixed', every: { days: 15 }, anchor: tenDaysAgo },
    tasks: ['clean', 'lubricate', 'adjust'],
    start: tenDaysAgo,
  });
  await call(eng, 'facilities', 'saveMaintenancePlan', {
    assetId: tank.assetId,
    name: '水箱清洗消毒',
    schedule: { mode: 'fixed', every: { months: 6 }, anchor: tenDaysAgo },
    tasks: ['clean'],
    start: tenDaysAgo,
  });
  await server.scheduler.fire('facilities', 'generate');
  const liftTask = (await call(eng, 'facilities', 'tasks', { status: 'due' })).items.find((t: any) => t.assetId === lift1.assetId && t.dueDate === tenDaysAgo);
  await call(eng, 'facilities', 'recordMaintenance', {
    clientRequestId: 'demo-seed-visit-1',
    assetId: lift1.assetId,
    taskId: liftTask?.id ?? null,
    summary: '半月保养：清洁轿厢及导轨，润滑曳引机，调整门机',
    doneAt: new Date(clock.now() - 10 * day + 3 * 3600_000).toISOString(),
    contractor: '奥的斯机电维保',
    technician: '孙志军',
    witnessStaffId: 'st-eng1',
    parts: [{ name: '门滑块', qty: 2, unitCost: 45 }],
    result: '运行正常，合格',
  });
  const tankTask = (await call(eng, 'facilities', 'tasks', { status: 'due' })).items.find((t: any) => t.assetId === tank.assetId);
  await call(eng, 'facilities', 'recordMaintenance', {
    clientRequestId: 'demo-seed-tank-1',
    assetId: tank.assetId,
    taskId: tankTask?.id ?? null,
    kind: 'cleaning',
    tasks: ['clean'],
    summary: '水箱清洗消毒',
    doneAt: new Date(clock.now() - 9 * day).toISOString(),
    contractor: '清源二次供水清洗',
    witnessStaffId: 'st-eng2',
    result: '清洗完成',
  });
  await call(eng, 'facilities', 'recordMaintenance', {
    clientRequestId: 'demo-seed-quality-1',
    assetId: tank.assetId,
    kind: 'water-quality',
    summary: '二次供水水质检测',
    doneAt: new Date(clock.now() - 8 * day).toISOString(),
    contractor: '区疾控中心',
    witnessStaffId: 'st-eng2',
    result: '各项指标符合 GB 5749-2022',
    qualified: true,
  });
}

/** 客户沟通记录表 demo: a few desk-logged contacts, then the register's projection over everything seeded. */
async function seedRegister(runner: RunningServer['ctx']['runner'], call: (openid: string, fn: string, action: string, data: unknown) => Promise<any>) {
  // 客户沟通记录表: a few contacts the desk answered on the spot, then the register's projection
  // (no settling wait: the demo's log is complete) so the register and the analysis open populated.
  await call('o-staff-desk', 'register', 'log', {
    requestKey: 'demo-seed-log-1',
    type: 'inquiry',
    channel: 'phone',
    text: '询问快递柜位置，已告知在南门岗亭旁',
    who: '2栋 李先生',
    building: '2栋',
  });
  await call('o-staff-desk', 'register', 'log', {
    requestKey: 'demo-seed-log-2',
    type: 'suggestion',
    channel: 'wechat',
    text: '建议在儿童游乐区加装遮阳棚',
    who: '1栋 业主',
    building: '1栋',
    outcome: 'recorded',
  });
  await call('o-staff-desk', 'register', 'log', {
    requestKey: 'demo-seed-log-3',
    type: 'praise',
    channel: 'visit',
    text: '表扬工程部李强师傅修门锁又快又好',
    who: '2栋 住户',
    building: '2栋',
    outcome: 'recorded',
  });
  const projected = await runner.invoke('register', { action: 'project', data: { settleSeconds: 0 } }, { source: 'timer' });
  if (!projected.ok || !(projected.result as any)?.ok) throw new Error(`demo seed: register.project failed: ${JSON.stringify(projected)}`);
}

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
  await seedFacilities(server, call);
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

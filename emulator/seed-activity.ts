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

import ExcelJS from 'exceljs';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/** Issue 15: facilities — assets, rounds, maintenance, with the controlled clock. */
let lc: LocalCloudBase;
const F = (action: string, data: unknown, openid: string) => lc.call('facilities', action, data, openid);
const generate = () => lc.dev('/api/dev/timers/facilities', { method: 'POST' });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ENG = 'o-staff-eng1';
const ok = async (p: Promise<any>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const cid = () => `c${Math.random().toString(36).slice(2, 12)}`;
const count = async (coll: string, where: Record<string, unknown>) => (await lc.db.collection(coll).where(where).count()).total;

const ITEMS = [
  { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
  { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
  { id: 'noise', kind: 'choice', label: '运行噪音', options: ['正常', '偏大', '异响'], bad: ['异响'] },
  { id: 'note', kind: 'note', label: '备注' },
];

let elevatorId: string;
let elevatorCode: string;
let tankId: string;

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  // 2026-12-01 08:00 北京时间.
  await lc.dev('/api/dev/clock', { body: { set: '2026-12-01T00:00:00.000Z', frozen: true } });
  // A staff member of another community (to show records stay within one community).
  lc.server.ctx.engine.insert('staff', [
    {
      _id: 'st-other-eng',
      openid: 'o-other-eng',
      communityId: 'cm-other',
      name: '外区工程',
      phone: '13700000000',
      roles: ['engineer', 'admin'],
      active: true,
      onDuty: true,
      createdAt: new Date(),
    },
  ]);
  const e = await ok(
    F(
      'saveAsset',
      {
        name: '1栋1号电梯',
        system: 'elevator',
        building: '1栋',
        floor: '顶层',
        area: '电梯机房',
        model: 'GeN2',
        manufacturer: '奥的斯',
        installDate: '2020-05-01',
        contractor: '奥的斯维保',
        contractorPhone: '4008000000',
        regulated: 'elevator',
      },
      ENG,
    ),
  );
  elevatorId = e.assetId;
  elevatorCode = e.code;
  tankId = (await ok(F('saveAsset', { name: '生活水箱', system: 'water', building: '', area: '地下泵房', regulated: 'water-tank' }, ENG))).assetId;
});
afterAll(() => lc.stop());

describe('asset register and who sees it', () => {
  test('an asset gets an unguessable 12-character label code; staff of the community open it by code; others cannot', async () => {
    expect(elevatorCode).toMatch(/^[A-Z0-9]{12}$/);
    const page = await ok(F('asset', { code: elevatorCode }, 'o-staff-sec'));
    expect(page.asset).toMatchObject({ name: '1栋1号电梯', systemLabel: '电梯', location: '1栋 顶层 电梯机房', regulatedLabel: '电梯维保' });
    // Another community's staff: not found (never "exists elsewhere"); their list is empty.
    expect((await F('asset', { code: elevatorCode }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
    expect((await F('asset', { assetId: elevatorId }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
    expect((await ok(F('assets', {}, 'o-other-eng'))).items).toEqual([]);
    // Residents and the desk do not see the register at all.
    expect((await F('assets', {}, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await F('asset', { code: elevatorCode }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    // Unknown system → a clear error; an admin may add one.
    expect((await F('saveAsset', { name: '充电桩', system: 'charging', area: '地库' }, ENG)).error.code).toBe('INVALID_INPUT');
    await ok(F('addSystem', { code: 'charging', label: '充电桩' }, 'o-staff-admin'));
    await ok(F('saveAsset', { name: '充电桩 A', system: 'charging', area: '地库' }, ENG));
    expect((await ok(F('systems', {}, ENG))).items.map((s: any) => s.label)).toEqual(expect.arrayContaining(['供配电', '游乐设施', '充电桩']));
  });
});

describe('inspection plans and rounds', () => {
  let planId: string;

  test('a plan with an impossible schedule or template is refused with a clear reason', async () => {
    const base = { name: '机房巡检', stops: [{ assetId: elevatorId, area: '电梯机房' }], items: ITEMS, role: 'engineer' };
    const bad1 = await F('savePlan', { ...base, schedule: { kind: 'hourly', everyHours: 5, from: '08:00', to: '10:00' } }, ENG);
    expect(bad1.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad1.error.message).toContain('超出');
    const bad2 = await F('savePlan', { ...base, schedule: { kind: 'monthly', day: 31, at: '09:00', windowHours: 8 } }, ENG);
    expect(bad2.error.code).toBe('INVALID_INPUT');
    const bad3 = await F('savePlan', { ...base, schedule: { kind: 'hourly', everyHours: 2, from: '20:00', to: '08:00' } }, ENG);
    expect(bad3.error.message).toContain('晚于');
    const bad4 = await F(
      'savePlan',
      { ...base, items: [{ id: 't', kind: 'number', label: 'x', unit: 'V', min: 10, max: 1 }], schedule: { kind: 'daily', at: '09:00', windowHours: 4 } },
      ENG,
    );
    expect(bad4.error.message).toContain('下限');
    // Another community's asset cannot be a stop.
    expect((await F('savePlan', { ...base, schedule: { kind: 'daily', at: '09:00', windowHours: 4 } }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
    expect(await count('facility_plans', {})).toBe(0);
  });

  test('the timer generates the rounds due, once each, across overlapping runs', async () => {
    planId = (
      await ok(
        F(
          'savePlan',
          {
            name: '电梯机房巡检',
            schedule: { kind: 'hourly', everyHours: 2, from: '08:00', to: '20:00' },
            stops: [
              { assetId: elevatorId, area: '电梯机房' },
              { assetId: null, area: '地下泵房' },
            ],
            items: ITEMS,
            role: 'engineer',
          },
          ENG,
        ),
      )
    ).planId;
    const runs = await Promise.all([generate(), generate(), generate()]);
    expect(runs.every((r: any) => r.ok)).toBe(true);
    // 08:00 window (the next one, 10:00, is more than an hour away).
    expect(await count('facility_rounds', { planId })).toBe(1);
    await advance(2 * HOUR); // 10:00
    await Promise.all([generate(), generate()]);
    expect(await count('facility_rounds', { planId })).toBe(2);
    await generate();
    expect(await count('facility_rounds', { planId })).toBe(2);
    const list = (await ok(F('rounds', { status: 'open' }, ENG))).items.filter((r: any) => r.planId === planId);
    expect(list.map((r: any) => r.window)).toEqual(['2026-12-01 10:00 – 12:00', '2026-12-01 08:00 – 10:00']);
    expect(list[1]).toMatchObject({ overdue: true, statusLabel: '已超时' });
  });

  test('overdue escalation: warning → overdue → supervisor, once each', async () => {
    const r10 = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId && r.window.includes('10:00 –'));
    const alerts = async (stage: string) => count('alerts', { key: `${r10.id}:${stage}` });
    await generate();
    expect(await alerts('warning')).toBe(0);
    await advance(100 * MIN); // 11:40: 80 % of the window passed
    await Promise.all([generate(), generate()]);
    expect(await alerts('warning')).toBe(1);
    expect(await alerts('overdue')).toBe(0);
    await advance(20 * MIN); // 12:00
    await generate();
    await generate();
    expect(await alerts('warning')).toBe(1);
    expect(await alerts('overdue')).toBe(1);
    expect(await alerts('supervisor')).toBe(0);
    await advance(HOUR); // 13:00: overdue by half the window (min 1 h)
    await Promise.all([generate(), generate()]);
    expect(await alerts('supervisor')).toBe(1);
    const sup = (
      await lc.db
        .collection('alerts')
        .where({ key: `${r10.id}:supervisor` })
        .get()
    ).data[0];
    expect(sup).toMatchObject({ role: 'supervisor', kind: 'round-escalation', target: { kind: 'facility-round', id: r10.id } });
    await generate();
    expect(
      (
        await lc.db
          .collection('alerts')
          .where({ key: `${r10.id}:supervisor` })
          .count()
      ).total,
    ).toBe(1);
  });

  test('wrong kind or unit is an error and writes nothing; an out-of-range reading opens exactly one ticket', async () => {
    const round = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId);
    const at = '2026-12-01T04:50:00.000Z';
    const wrongUnit = await F('sync', { roundId: round.id, readings: [{ clientId: cid(), stop: 0, itemId: 'temp', value: { kind: 'number', value: 30, unit: 'V' }, at }] }, ENG);
    expect(wrongUnit.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(wrongUnit.error.message).toContain('单位应为 ℃');
    const wrongKind = await F('sync', { roundId: round.id, readings: [{ clientId: cid(), stop: 0, itemId: 'temp', value: { kind: 'yesno', value: true }, at }] }, ENG);
    expect(wrongKind.error.message).toContain('应填写读数');
    const badChoice = await F('sync', { roundId: round.id, readings: [{ clientId: cid(), stop: 0, itemId: 'noise', value: { kind: 'choice', value: '很吵' }, at }] }, ENG);
    expect(badChoice.error.code).toBe('INVALID_INPUT');
    // A wrong label code at a stop is refused too.
    expect((await F('sync', { roundId: round.id, stops: [{ stop: 0, arrivedAt: at, how: 'scan', code: 'AAAAAAAAAAAA' }] }, ENG)).error.code).toBe('INVALID_INPUT');
    expect(await count('facility_readings', { roundId: round.id })).toBe(0);

    // Two phones send the same hot reading at once (different client ids): one reading, one ticket.
    const hot = (clientId: string) => ({
      roundId: round.id,
      stops: [{ stop: 0, arrivedAt: at, how: 'scan', code: elevatorCode }],
      readings: [{ clientId, stop: 0, itemId: 'temp', value: { kind: 'number', value: 41, unit: '°C' }, at }],
    });
    const [a, b] = await Promise.all([F('sync', hot(cid()), ENG), F('sync', hot(cid()), 'o-staff-eng2')]);
    expect([a, b].filter((x: any) => !x.ok)).toEqual([]);
    expect(a.data.stored + b.data.stored).toBe(1);
    await ok(F('sync', hot(cid()), ENG));
    expect(await count('facility_readings', { roundId: round.id })).toBe(1);
    expect(await count('facility_anomalies', { roundId: round.id })).toBe(1);
    const anomaly = (await lc.db.collection('facility_anomalies').where({ roundId: round.id }).get()).data[0];
    expect(anomaly.ticketId).toBeTruthy();
    const ticket = (await lc.db.collection('tickets').doc(anomaly.ticketId).get()).data[0];
    expect(ticket).toMatchObject({ type: 'repair', category: 'elevator', communityId: 'cm-cuihu', channel: 'staff' });
    expect(ticket.description).toContain('41 ℃（高于正常范围 5–35 ℃）');
    expect(await count('tickets', { _id: anomaly.ticketId })).toBe(1);
    // The asset page shows the reading and the ticket.
    const page = await ok(F('asset', { code: elevatorCode }, ENG));
    expect(page.tickets).toHaveLength(1);
    expect(page.readings[0]).toMatchObject({ label: '机房温度', anomaly: true });
  });

  test('an offline round synced twice is stored once, with its real times; a closed round takes nothing new', async () => {
    const round = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId && r.readings === 0);
    // Taken on the phone at 12:05 and 12:12 (北京时间 → UTC 04:05 / 04:12), synced now (13:00).
    const queue = {
      roundId: round.id,
      stops: [
        { stop: 0, arrivedAt: '2026-12-01T04:05:00.000Z', how: 'confirm' },
        { stop: 1, arrivedAt: '2026-12-01T04:12:00.000Z', how: 'confirm' },
      ],
      readings: [
        { clientId: 'ph1-000001', stop: 0, itemId: 'temp', value: { kind: 'number', value: 22, unit: '℃' }, at: '2026-12-01T04:05:30.000Z' },
        { clientId: 'ph1-000002', stop: 0, itemId: 'brake', value: { kind: 'yesno', value: true }, at: '2026-12-01T04:06:00.000Z' },
        { clientId: 'ph1-000003', stop: 1, itemId: 'noise', value: { kind: 'choice', value: '正常' }, at: '2026-12-01T04:12:30.000Z' },
      ],
      close: true,
    };
    const first = await ok(F('sync', queue, ENG));
    expect(first).toMatchObject({ stored: 3, duplicates: 0, closed: true, alreadyClosed: false });
    const again = await ok(F('sync', queue, ENG));
    expect(again).toMatchObject({ stored: 0, alreadyClosed: true });
    expect(await count('facility_readings', { roundId: round.id })).toBe(3);
    const stored = (await lc.db.collection('facility_readings').where({ roundId: round.id }).get()).data;
    expect(stored.map((r: any) => new Date(r.at).toISOString()).sort()).toEqual(['2026-12-01T04:05:30.000Z', '2026-12-01T04:06:00.000Z', '2026-12-01T04:12:30.000Z']);
    const doc = (await lc.db.collection('facility_rounds').doc(round.id).get()).data[0];
    expect(doc).toMatchObject({ status: 'done', readings: 3 });
    expect(new Date(doc.doneAt).toISOString()).toBe('2026-12-01T04:12:30.000Z');
    expect(new Date(doc.stops[1].arrivedAt).toISOString()).toBe('2026-12-01T04:12:00.000Z');
    // A new reading for the closed round: a clear conflict, nothing written.
    const late = await F(
      'sync',
      { roundId: round.id, readings: [{ clientId: 'ph1-000009', stop: 1, itemId: 'brake', value: { kind: 'yesno', value: true }, at: '2026-12-01T04:20:00.000Z' }] },
      ENG,
    );
    expect(late.error).toMatchObject({ code: 'CONFLICT' });
    expect(late.error.message).toContain('已完成');
    expect(await count('facility_readings', { roundId: round.id })).toBe(3);
  });

  test('templates are versioned: a change applies to future rounds; past rounds keep their version', async () => {
    const before = (await ok(F('rounds', { status: 'all' }, ENG))).items.filter((r: any) => r.planId === planId);
    await ok(
      F(
        'savePlan',
        {
          planId,
          name: '电梯机房巡检',
          schedule: { kind: 'hourly', everyHours: 2, from: '08:00', to: '20:00' },
          stops: [
            { assetId: elevatorId, area: '电梯机房' },
            { assetId: null, area: '地下泵房' },
          ],
          items: [...ITEMS, { id: 'oil', kind: 'number', label: '油位', unit: 'mm', min: 10, max: 50 }],
          role: 'engineer',
        },
        ENG,
      ),
    );
    await advance(2 * HOUR); // 15:00 → the 14:00 and 16:00 windows
    await generate();
    const after = (await ok(F('rounds', { status: 'all' }, ENG))).items.filter((r: any) => r.planId === planId);
    const fresh = after.find((r: any) => !before.some((b: any) => b.id === r.id));
    expect(fresh.version).toBe(2);
    expect((await ok(F('round', { roundId: fresh.id }, ENG))).items.map((i: any) => i.id)).toContain('oil');
    const old = await ok(F('round', { roundId: before[0].id }, ENG));
    expect(old.round.version).toBe(1);
    expect(old.items.map((i: any) => i.id)).not.toContain('oil');
  });
});

describe('preventive maintenance', () => {
  test('fixed (regulated) vs floating schedules; the legal interval cannot be stretched', async () => {
    expect(
      (await F('saveMaintenancePlan', { assetId: elevatorId, name: '电梯保养', schedule: { mode: 'floating', afterDays: 15 }, tasks: ['lubricate'], start: '2026-12-01' }, ENG))
        .error.message,
    ).toContain('法定周期');
    expect(
      (
        await F(
          'saveMaintenancePlan',
          { assetId: elevatorId, name: '电梯保养', schedule: { mode: 'fixed', every: { days: 30 }, anchor: '2026-12-01' }, tasks: ['lubricate'], start: '2026-12-01' },
          ENG,
        )
      ).error.message,
    ).toContain('15 天');
    const fixed = (
      await ok(
        F(
          'saveMaintenancePlan',
          {
            assetId: elevatorId,
            name: '电梯半月保养',
            schedule: { mode: 'fixed', every: { days: 15 }, anchor: '2026-12-01' },
            tasks: ['clean', 'lubricate', 'adjust'],
            start: '2026-12-01',
          },
          ENG,
        ),
      )
    ).planId;
    const pump = (await ok(F('saveAsset', { name: '2号生活泵', system: 'water', area: '地下泵房' }, ENG))).assetId;
    const floating = (
      await ok(
        F('saveMaintenancePlan', { assetId: pump, name: '水泵保养', schedule: { mode: 'floating', afterDays: 30 }, tasks: ['lubricate', 'tighten'], start: '2026-12-01' }, ENG),
      )
    ).planId;
    await Promise.all([generate(), generate()]);
    expect(await count('facility_tasks', { planId: fixed })).toBe(1);
    expect(await count('facility_tasks', { planId: floating })).toBe(1);

    // The pump is serviced late (12-05); floating: next due 30 days after that.
    const ptask = (await lc.db.collection('facility_tasks').where({ planId: floating }).get()).data[0];
    await advance(4 * DAY); // 12-05
    const done = await ok(
      F(
        'recordMaintenance',
        {
          clientRequestId: cid(),
          assetId: pump,
          taskId: ptask._id,
          summary: '加注润滑脂，紧固地脚螺栓',
          doneAt: '2026-12-05T02:00:00.000Z',
          parts: [{ name: '润滑脂', qty: 1, unitCost: 35 }],
          result: '运行正常',
        },
        ENG,
      ),
    );
    expect(done.created).toBe(true);
    const mp = (await ok(F('maintenancePlans', { assetId: pump }, ENG))).items[0];
    expect(mp.nextDue).toBe('2027-01-04');

    // The elevator: fixed dates whatever happens; by 12-10 the 12-16 date is within the 7-day lead.
    await advance(5 * DAY); // 12-10
    await Promise.all([generate(), generate()]);
    const etasks = (await lc.db.collection('facility_tasks').where({ planId: fixed }).orderBy('dueDate', 'asc').get()).data;
    expect(etasks.map((t: any) => t.dueDate)).toEqual(['2026-12-01', '2026-12-16']);
    expect(etasks[0].sets).toEqual(['half-monthly']);
    expect(await count('facility_tasks', { planId: floating })).toBe(1);
    // The 12-01 elevator task is overdue and regulated: engineering and the supervisor are told once.
    await generate();
    expect(await count('alerts', { key: `${etasks[0]._id}:overdue` })).toBe(2);
    const analysis = await ok(F('analysis', { days: 30 }, 'o-staff-sup'));
    expect(analysis.compliance.find((c: any) => c.assetId === elevatorId).daysOverdue).toBeGreaterThan(0);
    expect(analysis.cost.total).toBe(35);
    expect(analysis.rounds.due).toBeGreaterThan(0);
  });

  test('a contractor visit with its witness is in the maintenance record (screen and Excel) and on the residents’ page', async () => {
    const task = (await lc.db.collection('facility_tasks').where({ assetId: elevatorId, dueDate: '2026-12-01' }).get()).data[0];
    const visit = {
      clientRequestId: cid(),
      assetId: elevatorId,
      taskId: task._id,
      summary: '半月保养：清洁轿厢导轨、润滑、调整门机',
      doneAt: '2026-12-10T03:00:00.000Z',
      contractor: '奥的斯维保',
      technician: '孙师傅',
      parts: [{ name: '门滑块', qty: 2, unitCost: 40 }],
      result: '合格',
    };
    expect((await F('recordMaintenance', visit, ENG)).error.message).toContain('见证');
    const withWitness = { ...visit, witnessStaffId: 'st-eng1' };
    const r1 = await ok(F('recordMaintenance', withWitness, ENG));
    const r2 = await ok(F('recordMaintenance', withWitness, ENG));
    expect([r1.created, r2.created]).toEqual([true, false]);
    expect(await count('facility_records', { assetId: elevatorId })).toBe(1);
    // A witness from another community is refused.
    expect((await F('recordMaintenance', { ...visit, clientRequestId: cid(), witnessStaffId: 'st-other-eng' }, ENG)).error.code).toBe('INVALID_INPUT');

    const rec = await ok(F('record', { assetId: elevatorId }, ENG));
    expect(rec.items[0]).toMatchObject({ who: '奥的斯维保 孙师傅', witness: '李强', parts: '门滑块×2', result: '合格', when: '2026-12-10 11:00', nextDue: '2026-12-16' });
    expect(rec.items[0].what).toContain('半月保养');
    expect((await F('record', { assetId: elevatorId }, 'o-other-eng')).error.code).toBe('NOT_FOUND');

    const x = await ok(F('exportRecord', {}, ENG));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as any);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe('设施设备维护记录表');
    expect((ws.getRow(2).values as any[]).slice(1)).toEqual(['序号', '设备名称', '维护内容', '维护时间', '维护人员', '见证人', '更换配件', '维护结果', '下次维护日期']);
    expect((ws.getRow(3).values as any[]).slice(1, 3)).toEqual([1, '1栋1号电梯']);

    // Water tank: cleaning and a water-quality result.
    await ok(
      F(
        'saveMaintenancePlan',
        { assetId: tankId, name: '水箱清洗', schedule: { mode: 'fixed', every: { months: 6 }, anchor: '2026-12-08' }, tasks: ['clean'], start: '2026-12-08' },
        ENG,
      ),
    );
    await ok(
      F(
        'recordMaintenance',
        {
          clientRequestId: cid(),
          assetId: tankId,
          kind: 'cleaning',
          tasks: ['clean'],
          summary: '水箱清洗消毒',
          doneAt: '2026-12-08T02:00:00.000Z',
          contractor: '清源清洗',
          witnessStaffId: 'st-eng2',
          result: '完成',
        },
        ENG,
      ),
    );
    await ok(
      F(
        'recordMaintenance',
        {
          clientRequestId: cid(),
          assetId: tankId,
          kind: 'water-quality',
          summary: '水质检测',
          doneAt: '2026-12-09T02:00:00.000Z',
          contractor: '市疾控检测',
          witnessStaffId: 'st-eng2',
          result: '各项指标符合 GB 5749',
          qualified: true,
        },
        ENG,
      ),
    );

    const pub = await ok(F('publicStatus', {}, 'o-resident-01'));
    expect(pub.elevators).toEqual([expect.objectContaining({ name: '1栋1号电梯', lastDone: '2026-12-10', by: '奥的斯维保', nextDue: '2026-12-16' })]);
    expect(pub.waterTanks[0]).toMatchObject({ lastDone: '2026-12-08', waterQuality: { date: '2026-12-09', result: '各项指标符合 GB 5749', qualified: true } });
    // A resident of 2栋 sees no 1栋 elevator; staff-only actions stay closed to residents.
    expect((await ok(F('publicStatus', {}, 'o-resident-06'))).elevators).toEqual([]);
    expect((await F('record', {}, 'o-resident-01')).error.code).toBe('FORBIDDEN');
  });

  test('报修 from the asset page files one ticket tied to the asset per request', async () => {
    const key = cid();
    const [a, b] = await Promise.all([
      F('report', { assetId: elevatorId, description: '轿厢照明不亮', clientRequestId: key }, ENG),
      F('report', { assetId: elevatorId, description: '轿厢照明不亮', clientRequestId: key }, ENG),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.data.ticketId).toBe(b.data.ticketId);
    expect((await ok(F('asset', { assetId: elevatorId }, ENG))).tickets.filter((t: any) => t.label === '设备报修')).toHaveLength(1);
    expect((await F('report', { assetId: elevatorId, description: '试试', clientRequestId: cid() }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
  });
});

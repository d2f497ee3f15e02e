import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { PNG } from '../helpers/uploads';

/**
 * Issue 15 gaps (ops): the staff forms' actions (assets, versioned inspection plans, maintenance
 * plans: idempotent creates, edits that replace schedules whole, Chinese refusals, who may), and
 * photo checklist items synced from the phone (files checked and bound to the round, once).
 */
let lc: LocalCloudBase;
const F = (action: string, data: unknown, openid: string) => lc.call('facilities', action, data, openid);
const generate = () => lc.dev('/api/dev/timers/facilities', { method: 'POST' });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const HOUR = 3600_000;
const ENG = 'o-staff-eng1';
const ok = async (p: Promise<any>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const cid = () => `c${Math.random().toString(36).slice(2, 12)}`;
const count = async (coll: string, where: Record<string, unknown>) => (await lc.db.collection(coll).where(where).count()).total;
/** Uploads as the round page does: a slot from the facilities function, then the bytes. */
async function photo(openid: string): Promise<string> {
  const slot = await F('prepareUpload', { contentType: 'image/png' }, openid);
  if (!slot.ok) throw new Error(JSON.stringify(slot.error));
  const { url, authorization = '', token = '', cosFileId = '' } = slot.data.upload;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId },
    body: PNG as any,
  });
  expect(res.status).toBe(200);
  return slot.data.fileID;
}

const ITEMS = [
  { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
  { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
];
let pumpId: string;

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  // 2026-12-01 08:00 北京时间.
  await lc.dev('/api/dev/clock', { body: { set: '2026-12-01T00:00:00.000Z', frozen: true } });
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
}, 60_000);
afterAll(() => lc.stop());

describe('asset form', () => {
  test('a double tap registers one asset (same label code); bad input is refused in Chinese under its field', async () => {
    const key = cid();
    const asset = { name: '1号生活水泵', system: 'water', building: '1栋', floor: 'B1', area: '水泵房', clientRequestId: key };
    const [a, b] = await Promise.all([F('saveAsset', asset, ENG), F('saveAsset', asset, ENG)]);
    expect(a.data.assetId).toBe(b.data.assetId);
    expect(a.data.code).toBe(b.data.code);
    expect(await count('facility_assets', { name: '1号生活水泵' })).toBe(1);
    pumpId = a.data.assetId;
    const noName = await F('saveAsset', { ...asset, name: '', clientRequestId: cid() }, ENG);
    expect(noName.error).toMatchObject({ code: 'INVALID_INPUT', message: '请填写设备名称' });
    expect(noName.error.details.issues[0].path).toBe('name');
    const badDate = await F('saveAsset', { ...asset, installDate: '2020/1/1', clientRequestId: cid() }, ENG);
    expect(badDate.error.message).toBe('日期格式应为 YYYY-MM-DD');
    expect(await count('facility_assets', {})).toBe(1);
  });

  test('editing: only engineers and managers of the community; others are refused or see nothing', async () => {
    const edit = { assetId: pumpId, name: '1号生活水泵（变频）', system: 'water', area: '水泵房' };
    expect((await F('saveAsset', edit, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await F('saveAsset', edit, 'o-staff-sec')).error.code).toBe('FORBIDDEN');
    expect((await F('saveAsset', edit, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await F('saveAsset', edit, 'o-other-eng')).error.code).toBe('NOT_FOUND');
    await ok(F('saveAsset', edit, 'o-staff-sup'));
    expect((await ok(F('asset', { assetId: pumpId }, ENG))).asset.name).toBe('1号生活水泵（变频）');
  });
});

describe('inspection plan form: versioned template, photo items', () => {
  let planId: string;
  test('create once per request; Chinese refusals; security staff cannot edit plans', async () => {
    const key = cid();
    const plan = {
      name: '水泵房巡检',
      schedule: { kind: 'hourly', everyHours: 2, from: '08:00', to: '20:00' },
      stops: [{ assetId: pumpId, area: '1栋 B1 水泵房' }],
      items: ITEMS,
      role: 'engineer',
      clientRequestId: key,
    };
    const [a, b] = await Promise.all([F('savePlan', plan, ENG), F('savePlan', plan, ENG)]);
    expect(a.data).toEqual(b.data);
    expect(a.data.version).toBe(1);
    planId = a.data.planId;
    expect(await count('facility_plans', {})).toBe(1);
    const oneOption = await F('savePlan', { ...plan, clientRequestId: cid(), items: [{ id: 'x', kind: 'choice', label: '噪音', options: ['正常'] }] }, ENG);
    expect(oneOption.error).toMatchObject({ code: 'INVALID_INPUT', message: '选择题至少 2 个选项' });
    const noUnit = await F('savePlan', { ...plan, clientRequestId: cid(), items: [{ id: 'x', kind: 'number', label: '压力', unit: '' }] }, ENG);
    expect(noUnit.error.message).toBe('请填写读数单位');
    expect(noUnit.error.details.issues[0].path).toBe('items.0.unit');
    const noStops = await F('savePlan', { ...plan, clientRequestId: cid(), stops: [] }, ENG);
    expect(noStops.error.message).toBe('请至少设置一个巡检点');
    expect((await F('savePlan', { ...plan, planId }, 'o-staff-sec')).error.code).toBe('FORBIDDEN');
    expect((await F('savePlan', { ...plan, planId }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
    expect(await count('facility_plans', {})).toBe(1);
  });

  test('a template change applies to future rounds; the round already generated keeps its version; the schedule is replaced whole', async () => {
    await ok(generate());
    const first = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId);
    expect(first.version).toBe(1);
    const items = [...ITEMS, { id: 'shot', kind: 'photo', label: '水泵房全景' }];
    const saved = await ok(
      F(
        'savePlan',
        { planId, name: '水泵房巡检', schedule: { kind: 'daily', at: '10:00', windowHours: 4 }, stops: [{ assetId: pumpId, area: '1栋 B1 水泵房' }], items, role: 'engineer' },
        ENG,
      ),
    );
    expect(saved.version).toBe(2);
    const stored = (await lc.db.collection('facility_plans').doc(planId).get()).data[0];
    expect(stored.schedule).toEqual({ kind: 'daily', at: '10:00', windowHours: 4 });
    // The open round still shows the checklist it was generated with.
    expect((await ok(F('round', { roundId: first.id }, ENG))).items.map((i: any) => i.id)).toEqual(['temp', 'brake']);
    await advance(2 * HOUR);
    await ok(generate());
    const next = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId && r.id !== first.id);
    expect(next.version).toBe(2);
    expect((await ok(F('round', { roundId: next.id }, ENG))).items.map((i: any) => i.id)).toEqual(['temp', 'brake', 'shot']);
  });

  test('a photo item synced from the phone: files must be this community’s uploads; a second sync stores nothing twice', async () => {
    const round = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.planId === planId && r.version === 2);
    const at = '2026-12-01T02:05:00.000Z';
    const reading = (fileIds: string[]) => ({ roundId: round.id, readings: [{ clientId: 'rd-photo-0001', stop: 0, itemId: 'shot', value: { kind: 'photo', fileIds }, at }] });
    // A file id that names no upload slot, one uploaded by another community's staff: refused, nothing stored.
    expect((await F('sync', reading(['cloud://env/not-a-slot.png']), ENG)).error.code).toBe('INVALID_INPUT');
    const foreign = await photo('o-other-eng');
    expect((await F('sync', reading([foreign]), ENG)).error.code).toBe('INVALID_INPUT');
    expect(await count('facility_readings', { roundId: round.id })).toBe(0);
    // The engineer's own photo (taken offline, uploaded on sync): stored once, bound to the round.
    const mine = await photo(ENG);
    const [s1, s2] = await Promise.all([F('sync', reading([mine]), ENG), F('sync', reading([mine]), ENG)]);
    expect(s1.data.stored + s2.data.stored).toBe(1);
    expect(await count('facility_readings', { roundId: round.id, itemId: 'shot' })).toBe(1);
    const slot = (await lc.db.collection('uploads').where({ fileID: mine }).get()).data[0];
    expect(slot.boundTo).toBe(`round:${round.id}`);
    const shown = (await ok(F('round', { roundId: round.id }, ENG))).readings.find((r: any) => r.itemId === 'shot');
    expect(shown).toMatchObject({ text: '照片 1 张', anomaly: false });
    // The same photo cannot be reused for another round.
    const other = (await ok(F('rounds', { status: 'open' }, ENG))).items.find((r: any) => r.id !== round.id);
    if (other) {
      const reuse = await F('sync', { roundId: other.id, readings: [{ clientId: 'rd-photo-0002', stop: 0, itemId: 'shot', value: { kind: 'photo', fileIds: [mine] }, at }] }, ENG);
      expect(reuse.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('maintenance plan form', () => {
  test('fixed ↔ floating replaces the schedule whole; regulated equipment keeps a fixed legal interval; a double tap creates one', async () => {
    const key = cid();
    const plan = {
      assetId: pumpId,
      name: '水泵保养',
      schedule: { mode: 'fixed', every: { months: 1 }, anchor: '2026-12-05' },
      tasks: ['clean', 'lubricate'],
      start: '2026-12-01',
      clientRequestId: key,
    };
    const [a, b] = await Promise.all([F('saveMaintenancePlan', plan, ENG), F('saveMaintenancePlan', plan, ENG)]);
    expect(a.data.planId).toBe(b.data.planId);
    expect(await count('facility_mplans', { assetId: pumpId })).toBe(1);
    await ok(F('saveMaintenancePlan', { ...plan, clientRequestId: undefined, planId: a.data.planId, schedule: { mode: 'floating', afterDays: 45 } }, ENG));
    const stored = (await lc.db.collection('facility_mplans').doc(a.data.planId).get()).data[0];
    expect(stored.schedule).toEqual({ mode: 'floating', afterDays: 45 });
    const listed = (await ok(F('maintenancePlans', { assetId: pumpId }, ENG))).items[0];
    expect(listed).toMatchObject({ start: '2026-12-01', schedule: { mode: 'floating', afterDays: 45 } });
    const lift = await ok(F('saveAsset', { name: '2栋电梯', system: 'elevator', area: '电梯机房', regulated: 'elevator', clientRequestId: cid() }, ENG));
    const floating = await F(
      'saveMaintenancePlan',
      { assetId: lift.assetId, name: '电梯保养', schedule: { mode: 'floating', afterDays: 10 }, tasks: ['lubricate'], start: '2026-12-01' },
      ENG,
    );
    expect(floating.error).toMatchObject({ code: 'INVALID_INPUT', message: '电梯维保有法定周期，必须使用固定周期' });
    const tooLong = await F(
      'saveMaintenancePlan',
      { assetId: lift.assetId, name: '电梯保养', schedule: { mode: 'fixed', every: { days: 30 }, anchor: '2026-12-01' }, tasks: ['lubricate'], start: '2026-12-01' },
      ENG,
    );
    expect(tooLong.error.message).toMatch(/法定周期为每 15 天，不能更长/);
    const noTasks = await F('saveMaintenancePlan', { ...plan, clientRequestId: cid(), tasks: [] }, ENG);
    expect(noTasks.error.message).toBe('请至少选择一项维护项目');
    expect((await F('saveMaintenancePlan', { ...plan, planId: a.data.planId }, 'o-staff-sec')).error.code).toBe('FORBIDDEN');
    expect((await F('saveMaintenancePlan', { ...plan, planId: a.data.planId }, 'o-other-eng')).error.code).toBe('NOT_FOUND');
  });
});

import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';

/**
 * Issue 15 end to end in Chromium: an engineer does an elevator-room round on the phone, enters
 * the asset code, one reading is out of range and becomes a ticket; the asset's maintenance
 * record shows a contractor visit; a resident's 设施维护 page shows the dates. A second round is
 * filled offline and syncs when the network returns.
 */
let lc: LocalCloudBase;
let browser: Browser;
const ENG = 'o-staff-eng1';
let elevator: { assetId: string; code: string };
let planId: string;
let offlinePlanId: string;

const ok = async (p: Promise<any>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const F = (action: string, data: unknown, openid = ENG) => ok(lc.call('facilities', action, data, openid));
const bj = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
  elevator = await F('saveAsset', { name: '1栋1号电梯', system: 'elevator', building: '1栋', floor: '顶层', area: '电梯机房', contractor: '奥的斯维保', regulated: 'elevator' });
  const tank = await F('saveAsset', { name: '生活水箱', system: 'water', area: '地下泵房', regulated: 'water-tank' });
  // A round now: every hour from 00:00 to 24:00 (whatever the time the test runs).
  planId = (
    await F('savePlan', {
      name: '电梯机房巡检',
      schedule: { kind: 'hourly', everyHours: 1, from: '00:00', to: '24:00' },
      stops: [
        { assetId: elevator.assetId, area: '电梯机房' },
        { assetId: null, area: '地下泵房' },
      ],
      items: [
        { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
        { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
      ],
      role: 'engineer',
    })
  ).planId;
  offlinePlanId = (
    await F('savePlan', {
      name: '设备层巡检',
      schedule: { kind: 'hourly', everyHours: 1, from: '00:00', to: '24:00' },
      stops: [
        { assetId: elevator.assetId, area: '电梯机房' },
        { assetId: null, area: '地下泵房' },
      ],
      items: [
        { id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 },
        { id: 'brake', kind: 'yesno', label: '制动器正常', ok: true },
      ],
      role: 'engineer',
    })
  ).planId;
  const today = bj(Date.now());
  await F('saveMaintenancePlan', {
    assetId: elevator.assetId,
    name: '电梯半月保养',
    schedule: { mode: 'fixed', every: { days: 15 }, anchor: today },
    tasks: ['clean', 'lubricate'],
    start: today,
  });
  await F('recordMaintenance', {
    clientRequestId: 'e2e-visit-1',
    assetId: elevator.assetId,
    summary: '半月保养',
    doneAt: new Date(Date.now() - 3600_000).toISOString(),
    contractor: '奥的斯维保',
    technician: '孙师傅',
    witnessStaffId: 'st-eng1',
    result: '合格',
  });
  await F('recordMaintenance', {
    clientRequestId: 'e2e-tank-1',
    assetId: tank.assetId,
    kind: 'water-quality',
    summary: '水质检测',
    doneAt: new Date(Date.now() - 3600_000).toISOString(),
    contractor: '区疾控中心',
    witnessStaffId: 'st-eng1',
    result: '符合 GB 5749',
    qualified: true,
  });
  await lc.dev('/api/dev/timers/facilities', { method: 'POST' });
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

const rounds = async (plan: string) => (await F('rounds', { status: 'open' })).items.filter((r: any) => r.planId === plan);

async function fillStop(page: Page, index: number, temp: string, code?: string) {
  await button(page, '开始巡检').click();
  if (code) await page.locator('taro-input-core[placeholder="12 位设备码"] input').filter({ visible: true }).first().fill(code);
  await page.locator('taro-input-core[placeholder="读数"] input').filter({ visible: true }).first().fill(temp);
  await page.locator('.fac__chip', { hasText: '是' }).filter({ visible: true }).first().click();
  await button(page, '记录本点').click();
  void index;
}

test('an elevator-room round: the asset code, an out-of-range reading becomes a ticket; the record and the residents’ page', async () => {
  const errors: string[] = [];
  const [round] = await rounds(planId);
  const eng = await phone(browser, lc.url, ENG);
  eng.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(eng.page, 'round-anomaly', async () => {
      await open(eng.page, lc.url, '/staff/facilities/index');
      await see(eng.page, '电梯机房巡检').click();
      await see(eng.page, '1. 1栋1号电梯').waitFor();
      await fillStop(eng.page, 0, '41', elevator.code);
      await see(eng.page, /41 ℃（高于正常范围/).waitFor();
      await see(eng.page, '全部已同步').waitFor();
      await screenshot(eng.page, 'e2e-facilities-round');
    });
    const anomalies = (await lc.db.collection('facility_anomalies').where({ roundId: round.id }).get()).data;
    expect(anomalies).toHaveLength(1);
    expect((await lc.db.collection('tickets').where({ _id: anomalies[0].ticketId }).count()).total).toBe(1);
    await step(eng.page, 'asset-record', async () => {
      await open(eng.page, lc.url, `/staff/asset/index?code=${elevator.code}`);
      await see(eng.page, '维护人员：奥的斯维保 孙师傅').waitFor();
      await see(eng.page, '（见证：李强）').waitFor();
      await see(eng.page, /巡检异常 BX-/).waitFor();
      await screenshot(eng.page, 'e2e-facilities-asset');
    });
  } finally {
    await eng.context.close();
  }
  const res = await phone(browser, lc.url, 'o-resident-01');
  res.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(res.page, 'resident-status', async () => {
      await open(res.page, lc.url, '/pages/facilities/index');
      await see(res.page, '1栋1号电梯').waitFor();
      await see(res.page, `上次维保：${bj(Date.now() - 3600_000)}`).waitFor();
      await see(res.page, '维保单位：奥的斯维保').waitFor();
      await see(res.page, /下次维保：\d{4}-\d{2}-\d{2}/).waitFor();
      await see(res.page, /最新水质检测（\d{4}-\d{2}-\d{2}）：符合 GB 5749/).waitFor();
      await screenshot(res.page, 'e2e-facilities-resident');
    });
  } finally {
    await res.context.close();
  }
  expect(errors).toEqual([]);
});

test('offline mid-round: two stops filled without network, synced once the network returns', async () => {
  const errors: string[] = [];
  // A round of another plan: the round page is opened while online, then the network drops.
  const [round] = await rounds(offlinePlanId);
  const eng = await phone(browser, lc.url, 'o-staff-eng2');
  eng.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(eng.page, 'offline-round', async () => {
      await open(eng.page, lc.url, `/staff/round/index?id=${round.id}`);
      await see(eng.page, '2. 地下泵房').waitFor();
      await eng.context.setOffline(true);
      await fillStop(eng.page, 0, '22', elevator.code);
      await fillStop(eng.page, 1, '23');
      await see(eng.page, /待同步 \d+ 条/).waitFor();
      await screenshot(eng.page, 'e2e-facilities-offline');
      expect((await lc.db.collection('facility_readings').where({ roundId: round.id }).count()).total).toBe(0);
      await eng.context.setOffline(false);
      await see(eng.page, '全部已同步').waitFor({ timeout: 15_000 });
      await screenshot(eng.page, 'e2e-facilities-synced');
    });
  } finally {
    await eng.context.close();
  }
  const stored = (await lc.db.collection('facility_readings').where({ roundId: round.id }).get()).data;
  expect(stored.map((r: any) => `${r.stop}:${r.itemId}`).sort()).toEqual(['0:brake', '0:temp', '1:brake', '1:temp']);
  expect(errors).toEqual([]);
});

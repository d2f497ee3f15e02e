import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { H5_DIR, ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';
import { uploadAs } from '../helpers/uploads';

/**
 * The ops forms in Chromium at 375×667: a move-in batch created through the staff form; an asset,
 * an inspection plan with a photo item and a maintenance plan through theirs; a round's photo item
 * taken and synced once; the house inspection with a defect photo. Screenshots also go to
 * LINLI_SHOTS_DIR when set (the report's pictures).
 */
let lc: LocalCloudBase;
let browser: Browser;
const ENG = 'o-staff-eng1';
const OWNER = 'o-resident-09';
const PHOTO = join(ROOT, 'tests/fixtures/leak.png');
const SHOTS = process.env.LINLI_SHOTS_DIR;
const ok = async (p: Promise<any>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const M = (action: string, data: unknown, openid: string) => ok(lc.call('movein', action, data, openid));
const F = (action: string, data: unknown, openid = ENG) => ok(lc.call('facilities', action, data, openid));
const day = (d: number) => new Date(Date.now() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10);

async function shot(page: Page, name: string, fullPage = false) {
  await screenshot(page, `ops-${name}`);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  }
}
const fill = async (page: Page, label: string, value: string) => {
  const host = page.getByLabel(label, { exact: true }).filter({ visible: true }).first();
  const input = (await host.evaluate((el) => el.tagName)) === 'INPUT' ? host : host.locator('input, textarea').first();
  await input.fill(value);
};

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

test('move-in batch form: create a batch, then its desk flow reaches the inspection with a defect photo', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-staff-sup');
  try {
    await step(page, 'batch-form', async () => {
      await open(page, lc.url, '/staff/movein-batch/index');
      await fill(page, '批次名称', '3栋集中交付');
      await fill(page, '楼栋', '3栋');
      await fill(page, '开始日期', day(3));
      await fill(page, '结束日期', day(4));
      await fill(page, '时段1容量', '8');
      await fill(page, '准备事项1负责人', '王敏');
      await fill(page, '收费告知', '物业服务费 2.80 元/㎡·月，交房时预缴一年。');
      await shot(page, 'movein-batch-form');
      await page.screenshot({ path: join(SHOTS ?? join(ROOT, 'test-artifacts'), 'movein-batch-form-full.png'), fullPage: true });
      await button(page, '新建批次').click();
      await page.waitForTimeout(800);
    });
    const batch = (await M('listBatches', {}, 'o-staff-sup')).items.find((b: any) => b.title === '3栋集中交付');
    expect(batch).toMatchObject({ status: 'draft', building: '3栋', slotSpecs: [{ start: '09:00', end: '11:00', capacity: 8 }, expect.anything()] });
    expect((await M('publishBatch', { batchId: batch.batchId }, 'o-staff-sup')).announcement.status).toBe('published');

    // The resident books and the desk takes the booking to the inspection (through the API).
    const slot = (await M('slots', { batchId: batch.batchId }, OWNER)).items[0];
    const booking = await M('book', { slotId: slot.slotId }, OWNER);
    for (const kind of ['id_card', 'purchase_contract'])
      await M('submitDocument', { bookingId: booking.bookingId, kind, fileIds: [await uploadAs(lc, OWNER, { fn: 'movein' as any })] }, OWNER);
    for (const kind of ['id_card', 'purchase_contract']) await M('reviewDocument', { bookingId: booking.bookingId, kind, approve: true }, 'o-staff-desk');
    for (const step of ['arrival', 'documents']) await M('handover', { bookingId: booking.bookingId, step }, 'o-staff-desk');
    await M('handover', { bookingId: booking.bookingId, step: 'keys', keys: [{ type: 'door', count: 3 }] }, 'o-staff-desk');
    const ph = async () => uploadAs(lc, ENG, { fn: 'movein' as any });
    await M(
      'handover',
      {
        bookingId: booking.bookingId,
        step: 'meters',
        meters: { water: { reading: 1, photo: await ph() }, electricity: { reading: 2, photo: await ph() }, gas: { reading: 3, photo: await ph() } },
      },
      ENG,
    );
    await M('handover', { bookingId: booking.bookingId, step: 'manuals' }, 'o-staff-desk');
    await M('signReceipt', { bookingId: booking.bookingId, signature: { fileId: await uploadAs(lc, OWNER, { fn: 'movein' as any }) } }, OWNER);

    const { page: eng, context: engCtx } = await phone(browser, lc.url, ENG);
    try {
      await step(eng, 'inspection-photo', async () => {
        await open(eng, lc.url, `/staff/movein-booking/index?id=${booking.bookingId}`);
        await see(eng, '验房（点选有问题的项）').waitFor();
        const kitchen = eng.locator('.mv-room', { hasText: '厨房' }).filter({ visible: true }).first();
        await kitchen.locator('.mv-chip', { hasText: '排水/渗漏' }).click();
        await kitchen.locator('taro-input-core[placeholder="问题说明"] input').fill('下水管接口渗水');
        await kitchen.locator('taro-input-core[placeholder="具体位置（如 水槽下方）"] input').fill('水槽下方');
        const chooser = eng.waitForEvent('filechooser');
        await kitchen.getByLabel('问题照片').click();
        await (await chooser).setFiles(PHOTO);
        await kitchen.getByLabel('删除照片').first().waitFor();
        await kitchen.scrollIntoViewIfNeeded();
        await shot(eng, 'movein-inspection-defect-photo');
        await button(eng, /提交验房结果/).click();
        await see(eng, '验房问题').waitFor();
        await eng.locator('.mv-defect img').first().waitFor();
        await eng.locator('.mv-defect img').first().scrollIntoViewIfNeeded();
        await shot(eng, 'movein-inspection-defects');
      });
      const b = await M('getBooking', { bookingId: booking.bookingId }, ENG);
      expect(b.defects).toHaveLength(1);
      expect(b.defects[0].photoUrls).toHaveLength(1);
    } finally {
      await engCtx.close();
    }
  } finally {
    await context.close();
  }
});

test('facilities forms: asset, inspection plan with a photo item, maintenance plan; a round’s photo is taken and synced once', async () => {
  const { page, context } = await phone(browser, lc.url, ENG);
  try {
    await step(page, 'asset-form', async () => {
      await open(page, lc.url, '/staff/facility-asset-edit/index');
      await fill(page, '设备名称', '1栋1号电梯');
      await see(page, '电梯', true).click();
      await see(page, '电梯维保', true).click();
      await fill(page, '楼栋（选填）', '1栋');
      await fill(page, '具体位置', '电梯机房');
      await fill(page, '维保单位（选填）', '奥的斯维保');
      await shot(page, 'facility-asset-form');
      await button(page, '登记设备').click();
      await page.waitForTimeout(800);
    });
    const lift = (await F('assets', {})).items.find((a: any) => a.name === '1栋1号电梯');
    expect(lift).toMatchObject({ system: 'elevator', regulated: 'elevator', area: '电梯机房' });

    const plan = await F('savePlan', {
      name: '电梯机房巡检',
      schedule: { kind: 'hourly', everyHours: 1, from: '00:00', to: '24:00' },
      stops: [{ assetId: lift.id, area: '电梯机房' }],
      items: [{ id: 'temp', kind: 'number', label: '机房温度', unit: '℃', min: 5, max: 35 }],
      role: 'engineer',
    });
    await step(page, 'plan-form', async () => {
      await open(page, lc.url, `/staff/facility-plan-edit/index?id=${plan.planId}`);
      await see(page, '修改后保存为第 2 版', false).waitFor();
      await button(page, '添加检查项').click();
      const item = page.locator('.fac__item', { hasText: '第 2 项' }).filter({ visible: true }).first();
      await item.getByRole('option', { name: '拍照' }).click();
      await item.locator('input').first().fill('机房全景');
      await item.scrollIntoViewIfNeeded();
      await shot(page, 'facility-plan-form');
      await button(page, '保存（生成新版本）').click();
      await page.waitForTimeout(800);
    });
    const saved = (await F('plans', {})).items.find((p: any) => p.id === plan.planId);
    expect(saved.version).toBe(2);
    expect(saved.items.map((i: any) => i.kind)).toEqual(['number', 'photo']);

    await step(page, 'maintenance-form', async () => {
      await open(page, lc.url, `/staff/facility-mplan-edit/index?assetId=${lift.id}`);
      await see(page, /法定周期每 15 天/).waitFor();
      await fill(page, '计划名称', '电梯半月保养');
      await fill(page, '每隔', '15');
      await see(page, '天', true).click();
      await fill(page, '首次日期', day(0));
      await shot(page, 'facility-maintenance-form');
      await button(page, '保存维护计划').click();
      await page.waitForTimeout(800);
    });
    expect((await F('maintenancePlans', { assetId: lift.id })).items[0]).toMatchObject({ name: '电梯半月保养', schedule: { mode: 'fixed', every: { days: 15 } } });

    await lc.dev('/api/dev/timers/facilities', { method: 'POST' });
    const round = (await F('rounds', { status: 'open' })).items.find((r: any) => r.planId === plan.planId && r.version === 2);
    await step(page, 'round-photo', async () => {
      await open(page, lc.url, `/staff/round/index?id=${round.id}`);
      await button(page, '开始巡检').click();
      await page.locator('taro-input-core[placeholder="读数"] input').filter({ visible: true }).first().fill('22');
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel('机房全景拍照').click();
      await (await chooser).setFiles(PHOTO);
      await page.getByLabel('删除照片').first().waitFor();
      await shot(page, 'facility-round-photo-item');
      await button(page, '记录本点').click();
      await see(page, '照片 1 张', false).waitFor();
      await see(page, '全部已同步').waitFor();
      await shot(page, 'facility-round-photo-synced');
    });
    const photos = (await lc.db.collection('facility_readings').where({ roundId: round.id }).get()).data.filter((r: any) => r.value.kind === 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0].value.fileIds).toHaveLength(1);
    expect(
      (
        await lc.db
          .collection('uploads')
          .where({ boundTo: `round:${round.id}` })
          .count()
      ).total,
    ).toBe(1);
  } finally {
    await context.close();
  }
});

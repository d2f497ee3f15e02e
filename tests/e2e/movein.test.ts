import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';
import { uploadAs } from '../helpers/uploads';

/**
 * Issue 13 end to end in Chromium: a resident books a slot and uploads documents; the desk
 * rejects one with a reason and approves the replacement; on the day staff record keys and meter
 * readings and the resident signs on the canvas; the inspection's two defects appear as tickets in
 * the resident's 服务 list; fixing them enables the re-inspection sign-off; the key receipt is A4.
 */
let lc: LocalCloudBase;
let browser: Browser;
const OWNER = 'o-resident-09';
const M = (action: string, data: unknown, openid: string) => lc.call('movein', action, data, openid);
const day = (d: number) => new Date(Date.now() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR });
  browser = await launch();
  const b = await M(
    'createBatch',
    {
      title: '3栋集中交付',
      range: { building: '3栋' },
      startDate: day(3),
      endDate: day(4),
      slots: [
        { start: '09:00', end: '11:00', capacity: 5 },
        { start: '14:00', end: '16:00', capacity: 5 },
      ],
      requiredDocuments: ['id_card', 'purchase_contract'],
      feesNotice: '物业服务费 2.80 元/㎡·月，交房时预缴一年。',
      clientRequestId: 'e2e-movein-batch',
    },
    'o-staff-desk',
  );
  await M('publishBatch', { batchId: b.data.batchId }, 'o-staff-desk');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

async function drawSignature(page: Page) {
  const pad = page.locator('canvas.sig__canvas').filter({ visible: true }).first();
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 60 + (i % 2 ? 30 : -20));
  await page.mouse.up();
}

async function uploadThroughUi(page: Page, label: string) {
  const doc = page.locator('.mv-doc', { hasText: label }).filter({ visible: true }).first();
  const chooser = page.waitForEvent('filechooser');
  await button(doc, /上传/).click();
  await (await chooser).setFiles(join(ROOT, 'tests/fixtures/leak.png'));
  await doc.getByText('待审核').waitFor();
}

test('book, upload, review, hand over with signature, inspect, re-inspect, print the receipt', async () => {
  const { page: resident } = await phone(browser, lc.url, OWNER);
  const errors: string[] = [];
  resident.on('pageerror', (e) => errors.push(e.message));
  let bookingId = '';
  await step(resident, 'book', async () => {
    await see(resident, '入住预约').click();
    await see(resident, '选择办理时段').waitFor();
    await screenshot(resident, 'movein-resident-slots');
    await resident.locator('.mv-slot').filter({ visible: true }).first().click();
    await button(resident, '确认预约').click();
    await see(resident, '资料待审核').waitFor();
    bookingId = (await M('myMovein', {}, OWNER)).data.items[0].bookingId;
  });
  await step(resident, 'upload', async () => {
    await uploadThroughUi(resident, '身份证');
    await uploadThroughUi(resident, '购房合同');
    await screenshot(resident, 'movein-resident-documents');
  });

  const { page: desk } = await phone(browser, lc.url, 'o-staff-desk');
  await step(desk, 'review', async () => {
    await open(desk, lc.url, '/staff/movein/index');
    await see(desk, '批次看板').waitFor();
    await screenshot(desk, 'movein-staff-dashboard');
    await open(desk, lc.url, `/staff/movein-booking/index?id=${bookingId}`);
    const id = desk.locator('.mv-doc', { hasText: '身份证' }).filter({ visible: true }).first();
    await id.locator('input').fill('身份证照片模糊，请重新拍摄');
    await button(id, '不通过').click();
    await id.getByText('未通过', { exact: true }).waitFor();
    const contract = desk.locator('.mv-doc', { hasText: '购房合同' }).filter({ visible: true }).first();
    await button(contract, /^通过$/).click();
    await contract.getByText('已通过', { exact: true }).waitFor();
  });
  await step(resident, 'replace', async () => {
    await open(resident, lc.url, '/pages/movein/index');
    await see(resident, '未通过原因：身份证照片模糊，请重新拍摄，请重新上传。').waitFor();
    await screenshot(resident, 'movein-resident-rejected');
    await uploadThroughUi(resident, '身份证');
  });
  await step(desk, 'approve-replacement', async () => {
    await open(desk, lc.url, `/staff/movein-booking/index?id=${bookingId}`);
    const id = desk.locator('.mv-doc', { hasText: '身份证' }).filter({ visible: true }).first();
    await button(id, /^通过$/).click();
    await see(desk, '资料已通过').waitFor();
  });
  await step(desk, 'handover', async () => {
    await button(desk, '完成：到场登记').click();
    await button(desk, '完成：资料核验').click();
    await button(desk, '完成：钥匙清点').click();
    await see(desk, '水表').waitFor();
    await screenshot(desk, 'movein-staff-handover');
    // Meter photos are uploaded by the desk's phone (the same upload slots the page uses).
    const photos = await Promise.all([0, 1, 2].map(() => uploadAs(lc, 'o-staff-desk', { fn: 'movein' as any })));
    const r = await M(
      'handover',
      {
        bookingId,
        step: 'meters',
        meters: { water: { reading: 3.2, photo: photos[0] }, electricity: { reading: 15.6, photo: photos[1] }, gas: { reading: 0.8, photo: photos[2] } },
      },
      'o-staff-desk',
    );
    expect(r.ok).toBe(true);
    await open(desk, lc.url, `/staff/movein-booking/index?id=${bookingId}`);
    await button(desk, '完成：移交使用说明书与收费告知').click();
    await see(desk, '交接完成，请业主在手机上签收钥匙交接单。').waitFor();
  });
  await step(resident, 'sign', async () => {
    await open(resident, lc.url, '/pages/movein/index');
    await see(resident, '签收钥匙交接单').waitFor();
    await see(resident, '入户门钥匙 × 3').waitFor();
    await drawSignature(resident);
    await screenshot(resident, 'movein-resident-sign');
    await button(resident, '确认签名').click();
    await see(resident, '查看钥匙交接单').waitFor();
  });
  await step(resident, 'receipt', async () => {
    await button(resident, '查看钥匙交接单').click();
    await see(resident, '一、钥匙及门禁卡').waitFor();
    await resident.locator('.receipt__sig img, img.receipt__sig').filter({ visible: true }).first().waitFor();
    await screenshot(resident, 'movein-receipt-phone');
    await resident.emulateMedia({ media: 'print' });
    await resident.setViewportSize({ width: 794, height: 1123 });
    const box = (await resident.locator('.receipt').filter({ visible: true }).first().boundingBox())!;
    // A4 at 96 dpi: 210 mm × 297 mm = 794 × 1123 px.
    expect(Math.round(box.width)).toBe(794);
    expect(Math.round(box.height)).toBeGreaterThanOrEqual(1122);
    await screenshot(resident, 'movein-receipt-a4');
    await resident.emulateMedia({ media: 'screen' });
    await resident.setViewportSize({ width: 375, height: 667 });
  });
  let tickets: string[] = [];
  await step(desk, 'inspect', async () => {
    await open(desk, lc.url, `/staff/movein-booking/index?id=${bookingId}`);
    const kitchen = desk.locator('.mv-room', { hasText: '厨房' }).filter({ visible: true }).first();
    await kitchen.getByText('排水/渗漏', { exact: true }).click();
    await kitchen.locator('input:visible').nth(0).fill('下水管接口渗水');
    await kitchen.locator('input:visible').nth(1).fill('水槽下方');
    const bedroom = desk.locator('.mv-room', { hasText: '卧室' }).filter({ visible: true }).first();
    await bedroom.getByText('门窗', { exact: true }).click();
    await bedroom.locator('input:visible').nth(0).fill('窗框密封条脱落');
    await bedroom.locator('input:visible').nth(2).fill('华建门窗公司');
    await screenshot(desk, 'movein-staff-inspection');
    await button(desk, '提交验房结果（2 个问题）').click();
    await see(desk, '验房问题').waitFor();
    tickets = (await M('getBooking', { bookingId }, OWNER)).data.defects.map((d: any) => d.ticketId);
    expect(tickets).toHaveLength(2);
  });
  await step(resident, 'tickets-in-service', async () => {
    await open(resident, lc.url, '/pages/service/index');
    await see(resident, /下水管接口渗水/).waitFor();
    await see(resident, /窗框密封条脱落/).waitFor();
    await screenshot(resident, 'movein-resident-service');
  });
  await step(resident, 'reinspect', async () => {
    await open(resident, lc.url, '/pages/movein/index');
    await see(resident, '验房问题').waitFor();
    expect(await resident.getByText('全部问题已整改，请复验后签名确认').count()).toBe(0);
    for (const t of tickets) await lc.db.collection('tickets').doc(t).update({ status: 'resolved' });
    await open(resident, lc.url, '/pages/movein/index');
    await see(resident, '全部问题已整改，请复验后签名确认').waitFor();
    await drawSignature(resident);
    await button(resident, '确认签名').click();
    await see(resident, '复验已全部通过，入住交接完成。').waitFor();
    await screenshot(resident, 'movein-resident-closed');
  });
  expect(errors).toEqual([]);
}, 240_000);

import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { H5_DIR, ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { ARTIFACTS, launch, phone, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';

/**
 * Issue #12 end to end in Chromium: the desk finds a closed ticket by the resident's phone (it is
 * in no open queue any more), sees the flat's other tickets, and dispatches with each engineer's
 * load in view; an engineer's completion sheet asks for a photo. Screenshots at 375×667 go to
 * LINLI_SHOTS_DIR (default test-artifacts/screenshots).
 */
const SHOTS = process.env.LINLI_SHOTS_DIR ?? join(ARTIFACTS, 'screenshots');
const PHONE = '13912340077';
let lc: LocalCloudBase;
let browser: Browser;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SHOTS, `staffq-${name}.png`) });
}
const report = (openid: string, unitId: string, category: string, description: string, key: string) =>
  lc.call(
    'tickets',
    'create',
    { type: 'repair', category, description, location: { kind: 'home', unitId }, contactPhone: PHONE, subscribed: [], clientRequestId: `e2e-staffq-${key}` },
    openid,
  );

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

test("the desk finds a closed ticket by the resident's phone and sees the flat's history", async () => {
  // A leak reported and withdrawn (closed: gone from every open queue), and a new one for the same flat.
  const old = await report('o-resident-04', 'u-1-2-201', 'plumbing_electric', '厨房水槽下方漏水', 'old');
  expect((await lc.call('tickets', 'act', { action: 'cancel', ticketId: old.data.ticketId, reason: '住户已自行解决' }, 'o-resident-04')).ok).toBe(true);
  const fresh = await report('o-resident-04', 'u-1-2-201', 'plumbing_electric', '卫生间地漏返水', 'new');
  expect(fresh.ok).toBe(true);

  const { page, context } = await phone(browser, lc.url, 'o-staff-desk');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(page, 'staffq-queue', async () => {
      await open(page, lc.url, '/staff/tickets/index');
      await see(page, '待派单').waitFor();
      await see(page, '卫生间地漏返水').waitFor();
      await shot(page, 'queue');
    });
    await step(page, 'staffq-search-phone', async () => {
      await page.locator('[aria-label="搜索工单"] input').filter({ visible: true }).first().fill(PHONE);
      await page.getByRole('button', { name: '搜索' }).filter({ visible: true }).first().click();
      await see(page, /搜索结果（按电话），含已关闭/).waitFor();
      await see(page, '厨房水槽下方漏水').waitFor();
      await see(page, '已取消').waitFor();
      await shot(page, 'search-results');
    });
    await step(page, 'staffq-filters', async () => {
      await page.getByRole('button', { name: '筛选' }).filter({ visible: true }).first().click();
      const sheet = page.getByRole('dialog', { name: '筛选工单' });
      await sheet.getByText('已关闭', { exact: true }).click();
      await sheet.getByText('报修', { exact: true }).click();
      await sheet.getByText('水电', { exact: true }).click();
      await shot(page, 'filters');
      await button(sheet, '查看结果').click();
      await see(page, '厨房水槽下方漏水').waitFor();
      expect(await page.getByText('卫生间地漏返水').filter({ visible: true }).count()).toBe(0);
      await shot(page, 'search-filtered');
    });
    await step(page, 'staffq-unit-history', async () => {
      await see(page, '厨房水槽下方漏水').click();
      await see(page, '本房屋的其他工单（1）').waitFor();
      await see(page, '查看本房屋全部工单 →').scrollIntoViewIfNeeded();
      await shot(page, 'unit-history');
      await see(page, '查看本房屋全部工单 →').click();
      await see(page, /1栋2单元201 的全部工单/).waitFor();
      await see(page, '卫生间地漏返水').waitFor();
      await shot(page, 'unit-history-all');
    });
    await step(page, 'staffq-dispatch', async () => {
      await open(page, lc.url, `/staff/ticket/index?id=${fresh.data.ticketId}`);
      await button(page, '派单').click();
      const sheet = page.getByRole('dialog', { name: '派单' });
      await sheet
        .getByText(/在办 \d+ 单/)
        .first()
        .waitFor();
      await shot(page, 'dispatch-sheet');
      await sheet.getByRole('radio').first().click();
      await button(sheet, '确认派单').click();
      await see(page, /派给 /).waitFor();
    });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the completion sheet asks an engineer for a photo, with parts and fee', async () => {
  const t = await lc.call(
    'tickets',
    'create',
    {
      type: 'repair',
      category: 'plumbing_electric',
      description: '3栋大堂灯不亮',
      location: { kind: 'public', building: '3栋', area: '大堂' },
      contactPhone: PHONE,
      subscribed: [],
      clientRequestId: 'e2e-staffq-lamp',
    },
    'o-resident-05',
  );
  const ticketId = t.data.ticketId;
  expect((await lc.call('tickets', 'act', { action: 'grab', ticketId }, 'o-staff-eng1')).ok).toBe(true);
  expect((await lc.call('tickets', 'act', { action: 'arrive', ticketId }, 'o-staff-eng1')).ok).toBe(true);
  const { page, context } = await phone(browser, lc.url, 'o-staff-eng1');
  try {
    await step(page, 'staffq-complete', async () => {
      await open(page, lc.url, `/staff/ticket/index?id=${ticketId}`);
      await button(page, '完工').click();
      const sheet = page.getByRole('dialog', { name: '完工' });
      await sheet.getByText('图片（必填）').waitFor();
      await sheet.locator('taro-textarea-core textarea').first().fill('已更换 LED 灯管');
      await sheet.locator('[aria-label="使用配件（选填）"] input').fill('LED 灯管 ×2');
      await sheet.locator('[aria-label="收费（元，选填）"] input').fill('35');
      await button(sheet, '提交完工').click();
      await see(page, '请上传至少 1 张完工照片').waitFor();
      await shot(page, 'completion-sheet');
      // With a photo it goes through, and parts and fee show on the ticket.
      const chooser = page.waitForEvent('filechooser');
      await sheet.getByLabel('添加图片').first().click();
      await (await chooser).setFiles(join(ROOT, 'tests/fixtures/fixed.png'));
      await sheet.locator('.photo-picker__item').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.photo-picker__mask'));
      await button(sheet, '提交完工').click();
      await see(page, '35 元（线下结算）').waitFor();
      await shot(page, 'completed');
    });
  } finally {
    await context.close();
  }
});

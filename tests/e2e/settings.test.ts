import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';

/**
 * Issue #12 (回访设置, 服务时限 units, 绑定审核) and #17 (staff report what they find) in Chromium at
 * 375×667. LINLI_SHOTS_DIR also copies the screenshots there (the coordinator's notes).
 */
let lc: LocalCloudBase;
let browser: Browser;
/** A screenshot once any toast (1.5 s) has gone. */
const shot = async (page: Page, name: string, afterToast = false) => {
  if (afterToast) await page.waitForTimeout(1800);
  await screenshot(page, `settings-${name}`, name);
};

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

test('绑定审核: waiting times and household, approve then undo, a quick reason, the history', async () => {
  // A fresh request for 1栋1单元101 (an owner and a family member live there); the seeded one has waited for days.
  const r = await lc.call(
    'account',
    'requestBinding',
    { unitId: 'u-1-1-101', name: '孙悦', phone: '13912340001', relation: 'tenant', clientRequestId: 'e2e-settings-1' },
    'o-newcomer-01',
  );
  expect(r.ok).toBe(true);
  const { page, context } = await phone(browser, lc.url, 'o-staff-desk');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(page, 'bindings-pending', async () => {
      await open(page, lc.url, '/staff/bindings/index');
      await see(page, '现有住户').waitFor();
      await see(page, /标红的已等待超过 24 小时/).waitFor();
      await shot(page, 'bindings-pending');
    });
    await step(page, 'bindings-undo', async () => {
      const card = page.locator('.binding-card', { hasText: '孙悦' }).filter({ visible: true }).first();
      await button(card, '通过').click();
      await see(page, /10 分钟内可撤回/).waitFor();
      await shot(page, 'bindings-undo', true);
      await button(page.locator('.binding-review__undo'), '撤回').click();
      await page.locator('.binding-card', { hasText: '孙悦' }).filter({ visible: true }).first().waitFor();
      expect((await lc.call('account', 'me', {}, 'o-newcomer-01')).data.homes.map((h: any) => h.status)).toEqual(['pending']);
    });
    await step(page, 'bindings-reject-chip', async () => {
      const card = page.locator('.binding-card', { hasText: '钱多多' }).filter({ visible: true }).first();
      await button(card, '拒绝').click();
      await card.getByText('电话无法联系到您核实身份，请致电物业客服').click();
      await shot(page, 'bindings-reject-chips', true);
      await button(card, '确认拒绝').click();
      await card.waitFor({ state: 'detached' }).catch(() => undefined);
      const card2 = page.locator('.binding-card', { hasText: '孙悦' }).filter({ visible: true }).first();
      await button(card2, '通过').click();
      await see(page, /10 分钟内可撤回/).waitFor();
    });
    await step(page, 'bindings-history', async () => {
      await see(page, '审核记录', true).click();
      await see(page, '原因：电话无法联系到您核实身份，请致电物业客服').waitFor();
      await see(page, '撤回通过').waitFor();
      await shot(page, 'bindings-history', true);
    });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('服务时限 in hours and days; 回访设置 with who calls back', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-staff-admin');
  try {
    await step(page, 'sla', async () => {
      await open(page, lc.url, '/staff/sla/index');
      await see(page, '紧急').waitFor();
      await page.getByLabel('报修完成时限单位：天').click();
      await page.getByLabel('报修完成时限单位：小时').click();
      await page.locator('.sla-row', { hasText: '提交后多久内处理完成' }).nth(1).scrollIntoViewIfNeeded();
      await shot(page, 'sla');
    });
    await step(page, 'callback-settings', async () => {
      await open(page, lc.url, '/staff/callback-settings/index');
      await see(page, '谁来回访').waitFor();
      await page.getByText('谁来回访').scrollIntoViewIfNeeded();
      await shot(page, 'callback-settings');
    });
  } finally {
    await context.close();
  }
});

test('an engineer reports what they found on patrol from the workbench; they are its first contact', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-staff-eng1');
  try {
    await step(page, 'found', async () => {
      await open(page, lc.url, '/staff/workbench/index');
      await see(page, '发现问题上报').click();
      await see(page, '巡查中发现的问题在这里上报', false).waitFor();
      await shot(page, 'found-form-top');
      await see(page, '水电', true).click();
      await page.getByLabel('发现的问题').locator('textarea').fill('3栋大堂吊顶渗水，地面有积水');
      await page.getByLabel('具体位置').locator('input').fill('3栋大堂');
      await shot(page, 'found-form');
      await button(page, '上报').click();
      await see(page, '3栋大堂吊顶渗水，地面有积水').waitFor();
      await shot(page, 'found-ticket', true);
    });
    const t = (await lc.db.collection('tickets').where({ channel: 'staff', ownerStaffId: 'st-eng1' }).get()).data;
    expect(t.map((x: any) => x.description)).toContain('3栋大堂吊顶渗水，地面有积水');
  } finally {
    await context.close();
  }
});

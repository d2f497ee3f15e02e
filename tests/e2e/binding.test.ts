import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';

/**
 * Issue 3 end to end, in Debian's Chromium against the started app (H5 build served by the
 * local CloudBase): a newcomer opens every tab and binds a home; the desk approves it in the
 * workbench; the newcomer then sees the home as bound.
 */
let lc: LocalCloudBase;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

/** Text on screen: Taro keeps visited pages mounted but hidden, so every lookup filters to visible. */
const see = (page: Page, text: string | RegExp, exact = false) => page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page | import('playwright-core').Locator, text: string) => page.locator('taro-button-core', { hasText: text }).filter({ visible: true }).first();
const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first();

test('a newcomer opens every tab, binds a home; the desk approves; the home shows as bound', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-newcomer-01');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(page, 'home-tab', async () => {
      await see(page, '绑定房屋').waitFor();
      await screenshot(page, 'e2e-newcomer-home');
    });
    for (const [name, expected] of [
      ['服务', /绑定您的房屋后/],
      ['活动', /活动/],
      ['我的', /我的房屋/],
      ['首页', /便民服务/],
    ] as const) {
      await step(page, `tab-${name}`, async () => {
        await tab(page, name).click();
        await page.locator('.weui-bar__item_on', { hasText: name }).waitFor();
        // The page on screen (tab pages stay mounted, hidden) has that tab's content.
        await see(page, expected).waitFor();
      });
    }
    await step(page, 'bind', async () => {
      await button(page, '去绑定').click();
      // The demo has two communities: pick ours first.
      await see(page, '翠湖花园', true).click();
      await see(page, '楼栋').waitFor();
      await see(page, '3栋', true).click();
      await see(page, '1单元', true).click();
      await see(page, '502', true).click();
      const inputs = page.locator('taro-input-core input').filter({ visible: true });
      await inputs.nth(0).fill('孙悦');
      await inputs.nth(1).fill('13700001234');
      await see(page, '租户', true).click();
      await screenshot(page, 'e2e-bind-form');
      await button(page, '提交绑定').click();
      await see(page, '等待物业审核').waitFor();
    });
  } finally {
    await context.close();
  }

  const desk = await phone(browser, lc.url, 'o-staff-desk');
  try {
    await step(desk.page, 'desk-approve', async () => {
      await tab(desk.page, '我的').click();
      await see(desk.page, '员工工作台').click();
      await see(desk.page, '绑定审核').waitFor();
      await screenshot(desk.page, 'e2e-desk-workbench');
      await see(desk.page, '绑定审核').click();
      const row = desk.page.locator('.binding-card', { hasText: '孙悦' }).filter({ visible: true }).first();
      await row.waitFor();
      await screenshot(desk.page, 'e2e-desk-bindings');
      await button(row, '通过').click();
      // The card leaves the pending list (the undo banner above it still names the person).
      await desk.page.locator('.binding-card', { hasText: '孙悦' }).filter({ visible: true }).waitFor({ state: 'detached' });
    });
  } finally {
    await desk.context.close();
  }

  const again = await phone(browser, lc.url, 'o-newcomer-01');
  try {
    await step(again.page, 'bound', async () => {
      await tab(again.page, '我的').click();
      await see(again.page, '3栋1单元502').waitFor();
      await see(again.page, '已绑定').waitFor();
      await screenshot(again.page, 'e2e-mine-bound');
    });
  } finally {
    await again.context.close();
  }
  expect(errors).toEqual([]);

  // From the resident's own browser session: another household's data and a staff action are refused.
  const probe = await phone(browser, lc.url, 'o-newcomer-01');
  try {
    const call = (fn: string, action: string, data: unknown) =>
      probe.page.evaluate(
        async ([f, a, d]) =>
          (
            await fetch(`/api/functions/${f}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-wx-openid': localStorage.getItem('linli.persona') ?? '' },
              body: JSON.stringify({ action: a, data: d }),
            })
          ).json(),
        [fn, action, data] as const,
      );
    expect((await call('account', 'householdMembers', { unitId: 'u-1-1-101' })).error.code).toBe('FORBIDDEN');
    expect((await call('account', 'listBindingRequests', {})).error.code).toBe('FORBIDDEN');
    expect((await call('account', 'decideBinding', { membershipId: 'm-seed-30', approve: true })).error.code).toBe('FORBIDDEN');
  } finally {
    await probe.context.close();
  }
  // The server agrees with what the page shows.
  const me = await lc.call('account', 'me', {}, 'o-newcomer-01');
  expect(me.data.homes[0]).toMatchObject({ label: '3栋1单元502', status: 'approved', relation: 'tenant' });
});

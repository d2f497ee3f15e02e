import type { Browser } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { open, see } from '../helpers/ui';

/**
 * Issue 17 in Chromium: the supervisor 刘洋 serves 翠湖花园 and 兰亭苑; the workbench header switches
 * between them and the choice stays on the device; an admin turns 投诉按工作日计时 on in 服务时限.
 * LINLI_SHOTS=<dir> also copies the screenshots there.
 */
let lc: LocalCloudBase;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

async function shot(page: Parameters<typeof screenshot>[0], name: string) {
  const file = await screenshot(page, name);
  if (process.env.LINLI_SHOTS) {
    mkdirSync(process.env.LINLI_SHOTS, { recursive: true });
    copyFileSync(file, join(process.env.LINLI_SHOTS, `${name}.png`));
  }
}

test('a supervisor of two communities switches in the workbench header; the choice stays on the device', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-staff-sup');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(page, 'multi-switch', async () => {
      await open(page, lc.url, '/staff/workbench/index');
      const current = page
        .getByRole('button', { name: /当前小区：翠湖花园/ })
        .filter({ visible: true })
        .first();
      await current.waitFor();
      await current.click();
      await see(page, '兰亭苑').waitFor();
      await shot(page, 'multi-switcher-open');
      await page
        .getByRole('option', { name: /兰亭苑/ })
        .filter({ visible: true })
        .first()
        .click();
      await page
        .getByRole('button', { name: /当前小区：兰亭苑/ })
        .filter({ visible: true })
        .first()
        .waitFor();
      await shot(page, 'multi-switcher-switched');
      // Kept on the device: a fresh load still acts in 兰亭苑.
      await open(page, lc.url, '/staff/workbench/index');
      await page
        .getByRole('button', { name: /当前小区：兰亭苑/ })
        .filter({ visible: true })
        .first()
        .waitFor();
      expect(await page.evaluate(() => localStorage.getItem('linli.staffCommunity'))).toContain('cm-lanting');
    });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an admin runs complaints on working days from 服务时限', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-staff-admin');
  try {
    await step(page, 'multi-sla', async () => {
      await open(page, lc.url, '/staff/sla/index');
      const row = page.locator('.sla-work__row', { hasText: '投诉按工作日计时' }).filter({ visible: true }).first();
      await row.waitFor();
      await row.locator('.nut-switch').click();
      await see(page, '工作日服务时间内计时').waitFor();
      // The section at the top of the screen for the picture.
      await page
        .locator('.sla-work__note')
        .filter({ visible: true })
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, 'multi-sla-working-days');
      await page.locator('taro-button-core', { hasText: '保存' }).filter({ visible: true }).first().click();
      await see(page, '已保存').waitFor();
    });
    const sla = await lc.call('tickets', 'getSla', {}, 'o-staff-admin');
    expect(sla.data.sla.workingTime).toMatchObject({ complaint: true, repair: false, consultation: false });
  } finally {
    await context.close();
  }
});

import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { ARTIFACTS, launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';
import { seedActivity } from '../../emulator/seed-activity';

/**
 * Issue 16 end to end in Chromium: a supervisor opens the monthly analysis and sees its charts,
 * opens the register, filters it to one building, exports it, and the .xlsx downloads with
 * only that building's rows.
 */
let lc: LocalCloudBase;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  await seedActivity(lc.server);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

test('supervisor: monthly analysis with charts, register filtered to 2栋, exported and downloaded', async () => {
  const sup = await phone(browser, lc.url, 'o-staff-sup');
  const errors: string[] = [];
  sup.page.on('pageerror', (e) => errors.push(e.message));
  const { page } = sup;
  await step(page, 'analysis', async () => {
    await open(page, lc.url, '/staff/analysis/index');
    await see(page, '服务质量').waitFor();
    await see(page, '回访满意度').waitFor();
    expect(await page.locator('.chart-bars__row').filter({ visible: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.gauge').filter({ visible: true }).count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'e2e-register-analysis');
  });
  await step(page, 'register-filter', async () => {
    await open(page, lc.url, '/staff/register/index');
    await page.locator('.register-card').first().waitFor();
    await page.locator('input[placeholder="楼栋，如 2栋"]').fill('2栋');
    await button(page, '筛选').click();
    await page.waitForFunction(() => {
      const cards = Array.from(document.querySelectorAll('.register-card'));
      return cards.length > 0 && cards.every((c) => c.textContent?.includes('2栋'));
    });
    await screenshot(page, 'e2e-register-list-2栋');
  });
  const file = await step(page, 'export', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出 Excel').click()]);
    expect(download.suggestedFilename()).toMatch(/^客户沟通记录表-.*\.xlsx$/);
    const path = join(ARTIFACTS, 'e2e-register-export.xlsx');
    await download.saveAs(path);
    return path;
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as any);
  const ws = wb.getWorksheet('客户沟通记录表')!;
  const col = (ws.getRow(3).values as any[]).indexOf('楼栋');
  expect(ws.rowCount).toBeGreaterThan(3);
  for (let i = 4; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(col).value).toBe('2栋');
  // The link a ready background export's message opens (消息 → /staff/register/index?export=…) downloads the requester's file again.
  await step(page, 'export-link', async () => {
    const ex = (await lc.db.collection('register_exports').where({ openid: 'o-staff-sup' }).get()).data[0] as any;
    const [again] = await Promise.all([page.waitForEvent('download'), open(page, lc.url, `/staff/register/index?export=${ex._id}`)]);
    expect(again.suggestedFilename()).toMatch(/^客户沟通记录表-.*\.xlsx$/);
  });
  await step(page, 'report', async () => {
    await open(page, lc.url, '/staff/report/index');
    await see(page, '客户服务月度报告').waitFor();
    await screenshot(page, 'e2e-register-report');
  });
  expect(errors).toEqual([]);
  await sup.context.close();
}, 180_000);

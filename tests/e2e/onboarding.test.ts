import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { bootstrap, xlsx } from '../helpers/onboarding';

/**
 * Issue 17 end to end, in Chromium on an EMPTY local CloudBase (no demo seed — what
 * `LINLI_SEED=0 npm start` gives): the bootstrap prints a setup code; a person redeems it and
 * creates a community; imports a units file, then an owner registry with two bad rows (shown,
 * not written), fixes them and imports again; invites a desk member; a resident then binds to an
 * imported unit and is approved at once by the registry match.
 */
let lc: LocalCloudBase;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: false, h5Dir: H5_DIR });
  browser = await launch();
}, 60000);
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

const see = (page: Page, text: string | RegExp, exact = false) => page.getByText(text, { exact }).filter({ visible: true }).first();
const button = (page: Page | import('playwright-core').Locator, text: string) => page.locator('taro-button-core', { hasText: text }).filter({ visible: true }).first();
const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first();
const input = (page: Page, label: string) => page.locator(`taro-input-core[aria-label="${label}"] input`).filter({ visible: true }).first();

const UNITS = ['楼栋', '单元', '房号', '楼层', '类型'];
const OWNERS = ['楼栋', '单元', '房号', '姓名', '手机号', '身份'];

async function upload(page: Page, file: Buffer, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await button(page, '选择文件并预览').click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
}

test('bootstrap → company admin → community → imports with errors fixed → desk invite → a resident binds by the registry', async () => {
  expect((await lc.db.collection('communities').count()).total).toBe(0);
  const boot = await bootstrap(lc);
  expect(boot.code).toMatch(/^[A-Z2-9]{12}$/);

  const { page, context } = await phone(browser, lc.url, 'o-boss');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let deskCode = '';
  try {
    await step(page, 'redeem', async () => {
      await tab(page, '我的').click();
      await see(page, '管理员初始化').click();
      await input(page, '初始化码').fill(boot.code!.match(/.{4}/g)!.join('-'));
      await input(page, '您的姓名').fill('周总');
      await screenshot(page, 'e2e-onboarding-setup');
      await button(page, '成为公司管理员').click();
      await see(page, '还没有小区').waitFor();
    });
    await step(page, 'create-community', async () => {
      await input(page, '小区名称').fill('江湾新苑');
      await input(page, '地址').fill('上海市杨浦区江湾路 100 号');
      await input(page, '服务电话').fill('021-65550000');
      await button(page, '创建小区').click();
      await see(page, '上海市杨浦区江湾路 100 号').waitFor();
      await screenshot(page, 'e2e-onboarding-communities');
    });
    await step(page, 'import-units', async () => {
      await button(page, 'Excel 导入').click();
      await see(page, '表头：楼栋、单元、房号、楼层、类型').waitFor();
      const rows: unknown[][] = [];
      for (const room of ['101', '102', '201', '202']) rows.push(['1栋', '1单元', room, Number(room[0]), '住宅']);
      await upload(page, await xlsx(UNITS, rows), 'units.xlsx');
      await see(page, /共 4 行：可导入 4 行/).waitFor();
      await button(page, '确认导入').click();
      await see(page, '新增 4 条，更新 0 条，未变 0 条').waitFor();
    });
    await step(page, 'import-owners-with-errors', async () => {
      await see(page, '业主登记', true).click();
      const good: unknown[][] = [
        ['1栋', '1单元', '101', '吴海', '13600001111', '产权人'],
        ['1栋', '1单元', '102', '郑云', '13600002222', '产权人'],
      ];
      await upload(
        page,
        await xlsx(OWNERS, [...good, ['1栋', '1单元', '201', '冯军', '136000', '产权人'], ['5栋', '1单元', '202', '陈兰', '13600004444', '产权人']]),
        'owners.xlsx',
      );
      await see(page, /共 4 行：可导入 2 行.*错误 2 行/).waitFor();
      await see(page, /第 4 行「手机号」：手机号格式不正确/).waitFor();
      await see(page, /第 5 行「楼栋」：本小区没有「5栋」/).waitFor();
      await screenshot(page, 'e2e-onboarding-import-errors');
      await button(page, '确认导入').click();
      await see(page, '新增 2 条，更新 0 条，未变 0 条').waitFor();
      expect((await lc.db.collection('owner_registry').count()).total).toBe(2);

      // Fixed and uploaded again: the two fixed rows are added, the others unchanged.
      await upload(
        page,
        await xlsx(OWNERS, [...good, ['1栋', '1单元', '201', '冯军', '13600003333', '产权人'], ['1栋', '1单元', '202', '陈兰', '13600004444', '产权人']]),
        'owners-fixed.xlsx',
      );
      await see(page, /共 4 行：可导入 4 行（新增 2，不变 2），错误 0 行/).waitFor();
      await button(page, '确认导入').click();
      await see(page, '新增 2 条，更新 0 条，未变 2 条').waitFor();
      await screenshot(page, 'e2e-onboarding-import-done');
      expect((await lc.db.collection('owner_registry').count()).total).toBe(4);
    });
    await step(page, 'invite-desk', async () => {
      await page.goBack();
      await see(page, '上海市杨浦区江湾路 100 号').waitFor();
      await see(page, '客服', true).click();
      await button(page, '生成邀请码').click();
      const code = page.locator('.invite-code__value').filter({ visible: true }).first();
      await code.waitFor();
      deskCode = (await code.textContent())!.trim();
      await screenshot(page, 'e2e-onboarding-invite');
    });
  } finally {
    await context.close();
  }
  expect(deskCode).toMatch(/^[A-Z0-9]{8}$/);
  const desk = await lc.call('account', 'redeemInvite', { code: deskCode, name: '客服小林', phone: '13500001111' }, 'o-new-desk');
  expect(desk.ok).toBe(true);

  const resident = await phone(browser, lc.url, 'o-wu');
  resident.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(resident.page, 'resident-binds', async () => {
      const p = resident.page;
      await button(p, '去绑定').click();
      await see(p, '1栋', true).click();
      // One 单元 in the building: the form skips that choice.
      await see(p, '101', true).click();
      const inputs = p.locator('taro-input-core input').filter({ visible: true });
      await inputs.nth(0).fill('吴海');
      await inputs.nth(1).fill('13600001111');
      await see(p, '业主', true).click();
      await button(p, '提交绑定').click();
      // Approved at once: the registry match, nobody at the desk.
      await see(p, '绑定成功').waitFor();
      await screenshot(p, 'e2e-onboarding-resident-bound');
      await p.goto(lc.url + '/');
      await tab(p, '我的').click();
      await see(p, '1栋1单元101').waitFor();
      await see(p, '已绑定').waitFor();
      await screenshot(p, 'e2e-onboarding-resident-mine');
    });
  } finally {
    await resident.context.close();
  }
  const m = (await lc.db.collection('memberships').where({ openid: 'o-wu' }).get()).data[0];
  expect(m).toMatchObject({ status: 'approved', autoApproved: true, decidedBy: 'registry' });
  expect(errors).toEqual([]);
}, 180000);

import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';
import { formatMinute } from '../../src/domain/time';

/**
 * Issue 11 end to end in Chromium: the supervisor tops up their WeChat reminders from the
 * workbench; a resident reports an emergency leak; within one timer tick the on-duty
 * engineer's workbench badge shows it and their inbox item opens the ticket; the supervisor's
 * outbox holds one subscribe message in 北京时间; the resident's inbox shows the acceptance.
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

test('emergency leak → engineer badge and inbox → ticket; supervisor gets one WeChat message in Beijing time; resident sees the acceptance', async () => {
  const errors: string[] = [];

  // The supervisor keeps a reserve of one-time consents: a tap on the workbench's offer.
  const sup = await phone(browser, lc.url, 'o-staff-sup');
  sup.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(sup.page, 'inbox-supervisor-reserve', async () => {
      const page = sup.page;
      await open(page, lc.url, '/staff/workbench/index');
      await see(page, '微信提醒余量').waitFor();
      await see(page, '余量不足').waitFor();
      await button(page, '补充提醒次数').click();
      // One tap asks for three templates (WeChat's limit per request), the emergency one among them.
      await page.locator('.reserve__row--emergency', { hasText: '1 条' }).filter({ visible: true }).first().waitFor();
      await screenshot(page, 'e2e-inbox-reserve');
    });
  } finally {
    await sup.context.close();
  }
  const left = (await lc.call('account', 'subscriptions', {}, 'o-staff-sup')).data;
  expect(left.emergency.remaining).toBe(1);

  let ticketId = '';
  const resident = await phone(browser, lc.url, 'o-resident-01');
  resident.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(resident.page, 'inbox-report', async () => {
      const page = resident.page;
      await see(page, '报修', true).click();
      await see(page, '严重漏水', true).click();
      await see(page, /紧急/).waitFor();
      await button(page, '提交报修').click();
      await page.waitForURL(/ticket\/index\?id=/);
      ticketId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    });
  } finally {
    await resident.context.close();
  }
  // One timer tick.
  expect((await lc.dev('/api/dev/timers/tickets', { method: 'POST' })).ok).toBe(true);

  const routed = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-sup')).data;
  expect(routed).toMatchObject({ status: 'assigned', emergency: true });
  const engineer = routed.assigneeName === '李强' ? 'o-staff-eng1' : 'o-staff-eng2';

  const eng = await phone(browser, lc.url, engineer);
  eng.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(eng.page, 'inbox-engineer', async () => {
      const page = eng.page;
      await open(page, lc.url, '/staff/workbench/index');
      const badge = page.locator('.workbench__badge').filter({ visible: true }).first();
      await badge.waitFor();
      expect(Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
      await screenshot(page, 'e2e-inbox-workbench');
      await page.locator('.workbench__inbox').filter({ visible: true }).first().click();
      await page.waitForURL(/inbox\/index/);
      const item = page.locator('.msg--emergency.msg--unread').filter({ visible: true }).first();
      await item.waitFor();
      await see(item, '紧急工单').waitFor();
      await screenshot(page, 'e2e-inbox-engineer');
      await item.click();
      await page.waitForURL(new RegExp(`staff/ticket/index\\?id=${ticketId}`));
      await see(page, '严重漏水').waitFor();
      await button(page, '接单').click();
      await see(page, '处理中').waitFor();
    });
  } finally {
    await eng.context.close();
  }

  // The supervisor: exactly one subscribe message, its time in 北京时间.
  const outbox = (await lc.dev('/api/dev/outbox?touser=o-staff-sup')).data.filter((m: any) => m.templateId === 'TPL_STAFF_EMERGENCY');
  expect(outbox).toHaveLength(1);
  expect(outbox[0].data.time3.value).toBe(formatMinute(routed.createdAt));
  expect(outbox[0].data.character_string1.value).toBe(routed.no);
  // And the timeline records how each was told.
  const timeline = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-sup')).data.timeline;
  expect(timeline.find((e: any) => e.action === 'notified').text).toMatch(/刘洋（微信订阅消息、消息中心）/);

  const back = await phone(browser, lc.url, 'o-resident-01');
  back.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(back.page, 'inbox-resident', async () => {
      const page = back.page;
      await open(page, lc.url, '/pages/mine/index');
      await see(page, '消息', true).click();
      await page.waitForURL(/inbox\/index/);
      const item = page.locator('.msg--unread', { hasText: '工单已受理' }).filter({ visible: true }).first();
      await item.waitFor();
      await see(item, '已接单').waitFor();
      await screenshot(page, 'e2e-inbox-resident');
      await item.click();
      await page.waitForURL(new RegExp(`pages/ticket/index\\?id=${ticketId}`));
    });
  } finally {
    await back.context.close();
  }
  expect(errors).toEqual([]);
});

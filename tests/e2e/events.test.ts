import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, confirmModal, open, see } from '../helpers/ui';

/**
 * Issue 14 end to end in Chromium: the supervisor plans and publishes an event with capacity 3;
 * four residents sign up (the fourth is waitlisted); one cancels and the waitlisted one is
 * promoted and finds the message in 消息; the desk checks people in by code; after the end a
 * resident rates it; the summary shows the attendance rate and the rating.
 */
let lc: LocalCloudBase;
let browser: Browser;
const HOUR = 3600_000;
const RESIDENTS = ['o-resident-01', 'o-resident-02', 'o-resident-03', 'o-resident-04'];
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

/** The input of the form field labelled `label`. */
const field = (page: Page, label: string) =>
  page
    .locator('.field', { has: page.locator('.field__label', { hasText: label }) })
    .filter({ visible: true })
    .first()
    .locator('input, textarea')
    .first();
const chip = (page: Page, text: string) => page.locator('.chip', { hasText: text }).filter({ visible: true }).first();

test('plan → publish (capacity 3) → four sign up, one waitlisted → cancel promotes and messages → check-in by code → feedback → summary', async () => {
  const errors: string[] = [];
  let eventId = '';

  const sup = await phone(browser, lc.url, 'o-staff-sup');
  sup.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(sup.page, 'events-plan', async () => {
      const page = sup.page;
      await open(page, lc.url, '/staff/events/index');
      await see(page, '策划活动').waitFor();
      await screenshot(page, 'e2e-events-staff-list-empty');
      await open(page, lc.url, '/staff/event-edit/index');
      await see(page, '安全保障措施（必填）').waitFor();
      await screenshot(page, 'e2e-events-editor');
      // Submitting without the required fields names the first one.
      await button(page, '提交发布').click();
      await see(page, '请填写活动主题').waitFor();
      await field(page, '活动主题').fill('邻里亲子手工课');
      await chip(page, '手工').click();
      await field(page, '活动地点').fill('会所二楼活动室');
      await field(page, '活动内容').fill('14:00 签到；14:15 手工纸灯笼制作；15:30 作品展示。');
      await chip(page, '儿童').click();
      await chip(page, '成年人').click();
      await field(page, '负责人').fill('刘洋');
      await field(page, '安全保障措施').fill('剪刀由工作人员分发回收；现场配备急救箱。');
      await field(page, '名额（人）').fill('3');
      await field(page, '每户最多报名（人）').fill('1');
      await button(page, '提交发布').click();
      await page.waitForURL(/staff\/event\/index\?id=/);
      eventId = decodeURIComponent(/id=([^&]+)/.exec(page.url())![1]!);
      await see(page, '报名中').waitFor();
      await see(page, '剪刀由工作人员分发回收').waitFor();
      await screenshot(page, 'e2e-events-staff-detail');
    });
  } finally {
    await sup.context.close();
  }
  expect(eventId).toMatch(/^ev-/);

  // Four residents sign up through the event page; the fourth joins the waitlist.
  for (const [i, o] of RESIDENTS.entries()) {
    const r = await phone(browser, lc.url, o);
    r.page.on('pageerror', (e) => errors.push(e.message));
    try {
      await step(r.page, `events-signup-${i + 1}`, async () => {
        const page = r.page;
        if (i === 0) {
          await page.locator('.weui-tabbar__item', { hasText: '活动' }).first().click();
          await see(page, '邻里亲子手工课').waitFor();
          await screenshot(page, 'e2e-events-tab');
          await see(page, '邻里亲子手工课').click();
        } else await open(page, lc.url, `/pages/event/index?id=${eventId}`);
        await see(page, '安全保障').waitFor();
        if (i === 0) await screenshot(page, 'e2e-events-detail');
        await button(page, i === 3 ? '加入候补' : '立即报名').click();
        await see(page, i === 3 ? '已加入候补' : '报名成功').waitFor();
        if (i === 3) await screenshot(page, 'e2e-events-waitlisted-modal');
        await confirmModal(page, '知道了');
        await see(page, i === 3 ? '候补第 1 位' : '签到码').waitFor();
        if (i === 0) await screenshot(page, 'e2e-events-my-code');
      });
    } finally {
      await r.context.close();
    }
  }
  const reg = await lc.call('events', 'registrations', { eventId }, 'o-staff-desk');
  expect(reg.data.confirmed).toHaveLength(3);
  expect(reg.data.waitlist.map((w: any) => w.position)).toEqual([1]);

  // The first cancels: the waitlisted household is promoted and told.
  const first = await phone(browser, lc.url, RESIDENTS[0]!);
  first.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(first.page, 'events-cancel', async () => {
      await open(first.page, lc.url, `/pages/event/index?id=${eventId}`);
      await button(first.page, '取消报名').click();
      // The modal's title says 取消报名 too: take its confirm button.
      await first.page.locator('.taro-modal__foot').filter({ visible: true }).getByText('取消报名', { exact: true }).click();
      await see(first.page, '加入候补').waitFor();
    });
  } finally {
    await first.context.close();
  }
  const inbox = await lc.call('inbox', 'list', {}, RESIDENTS[3]);
  const promoted = inbox.data.items.filter((m: any) => m.kind === 'event-promoted');
  expect(promoted).toHaveLength(1);
  expect(promoted[0].title).toBe('候补成功：邻里亲子手工课');
  const fourth = await phone(browser, lc.url, RESIDENTS[3]!);
  fourth.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(fourth.page, 'events-promoted-inbox', async () => {
      await open(fourth.page, lc.url, '/inbox/index');
      await see(fourth.page, '候补成功：邻里亲子手工课').waitFor();
      await screenshot(fourth.page, 'e2e-events-inbox-promoted');
      await see(fourth.page, '候补成功：邻里亲子手工课').click();
      await see(fourth.page, '签到码').waitFor();
    });
  } finally {
    await fourth.context.close();
  }

  // The day: the desk checks two households in by their codes.
  const event = (await lc.call('events', 'staffGet', { eventId }, 'o-staff-desk')).data;
  await lc.dev('/api/dev/clock', { body: { set: new Date(new Date(event.startAt).getTime() + 10 * 60_000).toISOString(), frozen: false } });
  const desk = await phone(browser, lc.url, 'o-staff-desk');
  desk.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(desk.page, 'events-checkin', async () => {
      const page = desk.page;
      await open(page, lc.url, `/staff/event/index?id=${eventId}`);
      await page.locator('.se__tab', { hasText: '签到' }).filter({ visible: true }).first().click();
      for (const o of [RESIDENTS[1]!, RESIDENTS[3]!]) {
        const { code } = (await lc.call('events', 'myCode', { eventId }, o)).data;
        await page.locator('.se-code__input input').filter({ visible: true }).first().fill(code.toLowerCase());
        await button(page, /^签到$/).click();
        await see(page, '签到成功').waitFor();
      }
      await screenshot(page, 'e2e-events-checkin');
      await page.locator('.se__tab', { hasText: '报名' }).filter({ visible: true }).first().click();
      await see(page, '已签到 2 户').waitFor();
      await screenshot(page, 'e2e-events-registrations');
    });
  } finally {
    await desk.context.close();
  }

  // After the end: a feedback request, a rating, and the summary.
  await lc.dev('/api/dev/clock', { body: { set: new Date(new Date(event.endAt).getTime() + HOUR).toISOString(), frozen: false } });
  await lc.dev('/api/dev/timers/events', { method: 'POST' });
  expect((await lc.call('inbox', 'list', {}, RESIDENTS[1])).data.items.some((m: any) => m.kind === 'event-feedback')).toBe(true);
  const rater = await phone(browser, lc.url, RESIDENTS[1]!);
  rater.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(rater.page, 'events-feedback', async () => {
      const page = rater.page;
      await open(page, lc.url, `/pages/event/index?id=${eventId}`);
      await see(page, '评价本次活动').waitFor();
      await page.locator('[aria-label="整体满意度"] [aria-label="5 分"]').filter({ visible: true }).first().click();
      await screenshot(page, 'e2e-events-feedback');
      await button(page, '提交评价').click();
      await see(page, '已结束').waitFor();
      await page.waitForTimeout(500);
      expect(await page.getByText('评价本次活动').filter({ visible: true }).count()).toBe(0);
    });
  } finally {
    await rater.context.close();
  }
  const sup2 = await phone(browser, lc.url, 'o-staff-sup');
  sup2.page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(sup2.page, 'events-summary', async () => {
      const page = sup2.page;
      await open(page, lc.url, `/staff/event/index?id=${eventId}`);
      await page.locator('.se__tab', { hasText: '现场与总结' }).filter({ visible: true }).first().click();
      await see(page, '到场率').waitFor();
      await see(page, '67%').waitFor();
      await see(page, '满意度（5 分制）').waitFor();
      expect(await page.locator('.se-stat__n').filter({ visible: true }).allTextContents()).toEqual(['3', '67%', '5']);
      await screenshot(page, 'e2e-events-summary');
    });
  } finally {
    await sup2.context.close();
  }
  expect(errors).toEqual([]);
}, 240_000);

import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, open, see } from '../helpers/ui';
import { uploadAs } from '../helpers/uploads';

/**
 * Issue #12 in Chromium (375×667), the resident side: tap counts for a photo repair and an
 * emergency (printed), an empty report that scrolls to its error, 首页 for a pending and an
 * unbound person and offline, an unbound emergency through the real function, and a re-routed,
 * called-back ticket that shows the resident only Chinese labels.
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

const shot = (page: Page, name: string) => screenshot(page, `e2e-resident-${name}`, name);

/** Counts the taps a person makes (typing is not a tap). */
function tapCounter() {
  let n = 0;
  return {
    async tap(l: Locator) {
      n++;
      await l.click();
    },
    get count() {
      return n;
    },
  };
}

const ticketIdOf = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;

test('a repair with one photo takes at most 4 taps from 首页; an emergency at most 2', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-resident-02');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const photo = await step(page, 'photo-repair', async () => {
      const taps = tapCounter();
      await see(page, '报修', true).waitFor();
      await taps.tap(see(page, '报修', true));
      const chooser = page.waitForEvent('filechooser');
      await taps.tap(page.getByLabel('添加图片').filter({ visible: true }).first());
      await (await chooser).setFiles(join(ROOT, 'tests/fixtures/leak.png'));
      await taps.tap(see(page, '水电', true));
      await page.waitForFunction(() => !document.querySelector('.photo-picker__mask'));
      await taps.tap(button(page, '提交报修'));
      await page.waitForURL(/ticket\/index\?id=/);
      await see(page, '水电').waitFor();
      return taps.count;
    });
    const ticket = (await lc.call('tickets', 'get', { ticketId: ticketIdOf(page) }, 'o-resident-02')).data;
    expect(ticket).toMatchObject({ categoryLabel: '水电', description: '', photoUrls: [expect.any(String)] });

    await open(page, lc.url, '/pages/home/index');
    const emergency = await step(page, 'emergency', async () => {
      const taps = tapCounter();
      await see(page, '紧急报修', true).waitFor();
      await taps.tap(see(page, '紧急报修', true));
      await shot(page, 'emergency-page');
      await taps.tap(page.getByRole('button', { name: '上报严重漏水' }).filter({ visible: true }).first());
      await page.waitForURL(/ticket\/index\?id=/);
      await see(page, '严重漏水').waitFor();
      return taps.count;
    });
    const urgent = (await lc.call('tickets', 'get', { ticketId: ticketIdOf(page) }, 'o-staff-sup')).data;
    expect(urgent).toMatchObject({ emergency: true, categoryLabel: '严重漏水', status: 'assigned' });

    console.log(`tap count (H5, Chromium): photo repair = ${photo} taps (goal ≤ 4), emergency = ${emergency} taps (goal ≤ 2)`);
    expect(photo).toBeLessThanOrEqual(4);
    expect(emergency).toBeLessThanOrEqual(2);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});

test('submitting an empty report scrolls to the first error and names it', async () => {
  const { page, context } = await phone(browser, lc.url, 'o-resident-04');
  try {
    await step(page, 'empty-report', async () => {
      await open(page, lc.url, '/pages/report/index?type=repair');
      await button(page, '提交报修').waitFor();
      // Start from the bottom of the form, where 问题类别 is out of sight.
      await page.evaluate(() => document.querySelector('.report__note')?.scrollIntoView({ block: 'end' }));
      await page.waitForTimeout(300);
      const before = await page.locator('#field-category').boundingBox();
      expect(before!.y).toBeLessThan(0);
      await button(page, '提交报修').click();
      await see(page, '请选择问题类别').waitFor();
      await page.waitForTimeout(700); // the smooth scroll
      const after = await page.locator('#field-category').boundingBox();
      expect(after!.y).toBeGreaterThanOrEqual(0);
      expect(after!.y).toBeLessThan(667);
      await shot(page, 'report-error');
    });
  } finally {
    await context.close();
  }
});

test('首页 for a pending binding shows its status and who to contact; an unbound person can call and report an emergency', async () => {
  const pending = await phone(browser, lc.url, 'o-pending-01');
  try {
    await step(pending.page, 'home-pending', async () => {
      const page = pending.page;
      await see(page, '绑定申请审核中').waitFor();
      expect(await see(page, '去绑定', true).isVisible()).toBe(false);
      await see(page, '联系物业客服', true).waitFor();
      await see(page, '一键呼叫').waitFor();
      await shot(page, 'home-pending');
    });
  } finally {
    await pending.context.close();
  }

  const newcomer = await phone(browser, lc.url, 'o-newcomer-02');
  try {
    await step(newcomer.page, 'home-unbound', async () => {
      const page = newcomer.page;
      await see(page, '紧急报修', true).waitFor();
      await see(page, '一键呼叫').waitFor();
      await shot(page, 'home-unbound');
      await see(page, '紧急报修', true).click();
      // Two communities in the demo: the newcomer says which one they are in.
      await see(page, '翠湖花园', true).click();
      await page.getByLabel('具体位置（公共区域）').locator('input').fill('2栋2号电梯');
      await page.getByLabel('您的姓名').locator('input').fill('李涛');
      await page.getByLabel('联系电话').locator('input').fill('13910332598');
      await shot(page, 'emergency-unbound');
      await page.getByRole('button', { name: '上报电梯困人' }).filter({ visible: true }).first().click();
      await page.waitForURL(/ticket\/index\?id=/);
      await see(page, '电梯困人').waitFor();
    });
    const ticketId = ticketIdOf(newcomer.page);
    const staff = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-desk')).data;
    expect(staff).toMatchObject({ emergency: true, locationLabel: '2栋2号电梯', contactName: '李涛' });
    expect(staff.timeline.some((e: any) => e.action === 'verify')).toBe(true);
  } finally {
    await newcomer.context.close();
  }
});

test('offline, 首页 keeps the hotline and the last notices instead of a full-page error', async () => {
  // A published notice for the whole community (written by the desk, approved by the supervisor).
  const draft = await lc.call(
    'announcements',
    'create',
    {
      type: 'general',
      title: '小区消防演练通知',
      summary: '本周六上午消防演练',
      body: '本周六上午 10 点在中心广场进行消防演练，请勿惊慌。',
      clientRequestId: 'e2e-resident-notice',
    },
    'o-staff-desk',
  );
  const announcementId = draft.data.announcementId;
  await lc.call('announcements', 'publish', { announcementId }, 'o-staff-desk');
  const state = (await lc.call('announcements', 'list', {}, 'o-staff-sup')).data.items.find((a: any) => a.announcementId === announcementId);
  if (state?.status !== 'published') await lc.call('announcements', 'review', { announcementId, approve: true }, 'o-staff-sup');
  await lc.dev('/api/dev/timers/announcements', { method: 'POST' });

  const { page, context } = await phone(browser, lc.url, 'o-resident-01');
  try {
    await step(page, 'home-offline', async () => {
      await see(page, '社区通知').waitFor();
      await page.locator('.notice-card').filter({ visible: true }).first().waitFor();
      // The functions become unreachable; the page itself is still there (as in WeChat, where the code is local).
      await page.route('**/api/functions/**', (r) => r.abort());
      await page.reload();
      await see(page, /网络不可用/).waitFor();
      await see(page, '一键呼叫').waitFor();
      await page.locator('.notice-card').filter({ visible: true }).first().waitFor();
      expect(await page.getByText('重试', { exact: true }).filter({ visible: true }).count()).toBe(0);
      await shot(page, 'home-offline');
    });
  } finally {
    await context.close();
  }
});

test('a re-routed, called-back ticket shows the resident only Chinese labels, no internal notes, no 来电', async () => {
  // An emergency in a public area: assigned to the on-duty engineer, who does not accept in time.
  const created = await lc.call(
    'tickets',
    'create',
    { type: 'repair', category: 'outage', location: { kind: 'public', area: '5栋大堂' }, contactPhone: '13900000005', subscribed: [], clientRequestId: 'e2e-resident-reroute' },
    'o-resident-05',
  );
  const ticketId = created.data.ticketId;
  const first = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-sup')).data;
  expect(first.status).toBe('assigned');
  await lc.dev('/api/dev/clock', { body: { advanceMs: 3 * 3600_000 } });
  await lc.dev('/api/dev/timers/tickets', { method: 'POST' });
  const moved = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-sup')).data;
  expect(moved.timeline.map((e: any) => e.action)).toContain('rerouted');
  const engineer = moved.assigneeName === '李强' ? 'o-staff-eng1' : 'o-staff-eng2';
  // A repair is completed with a photo of the work (the default rule).
  const photo = await uploadAs(lc, engineer);
  for (const a of [{ action: 'accept' }, { action: 'arrive' }, { action: 'complete', text: '已恢复供电', photos: [photo] }]) {
    expect((await lc.call('tickets', 'act', { ...a, ticketId }, engineer)).ok).toBe(true);
  }
  await lc.dev('/api/dev/timers/callbacks', { method: 'POST' });
  const due = (await lc.call('callbacks', 'list', {}, 'o-staff-desk')).data.items.find((c: any) => c.ticketId === ticketId);
  expect((await lc.call('callbacks', 'record', { callbackId: due.callbackId, reached: true, channel: 'phone', satisfied: true, comment: '' }, 'o-staff-desk')).ok).toBe(true);

  const { page, context } = await phone(browser, lc.url, 'o-resident-05');
  try {
    await step(page, 'resident-timeline', async () => {
      await open(page, lc.url, `/pages/ticket/index?id=${ticketId}`);
      await see(page, '处理记录').waitFor();
      await see(page, '回访', true).waitFor();
      const labels = await page.locator('.timeline__label').filter({ visible: true }).allTextContents();
      expect(labels.length).toBeGreaterThan(3);
      for (const l of labels) expect(l).toMatch(/^[\u4e00-\u9fa5，、]+$/);
      const actors = await page.locator('.timeline__actor').filter({ visible: true }).allTextContents();
      expect(actors.join('|')).not.toContain('来电');
      const text = await page.locator('.timeline').filter({ visible: true }).first().innerText();
      expect(text).not.toMatch(/rerouted|callback|改派|内部/);
      await shot(page, 'ticket-timeline');
    });
  } finally {
    await context.close();
  }
});

test('an answered consultation reads 已答复 with 已解决 / 继续追问, and the action bar has one primary button', async () => {
  const created = await lc.call(
    'tickets',
    'create',
    {
      type: 'consultation',
      category: 'renovation',
      description: '装修可以在周末施工吗？',
      location: { kind: 'home', unitId: 'u-1-2-501' },
      contactPhone: '13900000005',
      subscribed: [],
      clientRequestId: 'e2e-resident-consult',
    },
    'o-resident-05',
  );
  const ticketId = created.data.ticketId;
  // The desk sees 答复 as the one primary step (not 派单/接单 as well).
  const desk = await phone(browser, lc.url, 'o-staff-desk');
  try {
    await step(desk.page, 'desk-consultation', async () => {
      await open(desk.page, lc.url, `/staff/ticket/index?id=${ticketId}`);
      const bar = desk.page.getByRole('toolbar', { name: '工单操作' }).filter({ visible: true }).first();
      await bar.waitFor();
      const primaries = await bar.locator('.nut-button-primary').allTextContents();
      expect(primaries).toEqual(['答复']);
      const height = (await bar.locator('taro-button-core, .nut-button').first().boundingBox())!.height;
      expect(height).toBeGreaterThanOrEqual(44);
      await shot(desk.page, 'ticket-action-bar-staff');
    });
  } finally {
    await desk.context.close();
  }
  expect((await lc.call('tickets', 'act', { action: 'answer', ticketId, text: '周末 9:00–12:00、14:00–18:00 可以进行不产生噪音的施工。' }, 'o-staff-desk')).ok).toBe(true);
  const { page, context } = await phone(browser, lc.url, 'o-resident-05');
  try {
    await step(page, 'consultation-answered', async () => {
      await open(page, lc.url, `/pages/ticket/index?id=${ticketId}`);
      await see(page, /物业已答复/).waitFor();
      expect(await page.getByText('处理人员已完成', { exact: false }).filter({ visible: true }).count()).toBe(0);
      await button(page, '已解决').waitFor();
      await button(page, '继续追问').waitFor();
      await see(page, '我的联系电话').waitFor();
      await shot(page, 'consultation-answered');
    });
  } finally {
    await context.close();
  }
});

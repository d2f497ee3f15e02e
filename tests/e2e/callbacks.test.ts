import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, screenshot, step } from '../helpers/browser';
import { button, see, tab } from '../helpers/ui';

/**
 * Issue 5 end to end in Chromium: a resolved ticket appears in the desk's 待回访 list (made
 * by the reminders timer); the desk records the outcome, which shows on the ticket's timeline.
 */
let lc: LocalCloudBase;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR, extraFunctionsDirs: [] });
  // These flows complete repairs without photos; the photo rule (on by default) is tested in staff-search.test.ts.
  expect((await lc.call('tickets', 'setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).ok).toBe(true);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await lc?.stop();
});

test('a resolved repair shows up in the desk’s 待回访; the recorded outcome lands on the timeline', async () => {
  // Setup through the gateway, as the apps would: a resident reports, an engineer resolves.
  const created = await lc.call(
    'tickets',
    'create',
    {
      type: 'repair',
      category: 'doors_windows',
      description: '阳台推拉门关不严',
      location: { kind: 'home', unitId: 'u-1-1-202' },
      contactPhone: '13900000002',
      subscribed: [],
      clientRequestId: 'e2e-callback-1',
    },
    'o-resident-02',
  );
  const ticketId = created.data.ticketId;
  expect((await lc.call('tickets', 'act', { action: 'grab', ticketId }, 'o-staff-eng2')).ok).toBe(true);
  // In-home work: the resident's consent is recorded before the work is marked done.
  expect((await lc.call('tickets', 'act', { action: 'consent', ticketId, by: '业主本人', scope: '进入阳台调整推拉门' }, 'o-staff-eng2')).ok).toBe(true);
  expect((await lc.call('tickets', 'act', { action: 'complete', ticketId, text: '已调整滑轮并更换密封条', photos: [] }, 'o-staff-eng2')).ok).toBe(true);
  const fired = await lc.dev('/api/dev/timers/callbacks', { method: 'POST' });
  expect(fired.data.data.callbacksCreated).toBe(1);

  const { page, context } = await phone(browser, lc.url, 'o-staff-desk');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await step(page, 'desk-callbacks', async () => {
      await tab(page, '我的').click();
      await see(page, '员工工作台').click();
      await see(page, /1 条待回访/).waitFor();
      await see(page, '回访', true).click();
      const card = page.locator('[class*="callback-card"]', { hasText: created.data.no }).filter({ visible: true }).first();
      await card.waitFor();
      await screenshot(page, 'e2e-callbacks-list');
      await button(card, '记录回访').click();
      await see(page, '联系上', true).click();
      await see(page, '满意', true).click();
      await page.locator('taro-textarea-core textarea').filter({ visible: true }).first().fill('门已修好，很满意');
      await button(page, '提交').click();
      await see(page, '已回访').waitFor();
    });
  } finally {
    await context.close();
  }
  const t = (await lc.call('tickets', 'get', { ticketId }, 'o-staff-desk')).data;
  expect(t.timeline.at(-1)).toMatchObject({ action: 'callback', text: '电话回访：满意，门已修好，很满意', actorName: '王敏' });
  const closed = (await lc.call('callbacks', 'list', { status: 'closed' }, 'o-staff-desk')).data.items;
  expect(closed.map((c: any) => [c.ticketId, c.status])).toEqual([[ticketId, 'done']]);
  expect(errors).toEqual([]);
});

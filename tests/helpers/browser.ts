import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './local-cloudbase';

export const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, empty user-data-dir of its own.
  });
}

/** A phone-sized page (375×667, as a resident sees the app) acting as the given persona. */
export async function phone(browser: Browser, baseUrl: string, openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((id) => {
    // about:blank (between pages) has no storage of its own.
    if (location.protocol.startsWith('http')) window.localStorage.setItem('linli.persona', id);
  }, openid);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(baseUrl + '/');
  return { context, page };
}

export async function screenshot(page: Page, name: string, copyAs = name) {
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  const file = join(ARTIFACTS, 'screenshots', `${name}.png`);
  await page.waitForTimeout(500); // page transitions slide in: let them finish before the picture
  await page.screenshot({ path: file, fullPage: false });
  // LINLI_SHOTS_DIR (outside the repo): a copy for an issue's notes.
  const dir = process.env.LINLI_SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, join(dir, `${copyAs}.png`));
  }
  return file;
}

/** Runs a step; on failure saves a screenshot under test-artifacts/failures/ and rethrows. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    mkdirSync(join(ARTIFACTS, 'failures'), { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'failures', `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`), fullPage: true }).catch(() => undefined);
    throw e;
  }
}

import type { Locator, Page } from 'playwright-core';

/** Text on screen: Taro keeps visited pages mounted but hidden, so every lookup filters to visible. */
export const see = (page: Page | Locator, text: string | RegExp, exact = false) => page.getByText(text, { exact }).filter({ visible: true }).first();
/** A NutUI button by its label (the button, not its inner text, takes the click). */
export const button = (page: Page | Locator, text: string | RegExp) => page.locator('taro-button-core', { hasText: text }).filter({ visible: true }).first();
export const tab = (page: Page, name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first();
/** Open a route of the H5 build (hash router). */
export const open = async (page: Page, baseUrl: string, route: string) => {
  // A change of hash alone is not a new page load for the app: start from a blank page. A
  // navigation the app itself started a moment earlier (a redirect after saving) may interrupt
  // the blank page; the page is loaded afresh below either way.
  const interrupted = (e: Error) => /interrupted by another navigation/.test(e.message);
  await page.goto('about:blank').catch((e: Error) => {
    if (!interrupted(e)) throw e;
  });
  // The app's own navigation can also land during this load (CI saw it): load the route again
  // once that navigation is done, so the test always ends on the page it asked for.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${baseUrl}/#${route}`);
      return;
    } catch (e) {
      if (attempt >= 3 || !interrupted(e as Error)) throw e;
      await page.waitForLoadState('load').catch(() => undefined);
    }
  }
};
/** Answer Taro's H5 modal (showModal) with its confirm button. */
export const confirmModal = async (page: Page, text: string) => {
  await page.locator('.taro__modal, .taro-modal, [class*="modal"]').filter({ visible: true }).getByText(text, { exact: true }).first().click();
};

// The browser tests' `test`: every navigation (goto, reload, back, forward) and every wait for one also waits until the page's scripts, which start after first paint, have run.
import { test as base, type Page } from '@playwright/test';

export { expect, type Locator, type Page } from '@playwright/test';

/** Resolves once the after-paint loader is done; at once on a page without it (no scripts, JavaScript off, not our HTML). */
export async function scriptsReady(page: Page): Promise<void> {
  await page.locator('html:is([data-scripts="waiting"], [data-scripts="loading"])').waitFor({ state: 'detached' });
}

/** Page methods that navigate or wait for a navigation (a click on a link, say) to finish. */
const NAVIGATIONS = ['goto', 'reload', 'goBack', 'goForward', 'waitForURL', 'waitForLoadState'] as const;
let patched = false;

/** Wraps the navigations of Playwright's Page class, so pages from any context (a test's own `browser.newContext()` too) wait. */
function patchNavigations(page: Page): void {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(page) as Record<(typeof NAVIGATIONS)[number], (this: Page, ...args: unknown[]) => Promise<unknown>>;
  for (const name of NAVIGATIONS) {
    const navigate = proto[name];
    proto[name] = async function (this: Page, ...args: unknown[]) {
      const response = await navigate.apply(this, args);
      await scriptsReady(this);
      return response;
    };
  }
}

export const test = base.extend<object, { scriptsReadyOnNavigation: void }>({
  scriptsReadyOnNavigation: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      patchNavigations(await context.newPage());
      await context.close();
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});

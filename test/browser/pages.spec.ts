// Every built page, in one visit each under the real CSP: no violation, no console error or failed request, axe at WCAG 2.1 AA, links that exist.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DIST, underPolicy, visit } from './csp-watch.ts';
import { axeViolations, builtPages, watch } from './site.ts';

const pages = builtPages(DIST);

// Each visit is a first visit: what the network serves, not what the service worker cached on an earlier page.
test.use({ serviceWorkers: 'block' });
// A sim page hydrates its island before axe runs; on a busy machine that takes its time, and nothing here asserts on time.
test.beforeEach(() => test.slow());

test('the build has the pages a learner needs', () => {
  for (const path of ['/', '/lessons/', '/glossary/', '/search/', '/404.html', '/lessons/origins/']) expect(pages).toContain(path);
});

for (const path of pages) {
  test(`${path} hydrates under the CSP with no violation, console error or failed request, passes axe, and links only to built pages`, async ({ page }) => {
    const { problems } = watch(page);
    const violations = await underPolicy(page);
    await visit(page, path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'For instructors' })).toHaveAttribute('href', /\/instructor\/$/);
    expect(await axeViolations(page)).toEqual([]);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin || href.endsWith('#')) continue;
      const file = `${DIST}${decodeURIComponent(url.pathname)}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
      expect(existsSync(file), `${path} links to ${url.pathname}, which is not in the build`).toBe(true);
    }
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('an unknown path shows the 404 page', async ({ page }) => {
  const response = await page.goto('/does-not-exist/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('That page is not here');
});

test('the pages pass axe in the dark theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/', '/lessons/origins/']) {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  }
});

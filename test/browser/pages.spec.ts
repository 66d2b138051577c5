// Every built page loads cleanly, passes axe at WCAG 2.1 AA, and links only to pages that exist.
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, watch } from './site.ts';

const pages = builtPages();

test('the build has the pages a learner needs', () => {
  for (const path of ['/', '/lessons/', '/glossary/', '/search/', '/404.html', '/lessons/origins/']) expect(pages).toContain(path);
});

for (const path of pages) {
  test(`${path} loads with no console error or failed request, and axe finds no WCAG 2.1 AA violation`, async ({ page }) => {
    const { problems } = watch(page);
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'For instructors' })).toHaveAttribute('href', /\/instructor\/$/);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin || href.endsWith('#')) continue;
      const file = `dist${decodeURIComponent(url.pathname)}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
      expect(existsSync(file), `${path} links to ${url.pathname}, which is not in the build`).toBe(true);
    }
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
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  }
});

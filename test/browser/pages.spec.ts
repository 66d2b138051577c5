// Every built page, visited once under the real CSP: no violation, no console error or failed request, axe at WCAG 2.1 AA, links that exist.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { DIST, underPolicy, visit } from './csp-watch.ts';
import { axeViolations, builtPages, watch } from './site.ts';

const pages = builtPages(DIST);

test('the build has the pages a learner needs', () => {
  for (const path of ['/', '/lessons/', '/glossary/', '/search/', '/404.html', '/lessons/origins/']) expect(pages).toContain(path);
});

/** A class only one sim's stylesheet defines, and the lessons that embed that sim. */
const SIM_STYLES = {
  '.sim-capstone': ['together'],
  '.org-lists': ['conway'],
  '.wall-target': ['measure'],
  '.sim-drift': ['source-control'],
  '.sim-flags': ['deployment'],
  '.pipeline': ['waterfall', 'agile'],
  '.fix-list': ['production'],
  '.pv-servers': ['provisioning'],
  '.portfolio': ['testing'],
};

test('a lesson page carries its own simulation’s styles and no other sim’s', () => {
  const lessons = pages.filter((p) => /^\/lessons\/[a-z-]+\/$/.test(p));
  expect(lessons.length).toBeGreaterThanOrEqual(13);
  for (const path of lessons) {
    const slug = path.split('/')[2]!;
    const css = [...readFileSync(`${DIST}${path}index.html`, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    for (const [selector, hosts] of Object.entries(SIM_STYLES)) {
      expect(css.includes(selector), `${path} and ${selector}`).toBe(hosts.includes(slug));
    }
  }
});

// Pages go four to a test, in one browser page: a fresh context per page costs more than the checks themselves.
const PER_TEST = 4;
for (let i = 0; i < pages.length; i += PER_TEST) {
  const group = pages.slice(i, i + PER_TEST);
  test(`${group.join(', ')}: each hydrates under the CSP with no violation, console error or failed request, passes axe, and links only to built pages`, async ({
    page,
  }) => {
    test.setTimeout(60_000 * group.length);
    const { problems } = watch(page);
    const violations = await underPolicy(page);
    for (const path of group) {
      await test.step(path, async () => {
        await visit(page, path);
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page.getByRole('contentinfo').getByRole('link', { name: 'For instructors' })).toHaveAttribute('href', /\/instructor\/$/);
        // Scripts, islands' code included, wait for the first contentful paint (scripts/after-paint.ts), then all of them run.
        await expect(page.locator('html')).toHaveAttribute('data-scripts', 'ready');
        const starts = await page.evaluate(() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
          const scripts = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.js'));
          return { paint, scripts: scripts.length, before: scripts.filter((r) => paint === null || r.startTime < paint).map((r) => r.name) };
        });
        expect(starts.paint, 'the page reports its first contentful paint').not.toBeNull();
        expect(starts.scripts).toBeGreaterThan(0);
        expect(starts.before, 'scripts requested before the first contentful paint').toEqual([]);
        // The site script links the web manifest after first paint, so the page stays installable.
        await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
        expect(await axeViolations(page)).toEqual([]);
        const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin !== new URL(page.url()).origin || href.endsWith('#')) continue;
          const file = `${DIST}${decodeURIComponent(url.pathname)}${url.pathname.endsWith('/') ? 'index.html' : ''}`;
          expect(existsSync(file), `${path} links to ${url.pathname}, which is not in the build`).toBe(true);
        }
        expect(await violations()).toEqual([]);
        expect(problems.splice(0)).toEqual([]);
      });
    }
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

test.describe('on a phone as Lighthouse emulates one', () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, deviceScaleFactor: 1.75 });

  test('a page does not move once its scripts have run: no layout shift while a lesson or the planner loads', async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: string[] = [];
      (window as unknown as { shifts: string[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node | null }[] })[]) {
          shifts.push(`${entry.value.toFixed(4)} moving ${entry.sources.map((s) => (s.node as Element | null)?.className || s.node?.nodeName).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of ['/lessons/incentives/', '/lessons/testing/', '/instructor/planner/']) {
      await page.goto(path);
      // The fixtures' goto has waited for the scripts; one more frame lets a shift they caused be recorded.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts), path).toEqual([]);
    }
  });
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every lesson figure draws its text at 12 px or more and scrolls sideways by keyboard, while the page itself does not', async ({ page }) => {
    const withFigures = pages.filter((p) => /^\/lessons\/[a-z-]+\/$/.test(p) && readFileSync(`${DIST}${p}index.html`, 'utf8').includes('class="diagram"'));
    expect(withFigures.length).toBeGreaterThanOrEqual(6);
    for (const path of withFigures) {
      await page.goto(path);
      // With the sim left unhydrated (it hydrates when scrolled to), a sim lesson's static figure is measured too.
      const figures = await page.locator('figure.diagram').evaluateAll((all) =>
        all.map((figure) => {
          const svg = figure.querySelector('svg')!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return { texts: sizes.length, smallest: Math.round(Math.min(...sizes) * 10) / 10, scrolls: figure.scrollWidth > figure.clientWidth };
        }),
      );
      for (const [i, f] of figures.entries()) {
        if (f.texts === 0) continue;
        expect(f.smallest, `${path} figure ${i + 1}`).toBeGreaterThanOrEqual(12);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    // The widest drawing scrolls inside its figure, from the keyboard.
    await page.goto('/lessons/conway/');
    const figure = page.locator('figure.diagram', { has: page.locator('svg.conway-teams') });
    await figure.focus();
    await expect(figure).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
    // Scrolled to its far edge, the drawing moves and its caption stays where it can be read.
    const caption = await figure.evaluate((f) => {
      f.scrollLeft = f.scrollWidth;
      const box = f.getBoundingClientRect();
      const text = f.querySelector('figcaption')!.getBoundingClientRect();
      return { inside: text.left >= box.left && text.right <= box.right, scrolled: f.scrollLeft > 0 };
    });
    expect(caption).toEqual({ inside: true, scrolled: true });
  });
});

// The batch-size simulation in a real browser: keyboard-only play, reproducible links, bad parameters, compare view, exports and axe.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watch } from './site.ts';

const SIM = '/lessons/batch-size/';

async function tabTo(page: Page, name: string | RegExp, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el && el.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : '';
    });
    if (typeof name === 'string' ? label === name : name.test(label)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no button named ${name} reached by Tab`);
}

/** Opens the sim and waits until its island has hydrated (it hydrates when scrolled into view). */
async function openSim(page: Page, query: string): Promise<void> {
  await page.goto(`${SIM}${query}`);
  await page.locator('.batch-sim').scrollIntoViewIfNeeded();
  await expect(page.locator('.sim-embed.sim-live')).toHaveCount(1);
}

/** Plays to the end of the quarter by keyboard alone, rolling back every outage. */
async function playByKeyboard(page: Page): Promise<void> {
  await page.locator('.sim-setup h3').click();
  await tabTo(page, 'Start the quarter');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 60; i++) {
    const state = await page.locator('.batch-sim').getAttribute('data-state');
    if (state === 'review') return;
    if (state === 'incident') {
      await expect(page.locator('#incident-heading')).toBeFocused();
      await tabTo(page, 'Roll back the whole deploy');
      await page.keyboard.press('Enter');
      continue;
    }
    await tabTo(page, 'Run to the next event');
    await page.keyboard.press('Enter');
  }
  throw new Error('the quarter never ended');
}

test('a keyboard-only learner runs a quarter to the review and sees a cluster', async ({ page }) => {
  const { problems } = watch(page);
  await openSim(page, '?seed=3&days=20&defect=8&policy=every:5');
  await playByKeyboard(page);
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('#review-heading')).toContainText(/sits in the (elite|high|medium|low) cluster/);
  await expect(page.locator('[data-announcer]')).toContainText('The quarter is over');
  await expect(page.locator('.scorecard').first()).toContainText('Change failure rate');
  expect(problems).toEqual([]);
});

test('announces an outage in the live region and moves focus to the choice', async ({ page }) => {
  await openSim(page, '?seed=1&days=10&defect=50&policy=every:1');
  await page.getByRole('button', { name: 'Start the quarter' }).click();
  await expect(page.locator('#incident-heading')).toBeFocused();
  await expect(page.locator('[data-announcer]')).toContainText('Outage! Deploy 1');
  await page.getByRole('button', { name: 'Find the bad change and fix forward' }).click();
  await expect(page.locator('[data-announcer]')).toContainText('Fixed forward');
});

test('the same scenario link opened twice gives identical exported JSON', async ({ browser }) => {
  test.setTimeout(90_000);
  const link = `?seed=42&days=25&rate=3&defect=6&policy=count:8&recovery=fix-forward`;
  const exports: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openSim(page, link);
    await playByKeyboard(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    exports.push(readFileSync(await (await download).path(), 'utf8'));
    await context.close();
  }
  expect(exports[0]).toBe(exports[1]);
  const run = JSON.parse(exports[0]!);
  expect(run.scenario.seed).toBe(42);
  expect(run.scenario.query).toContain('policy=count%3A8');
  expect(run.summary.deploys).toBe(run.deploys.length);
  expect(run.deploys.length).toBeGreaterThan(0);
});

test('Export CSV gives one row per deploy', async ({ page }) => {
  await openSim(page, '?seed=5&days=15&defect=0&policy=every:1');
  await page.getByRole('button', { name: 'Start the quarter' }).click();
  await page.getByRole('button', { name: 'Run to the next event' }).click();
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'review');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  expect(lines[0]).toBe('deploy,day,changes,failed,defects,recovery,downtime_minutes');
  expect(lines.length - 1).toBe(Number(await page.locator('[data-stat="deploys"]').textContent()));
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await openSim(page, '?seed=77&days=abc&policy=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="days"]')).toContainText('“days” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="policy"]')).toContainText('use every:DAYS, count:CHANGES, window:DAYS or manual');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/days=65/);
  expect(problems).toEqual([]);
});

test('the compare view runs two policies on the same dice side by side', async ({ page }) => {
  await openSim(page, '?seed=9&policy=every:5&vs=every:65');
  const compare = page.locator('.sim-compare');
  await expect(compare.locator('.scorecard thead th')).toHaveText(['Measure', 'A: Deploy every week', 'B: Deploy once a quarter']);
  await expect(compare.locator('figure')).toHaveCount(2);
  await compare.getByLabel('Every day').check();
  await expect(compare.locator('.scorecard thead th').nth(2)).toHaveText('B: Deploy every day');
  await expect(page).toHaveURL(/vs=every%3A1/);
});

test('the sim page passes axe while setting up, during an outage and in review', async ({ page }) => {
  const scan = async () =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  await openSim(page, '?seed=1&days=10&defect=50&policy=every:1');
  expect(await scan()).toEqual([]);
  await page.getByRole('button', { name: 'Start the quarter' }).click();
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'incident');
  expect(await scan()).toEqual([]);
  for (let i = 0; i < 30 && (await page.locator('.batch-sim').getAttribute('data-state')) !== 'review'; i++) {
    if ((await page.locator('.batch-sim').getAttribute('data-state')) === 'incident')
      await page.getByRole('button', { name: 'Roll back the whole deploy' }).click();
    else await page.getByRole('button', { name: 'Run to the next event' }).click();
  }
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'review');
  expect(await scan()).toEqual([]);
});

test('without JavaScript the lesson shows the static figure and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SIM);
  await expect(page.locator('.sim-static svg[role="img"]')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText(/\w+/);
  await context.close();
});

test('a prose lesson loads no React', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/lessons/origins/');
  await page.waitForLoadState('networkidle');
  const sources = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  expect(sources.some((s) => s.includes('react.production') || s.includes('__reactContainer') || s.includes('useSyncExternalStore'))).toBe(false);
});

test('dragging the defect slider leaves the main thread free: the Monte Carlo work runs in a worker', async ({ page }) => {
  await openSim(page, '?seed=4');
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const slider = page.getByLabel('Chance a change breaks production');
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.sim-chart figcaption').first()).toContainText('With 12.0% of changes defective');
  await expect(page.locator('.chart-legend').first()).toContainText('10,000 simulated deploys per size');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(
    longTasks.filter((d) => d > 100),
    `long tasks (ms): ${longTasks.join(', ')}`,
  ).toEqual([]);
});

// Workshop mode in a real browser: shared scenarios, result codes into the debrief, the planner, the projector view and offline use.
import { expect, test, type Page } from '@playwright/test';
import { watch } from './site.ts';
import { SimPage } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/batch-size/', 'batch');
  await sim.open(query);
  return sim;
};

/** Plays a run to the end with the mouse, rolling back where it can, and returns the result code shown in the review. */
async function resultCode(page: Page, query: string): Promise<string> {
  const sim = await open(page, query);
  await sim.predict('About the same');
  await sim.start();
  await sim.pauseIfPlaying();
  await sim.playToReview('Run to the next outage', ['Roll back the whole deploy', 'Find the bad change and fix forward']);
  return sim.resultCode();
}

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a shared scenario link gives every learner the same run, and a code of their own', async ({ browser }) => {
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    codes.push(await resultCode(await context.newPage(), '?seed=314&days=30&defect=5&policy=weekly'));
    await context.close();
  }
  const body = (code: string) => code.split('-').slice(0, 4).concat(code.split('-')[5]!).join('-');
  expect(body(codes[0]!)).toBe(body(codes[1]!));
  expect(codes[0]).not.toBe(codes[1]);
});

test('a real island’s code, pasted inside a chat line, decodes on the debrief page with rejections explained', async ({ browser, page }) => {
  const context = await browser.newContext();
  const code = await resultCode(await context.newPage(), '?seed=99&days=30&policy=daily');
  await context.close();
  const { problems } = watch(page);
  await page.goto('/instructor/debrief/');
  // The debrief island hydrates when visible: wait for it, as a person would see the button come alive.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const tampered = code.replace(/-(\w{5})$/, (_m, c: string) => `-${c[0] === '0' ? '1' : '0'}${c.slice(1)}`);
  await page.locator('[data-codes]').fill([`[10:02] Ana: ${code}`, code, tampered, 'SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-abcdef', 'hello'].join('\n'));
  await page.getByRole('button', { name: 'Chart the class' }).click();
  await expect(page.locator('[data-debrief-status]')).toContainText('1 learner counted; 2 rejected; 1 code pasted twice, counted once');
  await expect(page.locator('[data-debrief-sim="batch"] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-debrief-sim="batch"] svg[role="img"] :is(circle, rect[width="10"])')).toHaveCount(1);
  const rejected = page.locator('[data-rejected] li');
  await expect(rejected.nth(0)).toContainText('the checksum does not match');
  await expect(rejected.nth(1)).toContainText('older version of the course (SS1)');
  await page.reload();
  await expect(page.locator('[data-codes]')).toHaveValue(new RegExp(code));
  await expect(page.locator('[data-debrief-status]')).toContainText('1 learner counted');
  expect(problems).toEqual([]);
});

test('the planner builds a timed agenda and keeps it in a shareable link', async ({ page, context }) => {
  await page.goto('/instructor/planner/');
  await page.getByLabel('Half day (3½ hours)').check();
  for (const name of [/Where DevOps began|Ghent/, /waterfall pipeline/i, /Too much code/i])
    await page.locator('label', { hasText: name }).locator('input').check();
  await expect(page.locator('[data-agenda] tbody tr').first()).toContainText('09:00');
  await expect(page.locator('[data-agenda-fit]')).toContainText(/Fits a half day|Runs \d+ minutes over/);
  const link = page.url();
  expect(link).toMatch(/format=half-day/);
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.locator('[data-agenda] tbody tr')).toHaveCount(await page.locator('[data-agenda] tbody tr').count());
});

test('the projector view condenses the lesson and works by keyboard', async ({ page }) => {
  await page.goto('/lessons/waterfall/?present');
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.present-bar')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/lessons\/agile\/\?present$/);
  await page.waitForLoadState('load');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/lessons\/waterfall\/\?present$/);
});

test('after one visit the course works offline: a lesson, its simulation and search', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await page.goto('/lessons/conway/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sim = await open(page, '?seed=2&days=10&policy=daily&defect=0');
  await sim.predict('About the same');
  await sim.start();
  await sim.pauseIfPlaying();
  await page.getByRole('button', { name: 'Run to the next outage' }).click();
  await sim.expectState('review');
  await page.goto('/search/');
  await page.getByLabel('Search lessons').fill('Conway');
  await expect(page.locator('[data-search-results] li a').first()).toHaveAttribute('href', /\/lessons\/conway\/$/);
  await context.setOffline(false);
});

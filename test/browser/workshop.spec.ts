// Workshop mode in a real browser: shared scenarios, result codes into the debrief, the planner, the projector view and offline use.
import { expect, test, type Page } from '@playwright/test';
import { watch } from './site.ts';

const SIM = '/lessons/batch-size/';

async function openSim(page: Page, query: string): Promise<void> {
  await page.goto(`${SIM}${query}`);
  await page.locator('.batch-sim').scrollIntoViewIfNeeded();
  await expect(page.locator('.sim-embed.sim-live')).toHaveCount(1);
}

/** Plays a run to the end with the mouse, rolling back every outage, and returns the result code shown in the review. */
async function resultCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Start the quarter' }).click();
  const sim = page.locator('.batch-sim');
  for (let i = 0; i < 80 && (await sim.getAttribute('data-state')) !== 'review'; i++) {
    if ((await sim.getAttribute('data-state')) === 'incident') await page.getByRole('button', { name: 'Roll back the whole deploy' }).click();
    else await page.getByRole('button', { name: 'Run to the next event' }).click();
  }
  const code = page.locator('[data-result-code]');
  await expect(code).toHaveValue(/^SS1-/);
  return code.inputValue();
}

test('a shared scenario link gives every learner the same run and the same result code', async ({ browser }) => {
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openSim(page, '?seed=314&days=30&defect=5&policy=every:5');
    codes.push(await resultCode(page));
    await context.close();
  }
  expect(codes[0]).toBe(codes[1]);
});

test('a challenge link locks what the instructor fixed and leaves the policy to the learner', async ({ page }) => {
  await openSim(page, '?seed=5&defect=8&lock=seed,defect');
  await expect(page.locator('[data-locked]')).toContainText('seed, defect');
  await expect(page.getByLabel('Seed (the dice)')).toBeDisabled();
  await expect(page.getByLabel('Weak suite: 8% of changes break production')).toBeDisabled();
  await page.locator('.sim-setup .policy-picker').getByLabel('Every day').check();
  await expect(page).toHaveURL(/policy=every%3A1/);
  await expect(page).toHaveURL(/lock=seed%2Cdefect/);
  await expect(page.locator('.qr')).toBeVisible();
});

test('learners’ result codes chart on the debrief page, with rejected and foreign codes listed apart', async ({ browser, page }) => {
  const codes: string[] = [];
  for (const policy of ['every:1', 'every:21']) {
    const context = await browser.newContext();
    const learner = await context.newPage();
    await openSim(learner, `?seed=99&days=30&policy=${policy}`);
    codes.push(await resultCode(learner));
    await context.close();
  }
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await openSim(stranger, '?seed=100&days=30&policy=every:5');
  const foreign = await resultCode(stranger);
  await other.close();

  const { problems } = watch(page);
  await page.goto('/instructor/debrief/');
  const tampered = codes[0]!.replace(/-(\d+)-(\d+)-(\d+)-/, (_m, a, b, c) => `-${a}-${b}-${Number(c) + 1}-`);
  await page.locator('[data-codes]').fill([codes[0], codes[1], codes[0], tampered, codes[1]!.slice(0, 25), 'hello', foreign].join('\n'));
  await page.getByRole('button', { name: 'Chart the class' }).click();
  await expect(page.locator('[data-debrief-status]')).toContainText('2 codes counted');
  await expect(page.locator('[data-class-table] tbody tr')).toHaveCount(2);
  await expect(page.locator('.debrief svg[role="img"] circle')).toHaveCount(4);
  const rejected = page.locator('[data-rejected] li');
  await expect(rejected).toHaveCount(4);
  await expect(rejected.nth(0)).toContainText('a duplicate of the code on line 1');
  await expect(rejected.nth(1)).toContainText('the checksum does not match');
  await expect(rejected.nth(2)).toContainText('looks cut off');
  await expect(rejected.nth(3)).toContainText('not a Ship Small result code');
  await expect(page.locator('[data-other] li')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^class-[0-9a-f]{6}\.csv$/);
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

  await openSim(page, '?seed=1&days=10&defect=0&policy=every:1&present');
  await page.keyboard.press('p');
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'running');
  await page.keyboard.press('p');
  await page.keyboard.press('n');
  await page.keyboard.press('f');
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'review');
  await page.keyboard.press('r');
  await expect(page.locator('[data-stat="day"]')).toContainText(/^[0-9]+ of 10$/);
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
  await openSim(page, '?seed=2&days=10&policy=every:1&defect=0');
  await page.getByRole('button', { name: 'Start the quarter' }).click();
  await page.getByRole('button', { name: 'Run to the next event' }).click();
  await expect(page.locator('.batch-sim')).toHaveAttribute('data-state', 'review');
  await page.goto('/search/');
  await page.getByLabel('Search lessons').fill('Conway');
  await expect(page.locator('[data-search-results] li a').first()).toHaveAttribute('href', /\/lessons\/conway\/$/);
  await context.setOffline(false);
});

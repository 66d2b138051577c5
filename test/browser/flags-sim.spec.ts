// The feature-flag simulation in a real browser: a keyboard-only day to the review with axe, a bad link, the comparison, sweep and exports, a phone, and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/deployment/', 'flags');
  await sim.open(query);
  return sim;
};
const FEWER = 'Far fewer than a twentieth';

// Whole days played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

/** Starts the day and lets the pipeline run by itself into the release day. */
async function startDay(page: Page, sim: SimPage, guess = FEWER) {
  await sim.predict(guess);
  await page.getByRole('button', { name: 'Start the day' }).click();
  await expect(page.locator('[data-stat="minute"]')).toBeVisible({ timeout: 30_000 });
}

test('a keyboard-only learner predicts, watches the pipeline, answers an alert with the kill switch and reaches the review; axe passes throughout', async ({
  page,
}) => {
  // Three axe passes and a whole day: on a loaded 2-core machine this needs more than a slow test's time.
  test.setTimeout(240_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=2026&minutes=180');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start the day' })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, /^About as many/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(FEWER)).toBeChecked();
  await tabTo(page, 'Start the day');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-pipeline] li[data-commit="1"]')).not.toHaveAttribute('data-outcome', 'waiting');
  await expect(page.locator('[data-stat="minute"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-pipeline]')).toHaveCount(0);
  await tabTo(page, 'Run to the next alert');
  await page.keyboard.press('Enter');
  await sim.expectState('decision');
  await expect(page.locator('#decision-heading')).toBeFocused();
  await expect(page.locator('#decision-heading')).toHaveText('Alert at minute 60: kill switch or keep going?');
  await expect(page.locator('[data-alert-message="overload"]')).toContainText('The database is over capacity');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await tabTo(page, 'Press the kill switch');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-stat="flag"]')).toHaveText('0%');
  await expect(page.getByRole('button', { name: 'Run to the next alert' })).toBeFocused();
  await page.keyboard.press('Enter');
  await sim.expectState('review');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toHaveAttribute('data-prediction', 'right');
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: a 5% rollout with a kill switch hurts far fewer than a twentieth');
  await expect(page.locator('[data-prediction]')).toContainText(/the full release hurt \d+ users and the 5% rollout 0/);
  await expect(page.locator('[data-announcer]')).toContainText('The day is over');
  await expect(page.locator('[data-tile="hurt"]')).toHaveText(/^\d+$/);
  await expect(page.locator('[data-catches] tbody tr')).toHaveCount(5);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  expect(await sim.resultCode()).toMatch(/^SS2-f-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.flags.runs).toHaveLength(1);
  expect(saved.sims.flags.runs[0].code).toMatch(/^SS2-f-1-/);
  expect(problems).toEqual([]);
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&rollout=7&traffic=abc&dark=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&plan=ramp');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="rollout"]')).toContainText('“rollout” must be one of 0, 1, 5, 25, 50, 100 (got "7"); using the default instead.');
  await expect(box.locator('[data-param="traffic"]')).toContainText('“traffic” must be a number (got "abc")');
  await expect(box.locator('[data-param="dark"]')).toContainText('“dark” must be one of');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Step up every half hour')).toBeChecked();
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/rollout=100/);
  await expect(page).toHaveURL(/plan=ramp/);
  expect(problems).toEqual([]);
});

test('keeps the comparison and the sweep hidden until a day is played, then compares four ways on the same dice, sweeps in a worker and exports', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=2026&release=full&minutes=180');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await startDay(page, sim, 'About as many: the same bugs hurt the same way');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run to the next alert' }).click();
  await sim.expectState('decision');
  await page.getByRole('button', { name: 'Roll back' }).click();
  await page.getByRole('button', { name: 'Run to the next alert' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-compare] thead th')).toHaveText([
    'Measure',
    'Your day',
    'Full release, no flag',
    'Flag to everyone',
    '5% rollout',
    '5% dark launch, then 5%',
  ]);
  const hurt = page.locator('[data-compare] tbody tr', { hasText: 'Users hurt' }).locator('td');
  await expect(hurt.nth(0)).toHaveText(await hurt.nth(1).innerText());
  await page.getByRole('button', { name: /Show users hurt at every rollout share/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('averaged over 100 days', { timeout: 90_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'flags' });
  expect(run.query).toContain('release=full');
  expect(run.actions[0]).toEqual({ type: 'next' });
  expect(run.actions).toContainEqual({ type: 'rollback' });
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'minute,users,new group,control group,dark requests,database load %,new group errors,control errors,dark errors,new group conversions,control conversions,users hurt,spike',
  );
  expect(lines).toHaveLength(181);
});

test('on a 390 px phone the flag, the charts and the review fit with no sideways scroll, and chart text stays readable', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=7&dark=5&rollout=5&minutes=180');
  await startDay(page, sim);
  await expect(page.locator('#run-heading')).toBeInViewport();
  await expect(page.getByRole('group', { name: 'Rollout', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Rollout 25%' }).click();
  await expect(page.getByRole('button', { name: 'Rollout 25%' })).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 10 && (await sim.state()) !== 'review'; i++) {
    if ((await sim.state()) === 'decision') await page.getByRole('button', { name: 'Press the kill switch' }).click();
    else await page.getByRole('button', { name: 'Run to the next alert' }).click();
  }
  await sim.expectState('review');
  await page.getByRole('button', { name: /Show users hurt at every rollout share/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 90_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(heights.length).toBeGreaterThan(10);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static explanation and table instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/deployment/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('Users hurt is the blast radius');
  await expect(page.locator('.sim-embed.sim-live')).toHaveCount(0);
  await context.close();
});

// The metrics dashboard in a real browser: keyboard-only from the guess to the wall and target mode, a bad link, the learner's own runs with missions and exports, a phone, and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, chartClass, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';
import { defaultScenario, defaultValues, scenarioToQuery } from '../../src/sim-kit/core/fields.ts';
import { runToEnd } from '../../src/sim-kit/core/model.ts';
import { emptyProgress, recordSimRun } from '../../src/lib/progress.ts';
import { batchModel } from '../../src/models/batch/index.ts';
import { batchFields, batchParams, type BatchValues } from '../../src/schemas/batch-scenario.ts';
import { savedSummary } from '../../src/sims/batch.ts';
import { encodeResult } from '../../src/sim-kit/core/result-code.ts';
import { DEFAULT_WALL } from '../../src/models/dashboard/index.ts';
import { dashboardCode, dashboardFields, summarizeWall } from '../../src/sims/dashboard.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/measure/', 'dashboard');
  await sim.open(query);
  return sim;
};

// Hydration and axe take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());
// Each test is a whole journey with axe in one page visit; on a 2-core machine shared with other builds it needs more than the default.
test.describe.configure({ timeout: 120_000 });

/** Saved progress holding a quarterly batch quarter, then a daily one, as the batch sim saves them. */
function progressWithBatchRuns(): string {
  const policies: Array<BatchValues['policy']> = ['quarterly', 'daily'];
  const progress = policies.reduce((p, policy, i) => {
    const values = { ...defaultValues(batchFields), policy };
    const end = runToEnd(batchModel, batchParams(values), 2026);
    const query = scenarioToQuery(batchFields, { ...defaultScenario(batchFields), values });
    return recordSimRun(p, 'batch', { at: new Date(Date.UTC(2026, 10, 2 + i, 12)).toISOString(), code: '', query, summary: savedSummary(values, end) });
  }, emptyProgress());
  return JSON.stringify(progress);
}

test('a keyboard-only learner with no runs predicts, puts up the labelled sample wall, games the target, and the code is saved', async ({ page }) => {
  const { problems } = watch(page);
  await open(page);
  await expect(page.locator('[data-source="sample"]')).toContainText('Sample data: made-up runs');
  await expect(page.getByRole('button', { name: 'Put it on the wall' })).toBeDisabled();
  await page.locator('#setup-heading').focus();
  await tabTo(page, 'Deployment frequency');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-predict]').getByLabel('Change failure rate')).toBeChecked();
  await tabTo(page, 'Put it on the wall');
  await page.keyboard.press('Enter');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('#review-heading')).toHaveText('The sample team’s wall (made-up data)');
  await expect(page.locator('[data-sample]')).toBeVisible();
  await expect(page.locator('[data-prediction]')).toHaveAttribute('data-prediction', 'right');
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: change failure rate would be the weakest key');
  await expect(page.locator('[data-key="changeFailureRate"]')).toContainText('medium');
  await expect(page.locator('[data-keys] caption')).toContainText('2024');
  await expect(page.locator('[data-announcer]')).toContainText('Wall up: 7 metrics from the sample data, not your own runs.');
  await expect(page.locator('[data-tile]')).toHaveCount(7);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);

  await tabTo(page, 'Target one number');
  await page.keyboard.press('Enter');
  await expect(page.locator('#target-heading')).toBeFocused();
  await tabTo(page, 'More changes reach users each day, in step with the deploys');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.wall-target input[type="range"]')).toBeFocused();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-game="deploys"]')).toContainText('23.09');
  await expect(page.locator('[data-game="changes"]')).toHaveText('4.12');
  await expect(page.locator('[data-game="cfr"]')).toContainText('elite');
  await expect(page.locator('.wall-target [data-prediction]')).toHaveAttribute('data-prediction', 'right');
  await expect(page.locator('[data-announcer]')).toContainText('Split into 10: 23.09 deploys a working day');
  await expect(page).toHaveURL(/split=10/);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);

  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.dashboard.runs).toHaveLength(1);
  expect(saved.sims.dashboard.runs[0].code).toMatch(/^SS2-db-1-/);
  expect(saved.sims.dashboard.runs[0].summary).toMatchObject({ sample: 1, weakest: 'changeFailureRate', guess: 'changeFailureRate' });
  expect(await page.locator('[data-result-code]').inputValue()).toBe(saved.sims.dashboard.runs[0].code);
  expect(problems).toEqual([]);
});

test('a bad link parameter is named, the rest of the link applies, the projector keys drive the wall and the split, and the chosen wall comes back', async ({
  page,
}) => {
  const { problems } = watch(page);
  const sim = await open(page, '?window=abc&split=4&present');
  await page.locator('[data-metric="outages"] input').uncheck();
  await expect(page.locator('.sim-problems [data-param="window"]')).toHaveText('“window” must be a number (got "abc"); using the default instead.');
  await expect(page).toHaveURL(/window=10/);
  await expect(page).toHaveURL(/split=4/);
  await sim.predict('Lead time for changes');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('w');
  await sim.expectState('wall');
  await expect(page.locator('[data-prediction]')).toHaveAttribute('data-prediction', 'wrong');
  await page.keyboard.press('t');
  await sim.expectState('target');
  await page.getByLabel('Fewer changes reach users, because each deploy carries less').click();
  await expect(page.locator('[data-game="deploys"]')).toContainText('9.24');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('+');
  await expect(page.locator('[data-game="deploys"]')).toContainText(/11\.5\d/);
  await expect(page.locator('.wall-target [data-prediction]')).toHaveAttribute('data-prediction', 'wrong');
  await page.keyboard.press('w');
  await sim.expectState('setup');
  await expect(page.locator('#setup-heading')).toBeFocused();
  expect(problems).toEqual([]);
  // The wall the learner chose comes back on the next visit.
  await sim.open();
  await expect(page.locator('[data-metric="outages"] input')).not.toBeChecked();
  await expect(page.locator('[data-metric="mttr"] input')).toBeChecked();
});

test('the learner’s own runs fill the wall, the wall and target mode wait for the guess, both missions are won, and both CSVs export', async ({ page }) => {
  const sim = await open(page);
  await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [PROGRESS_KEY, progressWithBatchRuns()]);
  await page.reload();
  await sim.open();
  await expect(page.locator('[data-source="own"]')).toContainText('Your wall reads the 2 finished runs saved in this browser, from 1 simulation (batch size)');
  await expect(page.locator('[data-tile]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Target one number' })).toHaveCount(0);
  // The setup passes axe here, with the learner's own runs named beside each metric.
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await page.locator('[data-metric="coverage"] input').check();
  await sim.predict('Deployment frequency');
  await page.getByRole('button', { name: 'Put it on the wall' }).click();
  await expect(page.locator('#review-heading')).toHaveText('Your team’s wall');
  await expect(page.locator('[data-sample]')).toHaveCount(0);
  await expect(page.locator('[data-tile]')).toHaveCount(8);
  await expect(page.locator('[data-tile="coverage"] [data-value]')).toHaveText('no data yet');
  await expect(page.locator('[data-tile="deploymentFrequency"] [data-value]')).not.toHaveText('no data yet');
  await expect(page.locator('[data-mission="all-four-keys"]')).toHaveAttribute('data-won', 'yes');
  await expect(page.locator('[data-mission="lift-the-weakest"]')).toHaveAttribute('data-won', 'yes');
  await expect(page.locator('.wall-trend figcaption')).toContainText('over the last 2 runs that report it');

  const csv = async (name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    return readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\r\n');
  };
  const runs = await csv('Export the runs (CSV)');
  expect(runs[0]).toMatch(/^finished at,sim,data,deploysPerDay,changesPerDay,/);
  expect(runs.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual(['batch,own', 'batch,own']);
  const wall = await csv('Export the wall (CSV)');
  expect(wall[0]).toBe('metric,value,unit,runs,band,band year,data');
  expect(wall.find((l) => l.startsWith('Deployment frequency,'))).toMatch(/,2,[a-z]+,2024,own$/);
});

test('on a 390 px phone the wall and target mode fit without sideways scrolling and chart text stays readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page);
  await sim.predict('Lead time for changes');
  await page.getByRole('button', { name: 'Put it on the wall' }).click();
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('.wall-trend svg')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: 'Target one number' }).click();
  await page.getByLabel('The same changes reach users as before').click();
  await expect(page.locator('.wall-target svg')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(heights.length).toBeGreaterThan(0);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the sample wall and the gamed target as tables', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/measure/');
  const fallback = page.locator('.sim-embed .sim-static');
  await expect(fallback.locator('table')).toHaveCount(2);
  await expect(fallback).toContainText('The weakest key is the change failure rate, in the medium band');
  await expect(fallback.locator('tr', { hasText: '23.09' })).toContainText('4.12');
  await context.close();
});

test('the class debrief charts dashboard codes: for each key, how many walls showed it weakest beside how many learners predicted it', async ({ page }) => {
  // Three walls of the sample data (weakest: change failure rate), with three different guesses.
  const values = defaultValues(dashboardFields);
  const codes = (['leadTime', 'changeFailureRate', 'recoveryTime'] as const).map((guess, i) =>
    encodeResult(dashboardCode, 2026, values, summarizeWall([], DEFAULT_WALL, values.window, guess), `w00${i}`),
  );
  const { problems } = watch(page);
  const group = await chartClass(page, 'dashboard', codes);
  await expect(group.locator('figcaption')).toContainText('Change failure rate, 3 weakest and 1 predicted');
  await expect(group.locator('figcaption')).toContainText('Deployment frequency, 0 weakest and 0 predicted');
  const heights = (kind: string) => group.locator(`rect[data-bar="${kind}"]`).evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('height')) > 0));
  expect(await heights('weakest')).toEqual([false, false, true, false]);
  expect(await heights('guess')).toEqual([false, true, true, true]);
  await group.getByText('The data as a table').first().click();
  await expect(group.locator('table', { hasText: 'Learners per key' }).locator('tbody tr')).toHaveCount(4);
  expect(await axeViolations(page, '[data-debrief-sim="dashboard"]')).toEqual([]);
  expect(problems).toEqual([]);
});

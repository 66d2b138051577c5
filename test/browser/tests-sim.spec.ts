// The test-portfolio simulation in a real browser: keyboard-only play with axe, link problems and custom shares, the reveal, exports and the batch link, a phone, and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo, watchChartText } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/testing/', 'tests');
  await sim.open(query);
  return sim;
};
const CONE = 'The ice-cream cone: mostly user interface and system tests';
const START = 'Start the builds';

// Whole runs played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, answers each red build, reaches the review with the guess beside the result, and the code is saved', async ({
  page,
}) => {
  // Three axe runs and a whole keyboard run in one visit: more than a slow test's time when the machine is shared.
  test.setTimeout(240_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=18&builds=12');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: START })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, CONE);
  await page.keyboard.press('Space');
  await expect(page.getByLabel(CONE)).toBeChecked();
  await tabTo(page, START);
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  // The run plays on its own, so a red can arrive between two key presses: each press goes to the clock or to the red, whichever is there.
  let decisions = 0;
  let checked = false;
  for (let i = 0; i < 80 && (await sim.state()) !== 'review'; i++) {
    if (!checked && (await sim.state()) === 'decision') {
      await expect(page.locator('#decision-heading')).toBeFocused();
      await expect(page.locator('#decision-heading')).toContainText(/^Build \d+ is red: .* tests failed$/);
      await expect(page.locator('[data-trust]')).toContainText(/red build/);
      expect(await axeViolations(page, '.sim-embed')).toEqual([]);
      checked = true;
    }
    await tabTo(page, new RegExp(`^(Run to the next red build|${decisions % 2 ? 'Ignore it and merge' : 'Investigate'})$`));
    const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.keyboard.press('Enter');
    if (label !== 'Run to the next red build') decisions++;
  }
  await sim.expectState('review');
  expect(decisions).toBeGreaterThan(1);
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: the ice-cream cone would ship more defects. On your dice');
  await expect(page.locator('[data-announcer]')).toContainText('All 12 builds done');
  for (const tile of ['escape', 'shipped', 'suite', 'pipeline', 'flaky', 'ignored']) await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
  await expect(page.locator('[data-kinds] tbody tr')).toHaveCount(4);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  const code = await sim.resultCode();
  expect(code).toMatch(/^SS2-t-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.tests.runs).toHaveLength(1);
  expect(saved.sims.tests.runs[0].code).toBe(code);
  expect(problems).toEqual([]);
});

test('a bad parameter shows a message naming it and the rest of the link applies; custom shares must add up to 100 before the run starts', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&builds=abc&preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&effort=300');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="builds"]')).toContainText('“builds” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="preset"]')).toContainText('“preset” must be one of ice-cream-cone, pyramid, hourglass, custom');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[data-portfolio] figcaption')).toContainText('What 300 hours of test writing buy');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/builds=120/);

  await open(page, '?preset=custom&unit=50');
  await page.locator('[data-predict]').getByLabel(CONE).check();
  await expect(page.locator('[data-shares-total]')).toHaveText(
    'The four shares add up to 125% (unit 50, integration 25, user interface 25, system 25); they must add up to 100%.',
  );
  await expect(page.getByRole('button', { name: START })).toBeDisabled();
  await page.getByRole('slider', { name: 'Unit tests' }).fill('25');
  await expect(page.locator('[data-shares-total]')).toHaveText('Together: 100%. Ready to play.');
  await expect(page.locator('[data-portfolio] li[data-level="unit"]')).toContainText('Unit: 25%, 50 tests');
  await expect(page.getByRole('button', { name: START })).toBeEnabled();
  await expect(page).toHaveURL(/unit=25/);
  expect(problems).toEqual([]);
});

test('keeps the comparison and the sweep hidden until a run is played, then compares every shape on the same dice, exports, and carries the escape rate to the batch sim', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&builds=30');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('About the same');
  await sim.page.getByRole('button', { name: START }).click();
  await sim.expectState('decision');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'As the team would' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-compare] thead th')).toHaveText(['Measure', 'Your run', 'Pyramid', 'Ice-cream cone', 'Hourglass']);
  const suite = page.locator('[data-compare] tbody tr', { hasText: 'One run of the suite' });
  await expect(suite.locator('td').nth(0)).toHaveText('24.1 min');
  await expect(suite.locator('td').nth(1)).toHaveText('5.7 min');
  await page.getByRole('button', { name: /Show every unit share/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('averaged over 100 runs', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'tests' });
  expect(run.query).toContain('seed=9');
  expect(run.actions[0]).toEqual({ type: 'build' });
  expect(run.actions.some((a: { type: string }) => a.type === 'respond')).toBe(true);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('build,defect,caught by,flaky at,red,response,outcome,minutes');
  expect(lines).toHaveLength(31);

  const link = page.locator('[data-batch-link]');
  const defect = Math.round(run.summary.escapeRate * 1000) / 10;
  await expect(link).toHaveAttribute('href', `/lessons/batch-size/?defect=${defect}`);
  await link.click();
  await page.locator('.sim-embed').scrollIntoViewIfNeeded();
  await expect(page.locator('.sim-embed.sim-live')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('[data-sim="batch"]')).toHaveAttribute('data-state', 'configure');
  await expect(page.locator('.sim-problems')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`defect=${defect}(&|$)`));
});

test('on a 390 px phone, Start brings the counters into view with focus, the review fits, and chart text stays readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const smallestChartText = await watchChartText(page);
  const sim = await open(page, '?seed=10&builds=20&preset=custom&unit=40&integ=30&ui=20&system=10');
  await sim.predict('The pyramid: mostly unit tests');
  await page.getByRole('button', { name: START }).click();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="build"]')).toBeInViewport();
  await sim.expectState('decision');
  await page.getByRole('button', { name: 'Investigate every red' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-tile="ignored"]')).toHaveText(/^0 /);
  await page.getByRole('button', { name: /Show every unit share/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every frame since the page opened, not only now: a chart drawn before it was measured would flash tiny text.
  const smallest = await smallestChartText();
  expect(smallest, 'no chart text was drawn').toBeLessThan(Infinity);
  expect(smallest).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static table, explanation and diagram instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/testing/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('The top-heavy cone is over four times slower per run');
  await expect(page.locator('.sim-static figure')).toBeVisible();
  await context.close();
});

// The environment-parity simulation in a real browser: a keyboard-only quarter with axe, a bad link, what a run reveals and exports, a phone, and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/production/', 'parity');
  await sim.open(query);
  return sim;
};

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, closes a gap, steps, deploys now and reaches the review with the guess beside the result, axe-clean throughout', async ({
  page,
}) => {
  // Three axe passes and a whole keyboard journey: more than one slow test's time on a busy machine.
  test.setTimeout(240_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=3&days=30&every=5');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start the quarter' })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, "At a developer's desk");
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('In staging, before release')).toBeChecked();
  await tabTo(page, /^Containers for every service/);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-budget]')).toHaveText('Spent 2 of 6 engineer-days; 4 days left.');
  await tabTo(page, 'Start the quarter');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('#run-heading')).toHaveText('Your quarter: deploy every 5 working days, 1 gap closed');
  await tabTo(page, 'Pause');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Step one day');
  const day = Number((await page.locator('[data-stat="day"]').innerText()).split(' ')[0]);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-stat="day"]')).toHaveText(`${day + 1} of 30`);
  if ((await page.locator('[data-stat="waiting"]').innerText()) === '0') await page.keyboard.press('Enter');
  const deploys = Number(await page.locator('[data-stat="deploys"]').innerText());
  await tabTo(page, 'Deploy now');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-stat="deploys"]')).toHaveText(String(deploys + 1));
  await expect(page.locator('[data-stat="waiting"]')).toHaveText('0');
  await expect(page.locator('[data-announcer]')).toContainText(`Deploy ${deploys + 1} on day`);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await tabTo(page, 'Run to the end');
  await page.keyboard.press('Enter');
  await sim.expectState('review');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: most changes that lean on a difference would break in staging.');
  await expect(page.locator('[data-prediction]')).toContainText('In your quarter:');
  await expect(page.locator('[data-announcer]')).toContainText('The run is over');
  await expect(page.locator('[data-families] tr[data-family="colocation"]')).toContainText("closed: caught at a developer's desk");
  for (const tile of ['desk', 'staging', 'production', 'hours', 'gap']) await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  const code = await sim.resultCode();
  expect(code).toMatch(/^SS2-p-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.parity.runs[0].code).toBe(code);
  expect(saved.sims.parity.runs[0].summary).toMatchObject({ every: 5, fixes: 'containers', spent: 2 });
  expect(problems).toEqual([]);
});

test('a bad parameter or fixes over the budget show a message naming them, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&every=abc&budget=2&containers=on&data=on&depend=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="every"]')).toContainText('“every” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="depend"]')).toContainText('“depend” must be a number');
  await expect(box.locator('[data-param="budget"]')).toHaveText(
    'The fixes chosen, containers (2), data (4), cost 6 engineer-days, 4 more than the budget of 2. No fix is applied; choose fixes that fit.',
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel(/^Containers for every service/)).not.toBeChecked();
  await expect(page.getByLabel(/^Production-sized anonymised data/)).toBeDisabled();
  await expect(page.locator('[data-budget]')).toHaveText('Spent 0 of 2 engineer-days; 2 days left.');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/every=10/);
  await expect(page).toHaveURL(/budget=2/);
  await expect(page).toHaveURL(/data=off/);
  expect(problems).toEqual([]);
});

test('keeps the comparison and the sweep hidden until a run is played, then compares on the same dice, sweeps in a worker and exports JSON and CSV', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&days=20&every=5&lockfile=on');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('In production, after release');
  await sim.start();
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Show every deploy interval/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Run to the end' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-compare] thead th')).toHaveText(['Measure', 'Your quarter', 'No gap closed', 'Your fixes, deploying daily']);
  const desk = page.locator('[data-compare] tbody tr', { hasText: 'Caught at a desk' });
  await expect(desk.locator('td').nth(1)).toHaveText('0');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'parity' });
  expect(run.query).toContain('seed=9');
  expect(run.query).toContain('lockfile=on');
  expect(run.actions[0]).toEqual({ type: 'day' });
  expect(run.actions).toHaveLength(20);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('change,written (day),leans on,failed in,find cost (minutes),deploy,status');
  expect(lines.length - 1).toBe(run.summary.changes);
  await page.getByRole('button', { name: /Show every deploy interval/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('over 100 quarters with your fixes', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);
});

test('on a 390 px phone, Start brings the counters into view with focus, and nothing scrolls sideways, with chart text at least 12 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4');
  await sim.predict("At a developer's desk");
  await sim.start();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="day"]')).toBeInViewport();
  await sim.pauseIfPlaying();
  if ((await sim.state()) !== 'review') await page.getByRole('button', { name: 'Run to the end' }).click();
  await sim.expectState('review');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Tables too wide for a phone scroll inside their own keyboard-reachable regions.
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(heights.length).toBeGreaterThan(0);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static table and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/production/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('With no gap closed, staging shares every difference with development');
  await context.close();
});

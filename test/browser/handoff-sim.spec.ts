// The handoff-pipeline simulation in a real browser: keyboard-only runs of each preset, links, the comparison and sweep, exports, saved missions and axe.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, chartClass, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { encodeResult } from '../../src/sim-kit/core/result-code.ts';
import { simulate, summarize } from '../../src/models/handoff/index.ts';
import { handoffFields, handoffParams } from '../../src/schemas/handoff-scenario.ts';
import { handoffCode } from '../../src/sims/handoff.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/waterfall/', 'handoff');
  await sim.open(query);
  return sim;
};
const start = (page: Page) => page.getByRole('button', { name: 'Start the run' }).click();
const toReview = async (page: Page, sim: SimPage) => {
  await page.getByRole('button', { name: 'Run to the end' }).click();
  await sim.expectState('review');
};

// Whole runs in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

// One keyboard run (the Agile preset, reached with an arrow key); the other presets are played by mouse below.
for (const [way, presses] of [['Agile', 1]] as Array<['Waterfall' | 'Agile' | 'DevOps', number]>) {
  test(`a keyboard-only learner predicts, plays the ${way} preset to the review, and sees the guess beside the result, axe-clean throughout`, async ({
    page,
  }) => {
    const { problems } = watch(page);
    const sim = await open(page, '?seed=3');
    expect(await axeViolations(page, '.sim-embed')).toEqual([]);
    await expect(page.getByRole('button', { name: 'Start the run' })).toBeDisabled();
    await page.locator('#setup-heading').click();
    await tabTo(page, 'Every team twice as fast');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-predict]').getByLabel('Handing off one item at a time')).toBeChecked();
    await tabTo(page, 'Waterfall');
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel(way, { exact: true })).toBeChecked();
    await tabTo(page, 'Start the run');
    await page.keyboard.press('Enter');
    await expect(page.locator('#run-heading')).toBeFocused();
    await expect(page.locator('#run-heading')).toContainText(way === 'DevOps' ? 'DevOps' : way.toLowerCase());
    await tabTo(page, 'Pause');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
    const day = Number(await page.locator('[data-stat="day"]').textContent());
    await tabTo(page, 'Step one day');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-stat="day"]')).toHaveText(String(day + 1));
    expect(await axeViolations(page, '.sim-embed')).toEqual([]);
    await tabTo(page, 'Run to the end');
    await page.keyboard.press('Enter');
    await sim.expectState('review');
    await expect(page.locator('#review-heading')).toBeFocused();
    await expect(page.locator('[data-prediction]')).toContainText(
      'You predicted: handing off one item at a time would help lead time more. On your dice, in waterfall:',
    );
    await expect(page.locator('[data-announcer]')).toContainText(/All \d+ items are live by day \d+\. Median lead time \d+ working days/);
    for (const tile of ['lead', 'spread', 'flow', 'first-live', 'feedback', 'laps', 'door'])
      await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
    await expect(page.locator('.sim-review figcaption')).toContainText(/Lead times of your \d+ items/);
    await expect(page.locator('[data-result-code]')).toHaveValue(/^SS2-h-1-/);
    expect(await axeViolations(page, '.sim-embed')).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('shows every station as a row of items that are working or waiting, updated each day', async ({ page }) => {
  const sim = await open(page, '?seed=5&way=devops');
  await sim.predict('About the same');
  await start(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const rows = page.locator('[data-pipeline] tbody tr');
  await expect(rows.locator('th')).toHaveText([
    'Backlog (not started)',
    'Product',
    'Design',
    'Engineering',
    'QA',
    'Release',
    'Technical Operations',
    'Door to Release',
  ]);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const day = Number(await page.locator('[data-stat="day"]').textContent());
  for (let i = 0; i < 15; i++) await page.getByRole('button', { name: 'Step one day' }).click();
  await expect(page.locator('[data-stat="day"]')).toHaveText(String(day + 15));
  const tokens = page.locator('[data-pipeline] tbody .token');
  for (let i = 0; i < 60 && (await tokens.count()) === 0; i++) await page.getByRole('button', { name: 'Step one day' }).click();
  await expect(tokens.first()).toBeVisible();
  const said = await page.locator('[data-pipeline] tbody .visually-hidden').allTextContents();
  expect(said.some((t) => /^\d+ items?: \d+ being worked on, \d+ waiting$/.test(t))).toBe(true);
  expect(await page.locator('[data-pipeline] tbody .token-working, [data-pipeline] tbody .token-waiting').count()).toBe(await tokens.count());
});

test('keeps the comparison and the sweep hidden until a run is played, then compares the three ways on the same dice', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&way=agile');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('Every team twice as fast');
  await start(page);
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await toReview(page, sim);
  await expect(page.locator('[data-compare] thead th')).toHaveText(['Measure', 'Waterfall', 'Agile', 'DevOps']);
  await expect(page.locator('[data-compare-verdict]')).toContainText(/Waterfall: median lead time \d+ days/);
  await page.getByRole('button', { name: /Show lead time for every handoff batch size/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('over 50 sets of dice', { timeout: 30_000 });
  expect(workers.some((url) => /handoff\.worker/.test(url))).toBe(true);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
});

test('Release now pushes the finished work at the door out off the calendar, and says so', async ({ page }) => {
  const sim = await open(page, '?seed=1&way=agile');
  await sim.predict('About the same');
  await start(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const release = page.getByRole('button', { name: 'Release now' });
  await expect(release).toBeDisabled();
  for (let i = 0; i < 80 && (await release.isDisabled()); i++) await page.getByRole('button', { name: 'Step one day' }).click();
  await expect(page.locator('[data-release-note]')).toContainText(/wait(s)? at the door/);
  await release.click();
  await expect(page.locator('[data-announcer]')).toContainText('as you asked');
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&way=spiral&busy=120&wip=%3Cscript%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="way"]')).toContainText('“way” must be one of waterfall, agile, devops (got "spiral"); using the default instead.');
  await expect(box.locator('[data-param="busy"]')).toContainText('“busy” must be at most 95 (got "120")');
  await expect(box.locator('[data-param="wip"]')).toContainText('“wip” must be a number');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/way=waterfall/);
  expect(problems).toEqual([]);
});

test('exports the run as JSON that replays from its query, and CSV with a row per item', async ({ page }) => {
  const sim = await open(page, '?seed=42&way=devops&weeks=8');
  await sim.predict('About the same');
  await start(page);
  await toReview(page, sim);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'handoff' });
  expect(run.query).toContain('seed=42');
  expect(run.query).toContain('way=devops');
  expect(run.actions.every((a: { type: string }) => a.type === 'tick')).toBe(true);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('item,arrived (day),where,working days,waiting days,rework laps,reached the door (day),live (day),lead time (days)');
  expect(lines.length - 1).toBe(run.summary.items);
});

test('a finished run and the missions it won are kept in saved progress and shown after a reload', async ({ page }) => {
  const sim = await open(page, '?seed=8&way=devops');
  await sim.predict('Handing off one item at a time');
  await start(page);
  await toReview(page, sim);
  await expect(page.locator('.sim-review ~ .sim-missions [data-mission="early-feedback"]')).toHaveAttribute('data-won', 'yes');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.handoff.runs[0].code).toMatch(/^SS2-h-1-/);
  expect(saved.sims.handoff.missions['early-feedback']).toMatch(/^\d{4}-/);
  await page.reload();
  await sim.open('?seed=8&way=devops');
  await expect(page.locator('[data-last-run]')).toContainText('Your last run (devops)');
  await expect(page.locator('[data-mission="early-feedback"]')).toHaveAttribute('data-won', 'yes');
});

test('the projector view plays by single keys', async ({ page }) => {
  const sim = await open(page, '?seed=2&way=devops&present');
  await sim.predict('About the same');
  await page.locator('#setup-heading').click();
  await page.keyboard.press('p');
  await expect(page.locator('#run-heading')).toBeFocused();
  await page.keyboard.press('p');
  await page.keyboard.press('n');
  await page.keyboard.press('f');
  await sim.expectState('review');
  await expect(page).toHaveURL(/present/);
});

test('on a 390 px phone, Start brings the pipeline into view with focus, and chart text renders at 12 px or more', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4&way=agile');
  await sim.predict('About the same');
  await start(page);
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="day"]')).toBeInViewport();
  await toReview(page, sim);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(heights.length).toBeGreaterThan(0);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('without JavaScript the lessons explain the sim in its place, the agile lesson’s on its agile preset', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/waterfall/');
  await expect(page.locator('.sim-embed .sim-static')).toContainText('The simulation sends a stream of small ideas through the six teams');
  await expect(page.locator('.sim-embed .sim-static')).toBeVisible();
  await expect(page.locator('.sim-embed.sim-live')).toHaveCount(0);
  await page.goto('/lessons/agile/');
  await expect(page.locator('.sim-embed .sim-static')).toContainText('opened on the agile preset');
  await context.close();
});

test('the agile lesson embeds the sim opened on its agile preset, unless the link says otherwise', async ({ page }) => {
  const agile = new SimPage(page, '/lessons/agile/', 'handoff');
  await agile.open();
  await expect(page).toHaveURL(/way=agile/);
  await agile.open('?way=devops');
  await expect(page).toHaveURL(/way=devops/);
});

test('the class debrief charts handoff codes, one point per learner with a shape per way of working', async ({ page }) => {
  const codes: string[] = [];
  for (const [i, way] of (['waterfall', 'agile', 'devops'] as const).entries()) {
    const values = { ...defaultValues(handoffFields), way };
    codes.push(encodeResult(handoffCode, 2026, values, summarize(simulate(handoffParams(values), 2026)), `t00${i}`));
  }
  const { problems } = watch(page);
  const group = await chartClass(page, 'handoff', codes);
  await expect(group.locator('tbody tr')).toHaveCount(3);
  await expect(group.locator('figcaption')).toContainText('a shape per way of working (3 of 3 learners).');
  await expect(group.locator('svg[role="img"] :is(circle, rect[width="10"], path[fill]:not([fill="none"]))')).toHaveCount(3);
  await expect(group.locator('.chart-legend')).toContainText('Waterfall');
  expect(await axeViolations(page, '[data-debrief-sim="handoff"]')).toEqual([]);
  expect(problems).toEqual([]);
});

test('codes pasted while the debrief page is still loading are kept: the box opens for typing once it can read them', async ({ page }) => {
  const values = { ...defaultValues(handoffFields), way: 'devops' as const };
  const code = encodeResult(handoffCode, 2026, values, summarize(simulate(handoffParams(values), 2026)), 't009');
  // A slow phone or a busy laptop: the debrief island's code is held back until the test lets it through.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/Debrief\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/instructor/debrief/');
  await expect(page.locator('[data-codes]')).toBeDisabled();
  release();
  await page.locator('[data-codes]').fill(`Learner 1: ${code}`);
  await page.getByRole('button', { name: 'Chart the class' }).click();
  await expect(page.locator('[data-debrief-status]')).toContainText('1 learner counted');
});

// The configuration-drift simulation in a real browser: predict first, keyboard-only play, the fleet in words, links, comparison, exports, axe and a phone.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, chartClass, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';
import { defaultValues } from '../../src/sim-kit/core/fields.ts';
import { runToEnd } from '../../src/sim-kit/core/model.ts';
import { encodeResult } from '../../src/sim-kit/core/result-code.ts';
import { model, summarize } from '../../src/models/drift/index.ts';
import { driftFields, driftParams } from '../../src/schemas/drift-scenario.ts';
import { driftCode } from '../../src/sims/drift.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/source-control/', 'drift');
  await sim.open(query);
  return sim;
};
const BY_HAND = 'Fixing every event by hand on its one server';

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, decides each event, reaches the review and sees the guess beside the result, axe-clean throughout', async ({
  page,
}) => {
  const { problems } = watch(page);
  const sim = await open(page, '?seed=3&days=12');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start the quarter' })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, BY_HAND);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Changing the versioned configuration every time')).toBeChecked();
  await tabTo(page, 'Start the quarter');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  let decisions = 0;
  for (let i = 0; i < 80 && (await sim.state()) !== 'review'; i++) {
    if ((await sim.state()) === 'decision') {
      if (decisions === 0) {
        await expect(page.locator('#decision-heading')).toBeFocused();
        expect(await axeViolations(page, '.sim-embed')).toEqual([]);
      }
      await tabTo(page, decisions % 2 ? 'Change the configuration' : /^(Fix it by hand|Revert it in one step)$/);
      await page.keyboard.press('Enter');
      decisions++;
    } else {
      await tabTo(page, 'Run to the next event');
      await page.keyboard.press('Enter');
    }
  }
  await sim.expectState('review');
  expect(decisions).toBeGreaterThan(1);
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: changing the versioned configuration every time would cost more');
  await expect(page.locator('[data-announcer]')).toContainText('The quarter is over');
  for (const tile of ['minutes', 'per-fix', 'configs', 'incidents', 'rebuild']) await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  expect(problems).toEqual([]);
});

test('each server tile names its configuration in words and a letter, not colour alone, and a hand fix splits the fleet', async ({ page }) => {
  const sim = await open(page, '?seed=3&servers=6&fault=0');
  await sim.predict('About the same');
  await sim.start();
  // Paused, the clock stays still after the fix, so the fleet and the live region can be read as the fix left them.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Run to the next event' }).click();
  await sim.expectState('decision');
  const tiles = page.locator('[data-fleet] li');
  await expect(tiles).toHaveCount(6);
  await expect(tiles.first()).toContainText('web-1');
  await expect(tiles.first()).toContainText('configuration A (as in the repository)');
  await expect(page.locator('[data-fleet] li[data-event]')).toContainText('event waiting here');
  await expect(page.locator('[data-cost="hand"]')).toContainText('the fleet would hold 2 configurations');
  const server = await page.locator('[data-fleet] li[data-event]').getAttribute('data-server');
  await page.getByRole('button', { name: 'Fix it by hand' }).click();
  await expect(page.locator(`[data-fleet] li[data-server="${server}"]`)).toHaveAttribute('data-group', 'B');
  await expect(page.locator(`[data-fleet] li[data-server="${server}"]`)).toContainText('1 hand change');
  await expect(page.locator('[data-stat="configs"]')).toHaveText('2');
  await expect(page.locator('[data-announcer]')).toContainText(`Fixed ${server} by hand`);
});

test('keeps the comparison and the sweep hidden until a run is played, then compares on the same dice and sweeps in a worker', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&days=20');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('About the same');
  await sim.start();
  await sim.expectState('decision');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'All in the configuration' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-compare] thead th')).toHaveText(['Measure', 'Your quarter', 'All by hand', 'All in the configuration']);
  const row = page.locator('[data-compare] tbody tr', { hasText: 'Configurations at the end' });
  await expect(row.locator('td').nth(0)).toHaveText('1');
  await page.getByRole('button', { name: /Show every share of hand fixes/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('averaged over 100 quarters', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
});

test('the same scenario link played the same way gives identical exported JSON, and the CSV has a row per event', async ({ browser }) => {
  const link = '?seed=42&days=15&servers=5';
  const exports: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sim = await open(page, link);
    await sim.predict('About the same');
    await sim.start();
    await sim.expectState('decision');
    await page.getByRole('button', { name: 'Fix it by hand' }).click();
    await page.getByRole('button', { name: 'All in the configuration' }).click();
    await sim.expectState('review');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    exports.push(readFileSync(await (await download).path(), 'utf8'));
    if (i === 1) {
      const csv = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const lines = readFileSync(await (await csv).path(), 'utf8')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('event,day,kind,server,handled,minutes,faulty');
      expect(lines.length - 1).toBe(JSON.parse(exports[0]!).summary.events);
    }
    await context.close();
  }
  expect(exports[0]).toBe(exports[1]);
  const run = JSON.parse(exports[0]!);
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'drift' });
  expect(run.query).toContain('seed=42');
  expect(run.actions[0]).toEqual({ type: 'day' });
  expect(run.actions).toContainEqual({ type: 'fix', how: 'hand' });
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&servers=abc&policy=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="servers"]')).toContainText('“servers” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="policy"]')).toContainText('“policy” must be one of hand, code');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/servers=8/);
  expect(problems).toEqual([]);
});

test('on a 390 px phone, Start brings the counters into view with focus, and nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4&days=10&servers=16');
  await sim.predict('About the same');
  await sim.start();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="day"]')).toBeInViewport();
  await sim.expectState('decision');
  await page.getByRole('button', { name: 'All by hand' }).click();
  await sim.expectState('review');
  await page.getByRole('button', { name: /Show every share of hand fixes/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('a finished run and its missions are kept in saved progress, with a result code, and shown after a reload', async ({ page }) => {
  const sim = await open(page, '?seed=2');
  await sim.predict(BY_HAND);
  await sim.start();
  await sim.expectState('decision');
  await page.getByRole('button', { name: 'All in the configuration' }).click();
  await sim.expectState('review');
  expect(await sim.resultCode()).toMatch(/^SS2-dr-1-/);
  await expect(page.locator('[data-mission="rebuild-any-server"]').first()).toHaveAttribute('data-won', 'yes');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.drift.runs).toHaveLength(1);
  expect(saved.sims.drift.runs[0].code).toMatch(/^SS2-dr-1-/);
  await page.reload();
  await sim.open('?seed=2');
  await expect(page.locator('[data-last-run]')).toContainText('Your last run: 0 fixes by hand');
  await expect(page.locator('[data-mission="rebuild-any-server"]')).toHaveAttribute('data-won', 'yes');
});

test('the projector view works by single keys: play, fix by hand, fix in the configuration, restart', async ({ page }) => {
  const sim = await open(page, '?seed=1&days=10&present');
  await sim.predict('About the same');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('p');
  await sim.expectState('decision');
  await page.keyboard.press('h');
  await expect(page.locator('[data-stat="fixes"]')).toHaveText(/^1 \/ 0$/);
  await sim.expectState('decision');
  await page.keyboard.press('c');
  await expect(page.locator('[data-stat="fixes"]')).toHaveText(/^1 \/ 1$/);
  await page.keyboard.press('r');
  await sim.expectState('configure');
  await expect(page).toHaveURL(/[?&]present/);
});

test('without JavaScript the lesson shows the static table and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/source-control/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('Each hand fix is three times quicker');
  await context.close();
});

test('the class debrief charts drift codes: team time against the share of fixes made by hand, a shape per default way of fixing', async ({ page }) => {
  const codes = (['hand', 'code', 'mixed'] as const).map((policy, i) => {
    const values = { ...defaultValues(driftFields), policy };
    return encodeResult(driftCode, 2026, values, summarize(runToEnd(model, driftParams(values), 2026)), `d00${i}`);
  });
  const { problems } = watch(page);
  const group = await chartClass(page, 'drift', codes);
  await expect(group.locator('tbody tr')).toHaveCount(3);
  await expect(group.locator('figcaption')).toContainText('a shape per default way of fixing (3 of 3 learners).');
  await expect(group.locator('svg[role="img"] :is(circle, rect[width="10"], path[fill]:not([fill="none"]))')).toHaveCount(3);
  await expect(group.locator('.chart-legend')).toContainText('In the configuration');
  expect(await axeViolations(page, '[data-debrief-sim="drift"]')).toEqual([]);
  expect(problems).toEqual([]);
});

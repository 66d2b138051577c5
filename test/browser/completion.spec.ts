// The course summary as a finish: each simulation's best saved run and missions against the registry's totals, confidence before and after, and what to do next.
import { expect, test } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';

test.beforeEach(() => test.slow());

const at = (day: number) => `2026-05-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const progress = {
  version: 4,
  visited: {},
  completed: { origins: at(1), waterfall: at(2) },
  quiz: {},
  last: null,
  confidence: { before: { at: at(1), ratings: { origins: 2, incentives: 3 } }, after: { at: at(9), ratings: { origins: 4, incentives: 4 } } },
  assessment: null,
  sims: {
    batch: {
      runs: [
        { at: at(3), code: 'SS2-b-1-calm', query: 'seed=1', summary: { downtimeMinutes: 30, changesDeployed: 250 } },
        { at: at(4), code: 'SS2-b-1-stormy', query: 'seed=1', summary: { downtimeMinutes: 900, changesDeployed: 20 } },
      ],
      missions: { 'calm-quarter': at(3) },
    },
    capstone: {
      runs: [
        { at: at(5), code: 'SS2-cq-1-elite', query: 'seed=2', summary: { eliteKeys: 4, featuresLive: 270 } },
        { at: at(6), code: 'SS2-cq-1-fewer', query: 'seed=2', summary: { eliteKeys: 2, featuresLive: 310 } },
      ],
      missions: { 'elite-quarter': at(5), 'quiet-nights': at(5) },
    },
  },
};

test('the summary shows the best run of each simulation, missions of the total, the confidence change and what to do next', async ({ page }) => {
  const { problems } = watch(page);
  await page.goto('/completion/');
  await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [PROGRESS_KEY, JSON.stringify(progress)]);
  await page.reload();
  const total = Number(await page.locator('[data-missions-total]').getAttribute('data-missions-total'));
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(page.locator('[data-missions-total]')).toHaveText(new RegExp(`^Missions completed: 3 of ${total}, across \\d+ simulations\\.$`));
  const batch = page.locator('[data-sim-row="batch"]');
  await expect(batch.locator('[data-runs]')).toHaveText('2');
  await expect(batch.locator('[data-best]')).toContainText('SS2-b-1-calm');
  await expect(batch.locator('[data-won]')).toHaveText('1 of 3');
  const capstone = page.locator('[data-sim-row="capstone"]');
  await expect(capstone.locator('[data-best]')).toContainText('SS2-cq-1-elite');
  await expect(capstone.locator('[data-won]')).toHaveText('2 of 3');
  await expect(page.locator('[data-sim-row="drift"] [data-best]')).toHaveText('Not played yet');
  await expect(page.getByRole('table', { name: 'Your best run: Capstone: run a quarter' })).toContainText('SS2-cq-1-elite');
  await expect(page.locator('[data-sim-summary="capstone"]')).toContainText('Missions won (2 of 3): elite-quarter (May 5, 2026), quiet-nights (May 5, 2026).');
  await expect(page.locator('[data-confidence-mean]')).toHaveText('Average confidence, out of 5: 2.5 before, 4.0 after (+1.5).');
  const next = page.locator('[data-next] li:visible');
  await expect(next.filter({ hasText: 'Carry on with lesson 3' })).toHaveCount(1);
  await expect(page.locator('[data-next-lesson]:visible')).toHaveCount(1);
  await expect(page.locator('[data-next-sim]:visible')).toHaveCount(2);
  await expect(page.locator('[data-next-assessment]')).toBeVisible();
  await expect(page.locator('[data-next-confidence]')).toBeHidden();
  expect(await axeViolations(page, '[data-completion]')).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(problems).toEqual([]);
});

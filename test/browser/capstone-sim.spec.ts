// The capstone simulation in a real browser: a keyboard-only quarter with axe at each stage, a bad link, the comparison, sweep, missions and exports, a phone, and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/together/', 'capstone');
  await sim.open(query);
  return sim;
};
const SOME = 'Several levers together, but not all six';
const ALL_SIX = 'team=shared&parity=full&tests=pyramid&iac=code&deploy=continuous&flags=on';

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, answers each incident, reaches the scorecard with the guess beside it, and the code is saved; axe passes throughout', async ({
  page,
}) => {
  // Three axe passes and a whole quarter by keyboard: more than a slow test's time on a loaded 2-core machine.
  test.setTimeout(240_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=4&days=12&deploy=daily');
  await expect(page.getByRole('button', { name: 'Start the quarter' })).toBeDisabled();
  expect(await axeViolations(page, '[data-sim="capstone"]')).toEqual([]);
  await page.locator('#setup-heading').click();
  await tabTo(page, 'One well-chosen lever is enough');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(SOME)).toBeChecked();
  await tabTo(page, 'Start the quarter');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  // The quarter plays on its own: pause it by keyboard first (unless an incident already stopped it), then go incident by incident.
  let paused = false;
  try {
    await tabTo(page, 'Pause', 5);
    await page.keyboard.press('Enter');
    paused = true;
  } catch (error) {
    if ((await sim.state()) === 'running') throw error;
  }
  let decisions = 0;
  for (let i = 0; i < 80 && (await sim.state()) !== 'review'; i++) {
    if ((await sim.state()) === 'decision') {
      if (decisions === 0) {
        if (paused) await expect(page.locator('#decision-heading')).toBeFocused();
        await expect(page.locator('[data-cost="rollback"]')).toContainText('come out and wait for the next deploy');
        expect(await axeViolations(page, '[data-sim="capstone"]')).toEqual([]);
      }
      await tabTo(page, decisions % 2 ? 'Find the bad change and fix forward' : /^(Roll back the whole deploy|Rebuild the server)$/);
      await page.keyboard.press('Enter');
      decisions++;
    } else {
      await tabTo(page, 'Run to the next incident');
      await page.keyboard.press('Enter');
    }
  }
  await sim.expectState('review');
  expect(decisions).toBeGreaterThan(1);
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: several levers together, but not all six to reach elite on all four keys.');
  await expect(page.locator('[data-prediction]')).toContainText('On your dice:');
  await expect(page.locator('[data-announcer]')).toContainText('The quarter is over');
  await expect(page.locator('[data-scorecard]').first()).toContainText('bands from DORA’s 2024 report');
  for (const row of [
    'Deployment frequency',
    'Lead time for changes',
    'Change failure rate',
    'Failed deployment recovery time',
    'Downtime',
    'Features live',
    'Night-time pages',
    'Spend',
  ])
    await expect(page.locator('[data-scorecard]').first().locator('tbody th', { hasText: row })).toHaveCount(1);
  expect(await axeViolations(page, '[data-sim="capstone"]')).toEqual([]);
  expect(await sim.resultCode()).toMatch(/^SS2-cq-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.capstone.runs).toHaveLength(1);
  expect(saved.sims.capstone.runs[0].code).toMatch(/^SS2-cq-1-/);
  expect(saved.sims.capstone.runs[0].summary.levers).toBe('000020-00000');
  expect(problems).toEqual([]);
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&team=abc&days=5000&deploy=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&tests=pyramid');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="team"]')).toContainText('“team” must be one of silos, middle, shared (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="days"]')).toContainText('“days” must be at most 130');
  await expect(box.locator('[data-param="deploy"]')).toContainText('“deploy” must be one of monthly, weekly, daily, continuous');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[data-field="tests"] input[value="pyramid"]')).toBeChecked();
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/team=silos/);
  await expect(page).toHaveURL(/tests=pyramid/);
  expect(problems).toEqual([]);
});

test('the comparison and the sweep wait for a finished quarter; all six levers win a mission; JSON and CSV export the run', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, `?seed=2&days=20&${ALL_SIX}`);
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict(SOME);
  await sim.start();
  await sim.pauseIfPlaying();
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'Answer the rest for me' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-announcer]')).toContainText('The quarter is over');
  await expect(page.locator('.sim-compare [data-scorecard] thead th').first()).toHaveText('Measure');
  await expect(page.locator('.sim-compare [data-scorecard] thead th')).toContainText(['Your quarter', 'At the start', 'All six levers']);
  await expect(page.locator('[data-mission="elite-quarter"]').first()).toHaveAttribute('data-won', 'yes');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(Object.keys(saved.sims.capstone.missions)).toContain('elite-quarter');
  await page.getByRole('button', { name: /Show every combination of levers/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('Keys in the elite band against the number of levers pulled', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'capstone' });
  expect(run.query).toContain('seed=2');
  expect(run.actions[0]).toEqual({ type: 'day' });
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('incident,day,hour,at night,kind,answer,minutes to restore,downtime minutes');
  expect(lines.length - 1).toBe(run.summary.outages);
});

test('on a 390 px phone the setup, a quarter and its review fit with no sideways scroll, managed services name their AWS service, chart text stays legible', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4&days=12&deploy=daily');
  await page.locator('summary', { hasText: 'Managed cloud services' }).click();
  await expect(page.locator('[data-service="tests"]')).toContainText('AWS CodeBuild, checked 2026-12');
  await expect(page.locator('[data-cost-line]')).toContainText('spends $0 a quarter');
  await page.getByLabel('A broad base of fast unit and integration tests').check();
  await page.locator('[data-service="tests"] input[type="checkbox"]').check();
  await expect(page.locator('[data-cost-line]')).toContainText('spends $1,500 a quarter');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await sim.predict(SOME);
  await sim.start();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="day"]')).toBeInViewport();
  await sim.expectState('decision');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: 'Answer the rest for me' }).click();
  await sim.expectState('review');
  await page.getByRole('button', { name: /Show every combination of levers/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static table and what the property test shows', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/together/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('Averaged over 200 quarters');
  await expect(page.locator('#what-the-property-test-shows')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jump to the simulation' })).toHaveAttribute('href', '#run-a-quarter');
  await context.close();
});

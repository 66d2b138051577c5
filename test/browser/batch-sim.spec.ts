// The batch-size simulation in a real browser: predict first, keyboard-only play, links and locks, the comparison, exports, saved runs and axe.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo, watchChartText } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/batch-size/', 'batch');
  await sim.open(query);
  return sim;
};
const ROLL_BACK_FIRST = ['Roll back the whole deploy', 'Find the bad change and fix forward'];

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, plays a quarter to the review, and sees the guess beside the result, with axe clean in setup and review', async ({
  page,
}) => {
  const { problems } = watch(page);
  const sim = await open(page, '?seed=3&days=20&policy=weekly');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start the quarter' })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, 'The team that deploys every day');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('The team that deploys once a quarter')).toBeChecked();
  // Counts each time an outage takes focus: on a busy machine an outage can land while Tab is being pressed, and the
  // next Tab then moves on from the heading, as it would for a learner, so the test checks that focus came, not stayed.
  await page.evaluate(() => {
    const seen = window as unknown as { incidentFocus: number };
    seen.incidentFocus = 0;
    document.addEventListener('focusin', (e) => {
      if ((e.target as Element).id === 'incident-heading') seen.incidentFocus++;
    });
  });
  const incidentFocus = () => page.evaluate(() => (window as unknown as { incidentFocus: number }).incidentFocus);
  await tabTo(page, 'Start the quarter');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  let answered = 0;
  // Pause first, as a keyboard learner would, so an outage never moves focus while Tab is being pressed; a short quarter
  // may already have stopped at an outage, which the loop below answers.
  if (
    (await sim.state()) === 'running' &&
    (await tabTo(page, 'Pause', 10).then(
      () => true,
      () => false,
    ))
  )
    await page.keyboard.press('Enter');
  for (let i = 0; i < 60 && (await sim.state()) !== 'review'; i++) {
    if ((await sim.state()) === 'decision') {
      await expect.poll(incidentFocus).toBeGreaterThan(answered);
      await tabTo(page, /^(Roll back the whole deploy|Find the bad change and fix forward)$/);
      await page.keyboard.press('Enter');
      answered++;
    } else {
      // The run may reach its end or an outage while focus travels; the loop then reads the new state.
      const reached = await tabTo(page, 'Run to the next outage', 40).then(
        () => true,
        () => false,
      );
      if (reached) await page.keyboard.press('Enter');
    }
  }
  await sim.expectState('review');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: the team that deploys once a quarter');
  await expect(page.locator('[data-weakest]')).toContainText(/weakest key is .+ band of DORA’s 2024 report/);
  await expect(page.locator('[data-announcer]')).toContainText('The quarter is over');
  for (const tile of ['live', 'lead', 'outages', 'downtime', 'restore']) await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  expect(problems).toEqual([]);
});

test('keeps the comparison and the sweep hidden until a run is played, and compares the played run on the same dice', async ({ page }) => {
  const sim = await open(page, '?seed=9&policy=monthly&days=30');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('About the same');
  await sim.start();
  await sim.pauseIfPlaying();
  await sim.playToReview('Run to the next outage', ['Find the bad change and fix forward']);
  const compare = page.locator('.sim-compare');
  await expect(compare.locator('.scorecard thead th')).toHaveText(['Measure', 'A: your run, deploy every month', 'B: continuous deployment']);
  await expect(compare).toContainText(/recovers the way you mostly did \((rolling back|fixing forward)\)/);
  await compare.getByLabel('Compare with').selectOption('quarterly');
  await expect(compare.locator('.scorecard thead th').nth(2)).toHaveText('B: deploy once a quarter');
  await expect(page).toHaveURL(/vs=quarterly/);
  await page.getByRole('button', { name: /Show every deploy interval/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('over 100 sets of dice', { timeout: 30_000 });
});

test('shows the live risk of shipping now, and an outage with both recoveries and their costs, axe-clean', async ({ page }) => {
  const sim = await open(page, '?seed=1&days=10&defect=50&policy=manual&migration=0');
  await sim.predict('About the same');
  await sim.start();
  await sim.pauseIfPlaying();
  await page.getByRole('button', { name: 'Step one day' }).click();
  await expect(page.locator('[data-ship-risk]')).toContainText(/^\d+ changes? waiting: \d+% chance that shipping them now breaks production/);
  await page.getByRole('button', { name: 'Ship now' }).click();
  await sim.expectState('decision');
  await expect(page.locator('#incident-heading')).toBeFocused();
  await expect(page.locator('[data-announcer]')).toContainText('Outage! Deploy 1');
  await expect(page.locator('#cost-rollback')).toContainText('leave production until the bad one is found and fixed');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await page.getByRole('button', { name: 'Roll back the whole deploy' }).click();
  await expect(page.locator('[data-announcer]')).toContainText('Rolled back deploy 1');
});

test('refuses a rollback when the deploy holds a migration, and says why', async ({ page }) => {
  const sim = await open(page, '?seed=1&days=10&defect=50&migration=100&policy=daily');
  await sim.predict('About the same');
  await sim.start();
  await sim.expectState('decision');
  await expect(page.getByRole('button', { name: 'Roll back the whole deploy' })).toBeDisabled();
  await expect(page.locator('#cost-rollback')).toContainText('migration that cannot be undone');
});

test('the same scenario link opened twice gives identical exported JSON, and CSV has a row per deploy', async ({ browser }) => {
  const link = '?seed=42&days=5&rate=3&defect=6&policy=daily&recovery=fix-forward';
  const exports: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sim = await open(page, link);
    await sim.predict('About the same');
    await sim.start();
    await sim.pauseIfPlaying();
    await sim.playToReview('Run to the next outage', ['Find the bad change and fix forward']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    exports.push(readFileSync(await (await download).path(), 'utf8'));
    if (i === 1) {
      const csv = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const lines = readFileSync(await (await csv).path(), 'utf8')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('deploy,day,kind,changes,failed,defects,migration,recovery,downtime_minutes,diagnosis_minutes');
      expect(lines.length - 1).toBe(Number(await page.locator('[data-stat="deploys"]').textContent()));
    }
    await context.close();
  }
  expect(exports[0]).toBe(exports[1]);
  const run = JSON.parse(exports[0]!);
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'batch' });
  expect(run.query).toContain('seed=42');
  expect(run.query).toContain('policy=daily');
  expect(run.table.rows.length).toBe(run.summary.deploys);
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&days=abc&policy=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="days"]')).toContainText('“days” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="policy"]')).toContainText('“policy” must be one of continuous, daily');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/days=65/);
  expect(problems).toEqual([]);
});

test('a link may ask for anything its field allows: ?rate=15 shows 15, not the old slider’s 12', async ({ page }) => {
  await open(page, '?rate=15&defect=30');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Changes ready per day')).toHaveValue('15');
  await expect(page.getByLabel('Chance a change breaks production')).toHaveValue('30');
  await expect(page.locator('.sim-problems')).toHaveCount(0);
});

test('a challenge link locks every named setting, recovery included, and the learner cannot lift the locks', async ({ page }) => {
  await open(page, '?seed=5&defect=8&recovery=fix-forward&lock=seed,defect,recovery');
  await expect(page.locator('[data-locked]')).toContainText('seed, defect, recovery');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toBeDisabled();
  await expect(page.locator('[data-field="recovery"] input').first()).toBeDisabled();
  await expect(page.getByLabel('Weak suite: 8% of changes break production')).toBeDisabled();
  await page.locator('summary', { hasText: 'Instructor and sharing' }).click();
  await expect(page.locator('[data-challenge]')).toContainText('opened from a challenge link');
  await expect(page.locator('.lock-grid')).toHaveCount(0);
  await page.locator('[data-field="policy"]').getByLabel('Every day', { exact: true }).check();
  await expect(page).toHaveURL(/policy=daily/);
  await expect(page).toHaveURL(/lock=seed%2Cdefect%2Crecovery/);
});

test('the QR code holds the full link from its first drawing, and building a challenge changes only the shared link', async ({ page }) => {
  await open(page, '?seed=12');
  await page.locator('summary', { hasText: 'Instructor and sharing' }).click();
  const qr = page.locator('.qr');
  await expect(qr).toHaveAttribute('data-qr', /^http:\/\/127\.0\.0\.1:\d+\/lessons\/batch-size\/\?seed=12&/);
  await page.locator('.lock-grid').getByLabel('seed').check();
  await expect(qr).toHaveAttribute('data-qr', /lock=seed$/);
  await expect(page).not.toHaveURL(/lock=/);
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toBeEnabled();
});

test('the projector view keeps ?present in the address, shows the comparison, and works by single keys', async ({ page }) => {
  const sim = await open(page, '?seed=1&days=10&defect=0&policy=daily&present');
  await expect(page).toHaveURL(/[?&]present/);
  await sim.predict('About the same');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('p');
  await expect.poll(() => sim.state()).toBe('running');
  await page.keyboard.press('p');
  await page.keyboard.press('f');
  await sim.expectState('review');
  await expect(page.locator('.sim-compare')).toBeVisible();
  await expect(page).toHaveURL(/[?&]present/);
  await page.keyboard.press('r');
  await expect.poll(() => sim.state()).toBe('running');
  await expect(page.locator('[data-announcer]')).not.toContainText('The quarter is over');
});

test('on a 390 px phone, Start brings the counters into view with focus, and chart text renders at 12 px or more', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const smallestChartText = await watchChartText(page);
  const sim = await open(page, '?seed=4&days=10&policy=weekly');
  await sim.predict('About the same');
  await sim.start();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="day"]')).toBeInViewport();
  await sim.pauseIfPlaying();
  await sim.playToReview('Run to the next outage', ROLL_BACK_FIRST);
  // The review's comparison loads lazily: wait for both timelines before measuring any chart text.
  const timelines = page.locator('.compare-timelines .sim-chart');
  await expect(timelines).toHaveCount(2);
  // Every frame since the page opened, not only now: a chart drawn before it was measured would flash tiny text.
  const smallest = await smallestChartText();
  expect(smallest, 'no chart text was drawn').toBeLessThan(Infinity);
  expect(smallest).toBeGreaterThanOrEqual(12);
  await expect(timelines.nth(1).locator('svg text').first()).toHaveText((await timelines.nth(0).locator('svg text').first().textContent())!);
  await context.close();
});

test('a finished run and its missions are kept in saved progress and shown after a reload', async ({ page }) => {
  const sim = await open(page, '?seed=2&policy=continuous');
  await sim.predict('The team that deploys once a quarter');
  await sim.start();
  await sim.pauseIfPlaying();
  await sim.playToReview('Run to the next outage', ROLL_BACK_FIRST);
  await expect(page.locator('[data-mission="elite-every-key"]')).toHaveAttribute('data-won', 'yes');
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.batch.runs).toHaveLength(1);
  expect(saved.sims.batch.runs[0].code).toMatch(/^SS2-b-1-/);
  expect(saved.sims.batch.missions['elite-every-key']).toMatch(/^\d{4}-/);
  await page.reload();
  await sim.open('?seed=2&policy=continuous');
  await expect(page.locator('[data-last-run]')).toContainText('Your last run (continuous)');
  await expect(page.locator('[data-mission="elite-every-key"]')).toHaveAttribute('data-won', 'yes');
});

test('the Monte Carlo points come from a worker, and a failed worker shows the formula with a reason instead of “simulating” forever', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=4&days=5&policy=daily');
  await sim.predict('About the same');
  await sim.start();
  await expect(page.locator('[data-monte-carlo="done"]')).toContainText('simulated: 10,000 deploys per size', { timeout: 30_000 });
  expect(workers.some((url) => /risk\.worker/.test(url))).toBe(true);

  // A fresh context with no service worker, whose worker file fails to load: the chart must say so and keep the formula.
  const context = await page.context().browser()!.newContext({ serviceWorkers: 'block' });
  const broken = await context.newPage();
  await broken.route(/risk\.worker/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("broken worker")' }));
  const again = await open(broken, '?seed=4&days=5&policy=daily');
  await again.predict('About the same');
  await again.start();
  await expect(broken.locator('[data-monte-carlo="failed"]')).toContainText('could not be computed', { timeout: 30_000 });
  await expect(broken.locator('.sim-chart path').first()).toBeVisible();
  await context.close();
});

test('without JavaScript the lesson shows the static figure and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/batch-size/');
  await expect(page.locator('.sim-static svg[role="img"]')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('four DORA keys');
  await context.close();
});

test('a prose lesson loads no React', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/lessons/origins/');
  await page.waitForLoadState('networkidle');
  const sources = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  expect(sources.some((s) => s.includes('react.production') || s.includes('__reactContainer') || s.includes('useSyncExternalStore'))).toBe(false);
});

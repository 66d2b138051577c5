// Progress is never lost: export/import with merge, replace and undo, bad files refused, corrupt data reset, saving paused safely, sims shown.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, passQuiz, PROGRESS_KEY, watch } from './site.ts';

test('exported progress restores everything in a fresh browser', async ({ page, browser }) => {
  await page.goto('/lessons/waterfall/');
  await passQuiz(page);
  await page.goto('/lessons/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(JSON.parse(exported).progress.completed).toHaveProperty('waterfall');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/lessons/');
  await expect(other.locator('[data-lesson-item="waterfall"] [data-state-text]')).toHaveText('Not started');
  await other.locator('input[data-import]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(other.locator('[data-import-status]')).toContainText('Progress imported from progress.json: 1 completed lesson.');
  await expect(other.locator('[data-lesson-item="waterfall"] [data-state-text]')).toHaveText('Completed');
  await fresh.close();
});

test('a file of the wrong shape is refused with a specific message and progress stays exactly as it was', async ({ page }) => {
  await page.goto('/lessons/agile/');
  await passQuiz(page);
  await page.goto('/lessons/');
  const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  await page
    .locator('input[data-import]')
    .setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","version":"1.0.0"}') });
  await expect(page.locator('[data-import-status]')).toContainText('Import failed: This is not a Ship Small progress file');
  await page.locator('input[data-import]').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(200_000, 32) });
  await expect(page.locator('[data-import-status]')).toContainText('a progress file is at most 100 KB');
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);
  await expect(page.locator('[data-lesson-item="agile"] [data-state-text]')).toHaveText('Completed');
});

test('corrupt saved data shows a notice, keeps a backup, and the page still works', async ({ page }) => {
  const { problems } = watch(page);
  await page.goto('/lessons/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"completed":'), PROGRESS_KEY);
  await page.goto('/lessons/origins/');
  await expect(page.locator('#progress-notice')).toContainText('Your saved progress could not be read (the saved data is not valid JSON)');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ship-small:progress-backup:')));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0]!)).toBe('{"version":2,"completed":');
  await passQuiz(page);
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Completed');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('#progress-notice')).toBeEmpty();
  expect(problems).toEqual([]);
});

test('old-version progress is migrated with a notice and nothing lost', async ({ page }) => {
  await page.goto('/lessons/');
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, completed: ['origins', 'agile'] })), PROGRESS_KEY);
  await page.reload();
  await expect(page.locator('#progress-notice')).toContainText('updated from an older format (version 1)');
  await expect(page.locator('[data-progress-text]')).toContainText('2 of');
});

test('two tabs stay consistent', async ({ context }) => {
  const map = await context.newPage();
  await map.goto('/lessons/');
  const lesson = await context.newPage();
  await lesson.goto('/lessons/origins/');
  await passQuiz(lesson);
  await expect(map.locator('[data-lesson-item="origins"] [data-state-text]')).toHaveText('Completed');
});

test('the theme choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.getByLabel('Theme').selectOption('system');
  await page.reload();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('progress the course wrote itself is read without loading the validator; anything else is validated', async ({ page }) => {
  const validatorLoads: string[] = [];
  page.on('request', (r) => {
    if (/progress-read/.test(r.url())) validatorLoads.push(r.url());
  });
  await page.goto('/lessons/origins/');
  await passQuiz(page);
  await page.goto('/lessons/');
  await expect(page.locator('[data-lesson-item="origins"] [data-state-text]')).toHaveText('Completed');
  expect(validatorLoads).toEqual([]);
  await page.evaluate(
    (key) => localStorage.setItem(key, (localStorage.getItem(key) ?? '').replace('"completed":{"origins"', '"completed":{"agile"')),
    PROGRESS_KEY,
  );
  await page.reload();
  await expect(page.locator('[data-lesson-item="agile"] [data-state-text]')).toHaveText('Completed');
  expect(validatorLoads).toHaveLength(1);
});

/** Runs axe (WCAG 2.1 AA) over one part of the page, which the page-wide audit only sees empty or hidden. */
async function axeClean(page: Page, selector: string): Promise<void> {
  expect(await axeViolations(page, selector)).toEqual([]);
}

/** An export file holding the given completed lessons, all on one date, plus anything else given. */
function progressFile(completed: string[], at: string, extra: Record<string, unknown> = {}): Buffer {
  const dates = Object.fromEntries(completed.map((slug) => [slug, at]));
  const progress = {
    version: 5,
    visited: dates,
    completed: dates,
    quiz: {},
    last: null,
    confidence: { before: null, after: null },
    assessment: null,
    sims: {},
    ...extra,
  };
  return Buffer.from(JSON.stringify({ app: 'ship-small', kind: 'progress', exportedAt: at, progress }));
}
const completedCount = (page: Page) =>
  page.evaluate((key) => Object.keys((JSON.parse(localStorage.getItem(key) ?? '{}') as { completed?: object }).completed ?? {}).length, PROGRESS_KEY);

test('importing an older file asks first, shows both sides, and merge, replace and cancel can each be undone or change nothing', async ({ page }) => {
  test.slow(); // three imports, each read, compared and applied: a long journey on a busy machine
  await page.goto('/lessons/');
  const input = page.locator('input[data-import]');
  const status = page.locator('[data-import-status]');
  const compare = page.locator('[data-import-compare]');
  await input.setInputFiles({
    name: 'newer.json',
    mimeType: 'application/json',
    buffer: progressFile(['origins', 'waterfall', 'agile', 'conway'], '2026-05-01T09:00:00.000Z'),
  });
  await expect(status).toContainText('Progress imported from newer.json: 4 completed lessons.');
  expect(await completedCount(page)).toBe(4);

  const older = {
    name: 'older.json',
    mimeType: 'application/json',
    buffer: progressFile(['origins', 'testing', 'retired-lesson'], '2026-01-01T09:00:00.000Z'),
  };
  await input.setInputFiles(older);
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('row', { name: /Lessons completed/ })).toHaveText(/Lessons completed\s*4\s*2/);
  await expect(compare).toContainText('The file is older than what this browser holds');
  await expect(compare).toContainText('1 lesson this course does not have (retired-lesson)');
  await expect(compare.locator('[data-import-heading]')).toBeFocused();
  await axeClean(page, '[data-import-compare]');
  expect(await completedCount(page)).toBe(4);

  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(compare).toBeHidden();
  await expect(status).toContainText('Merged older.json into this browser’s progress. This browser now holds 5 completed lessons.');
  await expect(page.locator('[data-lesson-item="testing"] [data-state-text]')).toHaveText('Completed');
  expect(await page.evaluate(() => localStorage.getItem('ship-small:progress-backup:before-import'))).toContain('"conway"');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(status).toContainText('Import undone');
  await expect(page.locator('[data-lesson-item="testing"] [data-state-text]')).toHaveText('Not started');
  expect(await completedCount(page)).toBe(4);

  await input.setInputFiles(older);
  await page.getByRole('button', { name: 'Replace with the file' }).click();
  await expect(status).toContainText('This browser now holds 2 completed lessons.');
  await expect(page.locator('[data-lesson-item="conway"] [data-state-text]')).toHaveText('Not started');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.locator('[data-lesson-item="conway"] [data-state-text]')).toHaveText('Completed');
  expect(await completedCount(page)).toBe(4);

  const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  await input.setInputFiles(older);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Import cancelled. Nothing was changed.');
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);
});

// While saving is paused the quiz still works on the page: the pass rule reads the answers given here (kept in memory),
// so passing completes the lesson as it does when saving works, and everything is saved once the validator loads.
// The service worker is blocked here: it would serve the validator from its cache, past the route that fails it.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('when the validator cannot load, saving pauses, saved data stays untouched, and the learner is told', async ({ page }) => {
    test.slow(); // every change while paused retries the validator's load
    const v3 = JSON.stringify({
      version: 3,
      visited: {},
      completed: { origins: '2026-01-01T09:00:00.000Z' },
      quiz: {},
      last: null,
      confidence: { before: null, after: null },
      assessment: null,
    });
    await page.goto('/lessons/');
    await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [PROGRESS_KEY, v3]);
    await page.route(/progress-read/, (route) => route.abort());
    await page.goto('/lessons/agile/');
    await expect(page.locator('#progress-notice')).toContainText('Saving is paused');
    await passQuiz(page);
    await expect(page.locator('[data-quiz] [data-score]')).toContainText('(passed)');
    await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Completed');
    await expect(page.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(v3);

    await page.unroute(/progress-read/);
    await page.getByRole('button', { name: 'Mark as not complete' }).click();
    await page.getByRole('button', { name: 'Mark lesson complete' }).click();
    await expect(page.locator('#progress-notice')).toContainText('updated from an older format (version 3)');
    await expect.poll(() => completedCount(page)).toBe(2);
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { quiz: Record<string, object> }, PROGRESS_KEY);
    expect(Object.keys(saved.quiz['agile'] ?? {})).toHaveLength(await page.locator('form[data-question]').count());
  });
});

test('the assessment and confidence pages show validated progress without a second reload', async ({ page }) => {
  const v3 = {
    version: 3,
    visited: {},
    completed: {},
    quiz: {},
    last: null,
    confidence: { before: { at: '2026-01-01T09:00:00.000Z', ratings: {} }, after: null },
    assessment: { at: '2026-01-02T09:00:00.000Z', answers: { '0': 0 } },
  };
  await page.goto('/');
  await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [PROGRESS_KEY, JSON.stringify(v3)]);
  await page.goto('/assessment/');
  // Answers saved by position (before version 5) belong to an assessment whose questions changed: kept, explained, not scored.
  await expect(page.locator('[data-assessment-status]')).toContainText('You took an earlier version of this assessment on January 2, 2026');
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').assessment, PROGRESS_KEY)).toEqual({
    at: '2026-01-02T09:00:00.000Z',
    answers: {},
    byPosition: { '0': 0 },
  });
  await page.evaluate(([key, raw]) => localStorage.setItem(key!, raw!), [PROGRESS_KEY, JSON.stringify(v3)]);
  await page.goto('/confidence/');
  await expect(page.getByLabel('After the course')).toBeChecked();
});

test('"Retake the assessment" stays hidden until the assessment has been submitted', async ({ page }) => {
  await page.goto('/assessment/');
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retake the assessment' })).toBeHidden();
});

test('missions won and the best simulation run show on the course map and the course summary', async ({ page }) => {
  const at = '2026-05-01T09:00:00.000Z';
  const sims = {
    batch: {
      runs: [{ at, code: 'SS1-test-code', query: 'seed=7', summary: { deploys: 13, tier: 'high', lead: null } }],
      missions: { 'ship-daily': at, 'calm-quarter': at },
    },
  };
  await page.goto('/lessons/');
  await expect(page.locator('main > p').first()).toContainText(/also ha(s|ve) a simulation to play/);
  await expect(page.locator('[data-lesson-item="batch-size"] [data-missions-won]')).toBeHidden();
  await page.locator('input[data-import]').setInputFiles({ name: 'sims.json', mimeType: 'application/json', buffer: progressFile([], at, { sims }) });
  await expect(page.locator('[data-lesson-item="batch-size"] [data-missions-won]')).toHaveText('· 2 of 3 missions won');
  await expect(page.locator('[data-lesson-item="origins"] [data-missions-won]')).toHaveCount(0);
  await page.goto('/completion/');
  const table = page.getByRole('table', { name: 'Your best run: Batch size and outage risk' });
  await expect(table.getByRole('row', { name: /Result code/ })).toContainText('SS1-test-code');
  await expect(table.getByRole('row', { name: /deploys/ })).toContainText('13');
  await expect(table.getByRole('row', { name: /lead/ })).toContainText('–');
  await axeClean(page, '[data-sims]');
  await expect(page.locator('[data-sim-summary="batch"]')).toContainText('Missions won (2 of 3): calm-quarter (May 1, 2026), ship-daily (May 1, 2026).');
});

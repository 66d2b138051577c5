// Progress is never lost: export/import across browsers, bad files refused, corrupt data reset with a notice, tabs in sync.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PROGRESS_KEY, passQuiz, watch } from './site.ts';

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

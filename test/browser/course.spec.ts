// The whole course by keyboard: every lesson in order through "Next lesson", the final assessment, the confidence check and the summary.
import { expect, test, type Locator, type Page } from './fixtures.ts';
import { positionOf, watch } from './site.ts';

async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

/** Picks authored choice `value` of a radio group by keyboard: focus the first radio shown, then arrow down to it (choices are shuffled). */
async function choose(page: Page, group: Locator, value: number): Promise<void> {
  const first = group.locator('input[type=radio]').first();
  await tabTo(page, first);
  await page.keyboard.press('Space');
  const position = await positionOf(group, value);
  for (let k = 0; k < position; k++) await page.keyboard.press('ArrowDown');
  await expect(group.locator(`input[value="${value}"]`)).toBeChecked();
}

test('a learner walks every lesson in order by keyboard, answering each first question', async ({ page }) => {
  test.setTimeout(180_000);
  const { problems } = watch(page);
  await page.goto('/lessons/origins/');
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    seen.push(new URL(page.url()).pathname);
    const form = page.locator('form[data-question]').first();
    // Start from the quiz's first choice: the sims above it are walked by Tab in their own keyboard tests.
    await form.locator('input[type=radio]').first().focus();
    await choose(page, form, Number(await form.getAttribute('data-answer')));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(form.locator('[data-feedback]')).toContainText('Right.');
    const next = page.locator('a[rel=next]');
    if ((await next.count()) === 0) break;
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== seen.at(-1));
  }
  expect(seen).toHaveLength(13);
  expect(seen.at(-1)).toBe('/lessons/together/');
  expect(problems).toEqual([]);
});

/** The right choice of each assessment question on the page, in page order (the key names questions by id). */
async function answerKey(page: Page): Promise<number[]> {
  const key = JSON.parse((await page.locator('[data-assessment]').getAttribute('data-key')) ?? '{}') as Record<string, number>;
  const ids = await page.locator('fieldset[data-question]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['question'] ?? ''));
  return ids.map((id) => key[id]!);
}

test('the final assessment is answered by keyboard, scored, explained and kept', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/assessment/');
  const key = await answerKey(page);
  expect(key.length).toBeGreaterThanOrEqual(15);
  const sets = page.locator('fieldset[data-question]');
  for (let i = 0; i < key.length; i++) await choose(page, sets.nth(i), i === 0 ? (key[0]! + 1) % 2 : key[i]!);
  // Saved by question id, never by position on the page.
  const ids = await sets.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset['question']));
  expect(ids[0]).toMatch(/^q\d{2}$/);
  await tabTo(page, page.getByRole('button', { name: 'Submit answers' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-assessment-status]')).toContainText(`You scored ${key.length - 1} of ${key.length}`);
  await expect(sets.first().locator('[data-verdict]')).toHaveText('Not right.');
  await expect(sets.first().getByRole('link')).toHaveAttribute('href', /\/lessons\/[a-z-]+\/$/);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ship-small:progress') ?? '{}').assessment.answers as Record<string, number>);
  expect(Object.keys(saved).sort()).toEqual([...ids].sort());
  await page.goto('/completion/');
  await expect(page.locator('[data-assessment-result]')).toContainText(`${key.length - 1} of ${key.length}`);
});

test('the workshop short form is scored on the page, shows its data tables, and saves nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/assessment/short/');
  const key = await answerKey(page);
  expect(key.length).toBeGreaterThanOrEqual(8);
  expect(key.length).toBeLessThanOrEqual(10);
  await expect(page.locator('fieldset[data-question] table caption').first()).toBeVisible();
  const sets = page.locator('fieldset[data-question]');
  for (let i = 0; i < key.length; i++) await sets.nth(i).locator(`input[value="${key[i]}"]`).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.locator('[data-assessment-status]')).toContainText(`You scored ${key.length} of ${key.length}`);
  await expect(sets.first().locator('[data-verdict]')).toHaveText('Right.');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('ship-small:progress') ?? '{}').assessment ?? null)).toBeNull();
});

test('the confidence check saves before and after, and the summary shows the change', async ({ page }) => {
  await page.goto('/confidence/');
  const statements = page.locator('fieldset[data-statement]');
  const count = await statements.count();
  for (let i = 0; i < count; i++) await statements.nth(i).locator('input[value="2"]').check();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.locator('[data-confidence-status]')).toContainText('from before the course');
  await page.reload();
  await expect(page.getByLabel('After the course')).toBeChecked();
  for (let i = 0; i < count; i++) await statements.nth(i).locator('input[value="4"]').check();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.locator('[data-confidence-compare] [data-change]').first()).toHaveText('+2');
  await page.goto('/completion/');
  await expect(page.locator('[data-confidence-table] [data-change]').first()).toHaveText('+2');
});

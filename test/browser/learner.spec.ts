// A self-paced learner's journey, by keyboard: start, answer a quiz, move on, come back, find progress kept.
import { expect, test, type Page } from '@playwright/test';
import { watch } from './site.ts';

/** Presses Tab until the element is focused, so the test proves it is reachable by keyboard. */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('element never received focus by Tab');
}

test('a keyboard-only learner answers a quiz, moves on, and finds progress on the course map after a reload', async ({ page }) => {
  const { problems } = watch(page);
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start the course' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/origins\/$/);

  const forms = page.locator('form[data-question]');
  const count = await forms.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    const answer = Number(await form.getAttribute('data-answer'));
    const first = form.locator('input[type=radio]').first();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    for (let k = 0; k < answer; k++) await page.keyboard.press('ArrowDown');
    await expect(form.locator('input[type=radio]').nth(answer)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: /Check answer/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(form.locator('[data-feedback]')).toContainText('Correct.');
  }
  await expect(page.locator('[data-score]')).toContainText(`Score: ${count} of ${count} (passed)`);
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Completed');

  const next = page.locator('a[rel=next]');
  await tabTo(page, next, 400);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/waterfall\/$/);

  await page.goto('/lessons/');
  await page.reload();
  await expect(page.locator('[data-lesson-item="origins"] [data-state-text]')).toHaveText('Completed');
  await expect(page.locator('[data-lesson-item="waterfall"] [data-state-text]')).toHaveText('Started');
  await expect(page.locator('[data-progress-text]')).toContainText('1 of');
  await expect(page.locator('[data-resume] a')).toContainText('The waterfall pipeline');
  expect(problems).toEqual([]);
});

test('a wrong answer explains why and does not complete the lesson', async ({ page }) => {
  await page.goto('/lessons/agile/');
  const form = page.locator('form[data-question]').first();
  const answer = Number(await form.getAttribute('data-answer'));
  await form
    .locator('input[type=radio]')
    .nth(answer === 0 ? 1 : 0)
    .check();
  await form.getByRole('button', { name: /Check answer/ }).click();
  await expect(form.locator('[data-feedback]')).toContainText('Not quite.');
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Not completed yet');
});

test('the home page offers to resume the last lesson', async ({ page }) => {
  await page.goto('/lessons/agile/');
  await page.goto('/');
  await expect(page.locator('[data-resume] a')).toHaveAttribute('href', /\/lessons\/agile\/$/);
});

test('a glossary term shows its definition by keyboard and closes with Escape', async ({ page }) => {
  await page.goto('/lessons/origins/');
  const term = page.locator('.term-button').first();
  await term.focus();
  await page.keyboard.press('Enter');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  const tip = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(term).toBeFocused();
});

test('the layout holds at 360 pixels wide with no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/lessons/', '/lessons/waterfall/', '/glossary/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

// A self-paced learner's journey, by keyboard: start, answer a quiz, move on, come back, find progress kept.
import { expect, test, type Page } from './fixtures.ts';
import { PROGRESS_KEY, passQuiz, positionOf, watch } from './site.ts';

/** Presses Tab until the element is focused, so the test proves it is reachable by keyboard. */
async function tabTo(page: Page, locator: ReturnType<Page['locator']>, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('element never received focus by Tab');
}

test('a keyboard-only learner answers a quiz, moves on, and finds progress on the course map after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = watch(page);
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start the course' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/origins\/$/);

  const forms = page.locator('form[data-question]');
  const count = await forms.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('button', { name: 'Mark lesson complete' })).toBeHidden();
  await expect(page.locator('[data-complete-hint]')).toContainText('right on the first try');
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    const answer = Number(await form.getAttribute('data-answer'));
    await expect(form.locator('[data-explanations]'), 'explanations stay closed until the learner answers').toBeHidden();
    const first = form.locator('input[type=radio]').first();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    const position = await positionOf(form, answer);
    for (let k = 0; k < position; k++) await page.keyboard.press('ArrowDown');
    await expect(form.locator(`input[value="${answer}"]`)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: /Check answer/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(form.locator('[data-feedback]')).toHaveText(/^Right\. /);
    await expect(form.locator('[data-explanations]')).toBeVisible();
  }
  await expect(page.locator('[data-score]')).toContainText(`First-try score: ${count} of ${count} (passed)`);
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Completed');
  await expect(page.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();

  const next = page.locator('a[rel=next]');
  await tabTo(page, next, 400);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/waterfall\/$/);
  // The visit is saved by the page's script once it runs; a learner reading the lesson gives it that moment.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', PROGRESS_KEY)).toContain('waterfall');

  await page.goto('/lessons/');
  await page.reload();
  await expect(page.locator('[data-lesson-item="origins"] [data-state-text]')).toHaveText('Completed');
  await expect(page.locator('[data-lesson-item="waterfall"] [data-state-text]')).toHaveText('Started');
  await expect(page.locator('[data-progress-text]')).toContainText('1 of');
  await expect(page.locator('[data-resume] a')).toContainText('The waterfall pipeline');
  expect(problems).toEqual([]);
});

test('only the first try counts: a wrong answer then a right one says so, scores nothing, and survives a reload', async ({ page }) => {
  await page.goto('/lessons/agile/');
  const form = page.locator('form[data-question]').first();
  const answer = Number(await form.getAttribute('data-answer'));
  const wrong = answer === 0 ? 1 : 0;
  await form.locator(`input[value="${wrong}"]`).check();
  await form.getByRole('button', { name: /Check answer/ }).click();
  await expect(form.locator('[data-feedback]')).toHaveText(/^Not right\. /);
  await expect(form.locator('[data-feedback]')).not.toContainText('Correct');
  await form.locator(`input[value="${answer}"]`).check();
  await form.getByRole('button', { name: /Check answer/ }).click();
  await expect(form.locator('[data-feedback]')).toHaveText(/^Right on the second try\. /);
  await expect(page.locator('[data-score]')).toContainText('First-try score: 0 of');
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Not completed yet');
  await page.reload();
  await expect(form.locator('[data-feedback]')).toHaveText(/^Not right\. /);
  await expect(form.locator(`input[value="${wrong}"]`)).toBeChecked();
});

test('a choice made but not yet checked survives the progress saved by answering another question', async ({ page }) => {
  await page.goto('/lessons/agile/');
  const first = page.locator('form[data-question]').nth(0);
  const second = page.locator('form[data-question]').nth(1);
  const pick = second.locator(`input[value="${await second.getAttribute('data-answer')}"]`);
  await pick.check();
  await first.locator(`input[value="${await first.getAttribute('data-answer')}"]`).check();
  await first.getByRole('button', { name: /Check answer/ }).click();
  // The score line is drawn from saved progress: once it counts the first answer, the quiz has redrawn after the save.
  await expect(page.locator('[data-score]')).toContainText('First-try score: 1 of');
  await expect(pick).toBeChecked();
  await second.getByRole('button', { name: /Check answer/ }).click();
  await expect(second.locator('[data-feedback]')).toHaveText(/^Right\. /);
});

test('a learner who misses the pass mark can retake the quiz, and passing it then completes the lesson', async ({ page }) => {
  await page.goto('/lessons/waterfall/');
  const forms = page.locator('form[data-question]');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    const answer = Number(await form.getAttribute('data-answer'));
    await form.locator(`input[value="${answer === 0 ? 1 : 0}"]`).check();
    await form.getByRole('button', { name: /Check answer/ }).click();
  }
  await expect(page.locator('[data-score]')).toContainText(`First-try score: 0 of ${count}`);
  await expect(page.getByRole('button', { name: 'Mark lesson complete' })).toBeHidden();
  await page.getByRole('button', { name: 'Retake this quiz' }).click();
  await expect(page.locator('[data-score]')).toHaveText('');
  await expect(forms.first().locator('[data-explanations]')).toBeHidden();
  await expect(forms.locator('input:checked')).toHaveCount(0);
  await passQuiz(page);
  await expect(page.locator('.complete-box [data-lesson-status]')).toHaveText('Completed');
  await expect(page.getByRole('button', { name: 'Retake this quiz' })).toBeHidden();
});

test('each learner sees the choices in their own order, kept across reloads', async ({ page }) => {
  test.setTimeout(90_000);
  const order = () =>
    page
      .locator('form[data-question]')
      .first()
      .locator('input[type=radio]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(''));
  await page.goto('/lessons/origins/');
  const seed = await page.evaluate(() => localStorage.getItem('ship-small:learner-seed'));
  expect(seed).toMatch(/^\d+$/);
  const mine = await order();
  await page.reload();
  expect(await order()).toBe(mine);
  const orders = new Set<string>();
  for (const other of ['1', '2', '3', '4', '5', '6']) {
    await page.evaluate((s) => localStorage.setItem('ship-small:learner-seed', s), other);
    await page.reload();
    orders.add(await order());
  }
  expect(orders.size, 'six learners do not all share one order').toBeGreaterThan(1);
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

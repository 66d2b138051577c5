// Site search finds lessons by words in their body, and the "/" shortcut reaches it from any page.
import { expect, test } from '@playwright/test';

test('search finds a lesson by a word from its body', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Search lessons').fill('Ghent');
  const first = page.locator('[data-search-results] li a').first();
  await expect(first).toHaveAttribute('href', /\/lessons\/origins\/$/);
  await expect(page.locator('[data-search-status]')).toContainText('for “Ghent”');
});

test('pressing / on a lesson opens search with the box focused', async ({ page }) => {
  await page.goto('/lessons/agile/');
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/search\/$/);
  await expect(page.getByLabel('Search lessons')).toBeFocused();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzzqqq');
  await expect(page.locator('[data-search-status]')).toContainText('No lesson mentions “zzzqqq”');
});

// Site search finds lessons by words in their body (never tooltip text), the "/" shortcut and its hint, and the page text around links.
import { expect, test } from './fixtures.ts';

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

test('words found only in a glossary tooltip do not make a lesson match', async ({ page }) => {
  // "resemble" appears only in the staging-environment definition, shown as a tooltip in the production lesson.
  await page.goto('/search/?q=resemble');
  await expect(page.locator('[data-search-status]')).toContainText('No lesson mentions “resemble”');
});

test('the "/" hint shows with a mouse and not on a touch screen', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.locator('.search-hint')).toBeVisible();
  const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  const touch = await phone.newPage();
  await touch.goto('/');
  await expect(touch.locator('.search-hint')).toBeHidden();
  await phone.close();
});

test('glossary tooltips have ids made from their term, the same on every build', async ({ page }) => {
  await page.goto('/lessons/waterfall/');
  const tips = await page.locator('.term-tip').evaluateAll((els) => els.map((el) => [el.id, el.querySelector('a')?.getAttribute('href') ?? '']));
  expect(tips.length).toBeGreaterThan(0);
  const counts = new Map<string, number>();
  for (const [id, href] of tips) {
    const term = href!.split('#')[1]!;
    const n = (counts.get(term) ?? 0) + 1;
    counts.set(term, n);
    expect(id).toBe(n === 1 ? `term-${term}` : `term-${term}-${n}`);
  }
  expect(new Set(tips.map(([id]) => id)).size).toBe(tips.length);
});

test('no link runs into the word before or after it', async ({ page }) => {
  for (const path of ['/lessons/', '/confidence/', '/instructor/', '/lessons/waterfall/']) {
    await page.goto(path);
    const touching = await page.evaluate(() =>
      [...document.querySelectorAll('a')].flatMap((a) => {
        const text = (node: ChildNode | null) => (node?.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : ' ');
        const before = text(a.previousSibling).slice(-1) || ' ';
        const after = text(a.nextSibling).slice(0, 1) || ' ';
        const bad = /[\p{L}\p{N},;:·]/u;
        return bad.test(before) || /[\p{L}\p{N}]/u.test(after) ? [`${before}|${a.textContent?.trim()}|${after}`] : [];
      }),
    );
    expect(touching, path).toEqual([]);
  }
});

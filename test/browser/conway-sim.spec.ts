// The Conway's-law simulation in a real browser: keyboard-only drawing and play to the review with axe, a bad link, reveal and exports, a phone, no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/conway/', 'conway');
  await sim.open(query);
  return sim;
};
const DEVOPS = 'Where developers hand their work to operations';
const EDIT_TEAMS = 'Change the teams: who is in each, what each works on, who talks to whom';

// Whole runs played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, moves an operations engineer into a team, builds, reorganises and reaches the review with the guess beside the result', async ({
  page,
}) => {
  // Tabbing through the whole list editor, as a keyboard learner does, takes many key presses.
  test.setTimeout(300_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=5&features=14');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start building' })).toBeDisabled();
  await page.locator('#setup-heading').click();
  await tabTo(page, DEVOPS);
  await page.keyboard.press('Space');
  await expect(page.getByLabel(DEVOPS)).toBeChecked();
  // Jo (operations) joins the Photos team, by keyboard on the list editor, unfolded first; the picture's text follows and the change is announced.
  const jo = page.locator('select[data-person="J"]');
  await expect(jo).toBeHidden();
  await tabTo(page, EDIT_TEAMS);
  await page.keyboard.press('Enter');
  await expect(jo).toBeVisible();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await tabTo(page, /^Jo \(operations\)/);
  await expect(jo).toBeFocused();
  await jo.selectOption({ label: 'Photos' });
  await expect(page.locator('[data-org-editor] [role="status"]')).toHaveText('Jo is now in Photos. 4 teams.');
  await expect(page.locator('.org-picture figcaption').first()).toContainText('Photos (Ada, Dara, Gus and Jo)');
  await expect(page).toHaveURL(/org=custom/);
  await expect(page).toHaveURL(/custom=pADGJ\.sBEH\.aCFI\.xKL_/);
  await tabTo(page, 'Start building');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  await tabTo(page, 'Pause');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-stat="built"]')).toHaveText(/^\d+ of 14$/);
  // Reorganise into DevOps product teams from the keyboard, then build the rest.
  await tabTo(page, 'Reorganise…');
  await page.keyboard.press('Enter');
  await expect(page.locator('#reorg-heading')).toBeFocused();
  await tabTo(page, 'Start from: DevOps product teams');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Reorganise from the next feature');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-announcer]')).toContainText('Reorganised into 3 teams: Photos, Sharing and Accounts.');
  await expect(page.getByRole('button', { name: 'Reorganise…' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Build the rest' })).toBeFocused();
  await page.keyboard.press('Enter');
  await sim.expectState('review');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('#review-heading')).toContainText('your own teams, reorganised');
  await expect(page.locator('[data-prediction]')).toContainText('You predicted: most incidents start where developers hand their work to operations.');
  await expect(page.locator('[data-announcer]')).toContainText('All 14 features built');
  for (const tile of ['teams', 'wait', 'lead', 'devops', 'other', 'vertical']) await expect(page.locator(`[data-tile="${tile}"]`)).not.toBeEmpty();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  const code = await sim.resultCode();
  expect(code).toMatch(/^SS2-c-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.conway.runs[0].code).toBe(code);
  expect(saved.sims.conway.runs[0].query).toContain('custom=pADGJ.sBEH.aCFI.xKL');
  expect(saved.sims.conway.runs[0].summary.reorganisations).toBe(1);
  expect(problems).toEqual([]);
});

test('the setup shows a preset’s teams as a picture with the lists folded, and choosing your own teams or opening a link to them unfolds the lists', async ({
  page,
}) => {
  const { problems } = watch(page);
  await open(page, '?org=silos');
  const lists = page.locator('[data-org-editor] .org-lists');
  await expect(page.locator('.org-picture figcaption').first()).toContainText('Front end (Ada, Ben and Chen)');
  await expect(lists).toBeHidden();
  await page.getByLabel('Your own teams').check();
  await expect(lists).toBeVisible();
  await expect(page.locator('select[data-person="A"]')).toHaveValue('0');
  await open(page, '?org=custom&custom=pADGJ.sBEH.aCFI.xKL_');
  await expect(lists).toBeVisible();
  await expect(page.locator('select[data-person="J"] option:checked')).toHaveText('Photos');
  expect(problems).toEqual([]);
});

test('a bad custom organisation and a bad number are named, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&features=abc&org=custom&custom=pADG.sBEH%3Cimg%20src%3Dx%3E');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="features"]')).toContainText('“features” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="custom"]')).toContainText('“custom” is not a valid organisation: Team 2 ("sBEH<img src") must start with its focus');
  await expect(box.locator('[data-param="custom"]')).toContainText('using product teams, operations apart instead.');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('.org-picture figcaption').first()).toContainText('Operations (Jo, Kai and Lena)');
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/features=40/);
  await expect(page).not.toHaveURL(/custom=/);
  expect(problems).toEqual([]);
});

test('keeps the comparison and the sweep hidden until a run ends, then compares on the same dice, sweeps in a worker and exports JSON and CSV', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&features=12&org=silos');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('About evenly in both places');
  await page.getByRole('button', { name: 'Start building' }).click();
  await sim.pauseIfPlaying();
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'Build the rest' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-compare] thead th')).toHaveText(['Measure', 'A: your run', 'B: DevOps product teams']);
  await expect(page.locator('[data-compare] tbody tr', { hasText: 'Incidents at the dev-ops seam' }).locator('td').nth(1)).toHaveText('0');
  await expect(page.locator('[data-cell="0-0"]')).toContainText('Front');
  await expect(page.locator('[data-seams] li').first()).toBeVisible();
  await page.getByRole('button', { name: /Show incidents as more teams talk/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('averaged over 100 sets of dice', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'conway' });
  expect(run.query).toContain('org=silos');
  expect(run.actions).toHaveLength(12);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('feature,area,calls another area,teams,team names,waiting (days),lead time (days),seams,dev-ops incidents,other incidents');
  expect(lines).toHaveLength(13);
});

test('on a 390 px phone the editor, the pictures and the review fit with no sideways scroll, and chart text stays at least 12 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4&features=10');
  await page.locator('summary', { hasText: EDIT_TEAMS }).click();
  await page.locator('select[data-pair="1-4"]').selectOption('daily');
  await expect(page).toHaveURL(/org=custom/);
  await sim.predict(DEVOPS);
  await page.getByRole('button', { name: 'Start building' }).click();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('[data-stat="built"]')).toBeInViewport();
  await sim.pauseIfPlaying();
  await page.getByRole('button', { name: 'Build the rest' }).click();
  await sim.expectState('review');
  await page.getByRole('button', { name: /Show incidents as more teams talk/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-conway svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static table and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/conway/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('most incidents start at the seam between developers and operations');
  await expect(page.locator('.sim-noscript')).toBeVisible();
  await context.close();
});

// The provisioning simulation in a real browser: keyboard-only play with axe, the plan in words, links, same dice, sweep, exports, a phone and no JavaScript.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, PROGRESS_KEY, watch } from './site.ts';
import { SimPage, tabTo } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/provisioning/', 'provision');
  await sim.open(query);
  return sim;
};

// A run played in a browser takes its time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a keyboard-only learner predicts, plans and applies, runs the commands, patches, releases and sees the guess beside the result', async ({ page }) => {
  // Three axe scans of a long page: give the whole journey room on a loaded machine.
  test.setTimeout(240_000);
  const { problems } = watch(page);
  const sim = await open(page, '?seed=3&fleet=20');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  await page.locator('#setup-heading').click();
  await tabTo(page, 'Both leave 3 servers');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('The definition leaves 3; the commands leave 6')).toBeChecked();
  await tabTo(page, 'Start');
  await page.keyboard.press('Enter');
  await expect(page.locator('#run-heading')).toBeFocused();
  await sim.expectState('decision');
  await expect(page.locator('[data-plan] li')).toHaveText([/create web-1: small, ports 80 and 443$/, /create web-2/, /create web-3/]);
  await expect(page.locator('[data-plan] li').first()).toContainText('+');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);

  await tabTo(page, 'Apply the definition');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-announcer]')).toHaveText('Plan: 3 to create, 0 to change, 0 to delete. Applied: 3 servers now.');
  await expect(page.locator('[data-plan="empty"]')).toContainText('nothing to do');
  await page.keyboard.press('Enter');
  await expect(page.locator('#pv-step-commands')).toBeFocused();
  await tabTo(page, 'Run the commands');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('#pv-step-patch')).toBeFocused();
  await expect(page.locator('[data-servers="commands"] li[data-extra]')).toHaveCount(3);
  await tabTo(page, 'Patch by hand');
  await page.keyboard.press('Enter');
  await expect(page.locator('#pv-step-release')).toBeFocused();
  await expect(page.locator('[data-fleet-summary]')).toContainText(/of 20 servers patched/);
  await tabTo(page, /^Run it through staging first/);
  await page.keyboard.press('Space');
  await tabTo(page, 'Release the change');
  await page.keyboard.press('Enter');

  await sim.expectState('review');
  await expect(page.locator('#review-heading')).toBeFocused();
  await expect(page.locator('#review-heading')).toHaveText('Run over: the definition left 3 servers, the commands 6');
  await expect(page.locator('[data-prediction="right"]')).toContainText('You predicted: the definition leaves 3; the commands leave 6');
  await expect(page.locator('[data-tile="exposed"]')).toHaveText('0 servers');
  await expect(page.locator('[data-announcer]')).toContainText('All four steps are done.');
  expect(await axeViolations(page, '.sim-embed')).toEqual([]);
  const code = await sim.resultCode();
  expect(code).toMatch(/^SS2-pv-1-/);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), PROGRESS_KEY);
  expect(saved.sims.provision.runs[0].code).toBe(code);
  expect(problems).toEqual([]);
});

test('a bad parameter shows a message naming it, and the rest of the link still applies', async ({ page }) => {
  const { problems } = watch(page);
  await open(page, '?seed=77&fleet=abc&patch=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&count=5');
  const box = page.locator('.sim-problems');
  await expect(box.locator('[data-param="fleet"]')).toContainText('“fleet” must be a number (got "abc"); using the default instead.');
  await expect(box.locator('[data-param="patch"]')).toContainText('“patch” must be one of hand, definition');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Both leave 5 servers')).toBeVisible();
  await page.locator('summary', { hasText: /^More settings/ }).click();
  await expect(page.getByLabel('Seed (the dice)')).toHaveValue('77');
  await expect(page).toHaveURL(/fleet=40/);
  expect(problems).toEqual([]);
});

test('an edited definition plans its changes in words; same dice, the sweep and the exports appear only after the run', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const sim = await open(page, '?seed=9&fleet=12');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await sim.predict('Both leave 3 servers');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await sim.expectState('decision');
  await expect(page.locator('.sim-compare')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply the definition' }).click();
  await sim.root.getByLabel('Servers (count)').fill('5');
  await sim.root.getByLabel('Size', { exact: true }).selectOption('large');
  await sim.root.getByLabel('80 (HTTP)').uncheck();
  const plan = page.locator('[data-plan] li');
  await expect(plan).toHaveText([
    /~ change web-1: size small to large; ports 80 and 443 to 443 only/,
    /~ change web-2/,
    /~ change web-3/,
    /\+ create web-4: large, ports 443 only/,
    /\+ create web-5/,
  ]);
  await expect(page.locator('.pv-plan-box h5')).toHaveText('The plan: 2 to create, 3 to change, 0 to delete');
  await expect(page.locator('[data-announcer]')).toContainText('Plan now: 2 to create, 3 to change, 0 to delete.');
  await page.getByRole('button', { name: 'Apply the definition' }).click();
  await page.getByRole('button', { name: 'Apply the definition' }).click();
  await page.getByRole('button', { name: 'Play the remaining steps as set up' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-prediction="wrong"]')).toBeVisible();
  await expect(page.locator('[data-mission="resize-safely"]').first()).toHaveAttribute('data-won', 'yes');
  await expect(page.locator('[data-compare] thead th')).toHaveText([
    'Measure',
    'Your run',
    'By hand, no safeguard',
    'Definition, review only',
    'Definition, staging only',
    'Definition, review and staging',
  ]);
  const exposed = page.locator('[data-compare] tbody tr', { hasText: 'Servers exposing the database port' });
  await expect(exposed.locator('td')).toHaveText(['12', '12', /^(0|12)$/, '0', '0']);
  await page.getByRole('button', { name: /Show servers missed by hand/ }).click();
  await expect(page.locator('[data-sweep="done"] figcaption')).toContainText('averaged over 200 sets of dice', { timeout: 60_000 });
  expect(workers.some((url) => /sweep\.worker/.test(url))).toBe(true);

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const run = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(run).toMatchObject({ format: 'ship-small/run', sim: 'provision' });
  expect(run.query).toContain('seed=9');
  expect(run.actions).toContainEqual({ type: 'edit', definition: { count: 5, size: 'large', ports: [443] } });
  expect(run.actions.at(-1)).toEqual({ type: 'release', review: false, staging: false });
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('made by,server,size,ports,patched,database port open');
  expect(lines.length - 1).toBe(5 + 10 + 12);
});

test('on a 390 px phone, Start brings the run into view with focus, a fleet of 500 fits, and nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sim = await open(page, '?seed=4&fleet=500');
  await sim.predict('Both leave 6 servers');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('#run-heading')).toBeFocused();
  await expect(page.locator('#run-heading')).toBeInViewport();
  await page.getByRole('button', { name: 'Play the remaining steps as set up' }).click();
  await sim.expectState('review');
  await expect(page.locator('[data-fleet-summary]')).toContainText('of 500 servers patched');
  await page.getByRole('button', { name: /Show servers missed by hand/ }).click();
  await expect(page.locator('[data-sweep="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll('.sim-chart svg text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getBoundingClientRect().width / t.closest('svg')!.viewBox.baseVal.width),
    ),
  );
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
  await context.close();
});

test('without JavaScript the lesson shows the static table and explanation instead of the sim', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/provisioning/');
  await expect(page.locator('.sim-static table')).toBeVisible();
  await expect(page.locator('.sim-static')).toContainText('Apply it again and the plan is empty');
  await expect(page.locator('a[href="#play-with-plan-and-apply"]')).toBeVisible();
  await context.close();
});

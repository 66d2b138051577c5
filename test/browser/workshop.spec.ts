// Workshop mode in a real browser: shared scenarios, result codes into the debrief, the planner, the projector view and offline use.
import { expect, test, type Page } from './fixtures.ts';
import { axeViolations, watch } from './site.ts';
import { SimPage } from './sim-page.ts';

const open = async (page: Page, query = '') => {
  const sim = new SimPage(page, '/lessons/batch-size/', 'batch');
  await sim.open(query);
  return sim;
};

/** Plays a run to the end with the mouse, rolling back where it can, and returns the result code shown in the review. */
async function resultCode(page: Page, query: string): Promise<string> {
  const sim = await open(page, query);
  await sim.predict('About the same');
  await sim.start();
  await sim.pauseIfPlaying();
  await sim.playToReview('Run to the next outage', ['Roll back the whole deploy', 'Find the bad change and fix forward']);
  return sim.resultCode();
}

// Whole quarters played in a browser take their time on a busy 2-core machine; nothing here asserts on time.
test.beforeEach(() => test.slow());

test('a shared scenario link gives every learner the same run, and a code of their own', async ({ browser }) => {
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    codes.push(await resultCode(await context.newPage(), '?seed=314&days=30&defect=5&policy=weekly'));
    await context.close();
  }
  const body = (code: string) => code.split('-').slice(0, 4).concat(code.split('-')[5]!).join('-');
  expect(body(codes[0]!)).toBe(body(codes[1]!));
  expect(codes[0]).not.toBe(codes[1]);
});

test('a real island’s code, pasted inside a chat line, decodes on the debrief page with rejections explained', async ({ browser, page }) => {
  const context = await browser.newContext();
  const code = await resultCode(await context.newPage(), '?seed=99&days=30&policy=daily');
  await context.close();
  const { problems } = watch(page);
  await page.goto('/instructor/debrief/');
  // The debrief island hydrates when visible: wait for it, as a person would see the button come alive.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const tampered = code.replace(/-(\w{5})$/, (_m, c: string) => `-${c[0] === '0' ? '1' : '0'}${c.slice(1)}`);
  await page.locator('[data-codes]').fill([`[10:02] Ana: ${code}`, code, tampered, 'SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-abcdef', 'hello'].join('\n'));
  await page.getByRole('button', { name: 'Chart the class' }).click();
  await expect(page.locator('[data-debrief-status]')).toContainText('1 learner counted; 2 rejected; 1 code pasted twice, counted once');
  await expect(page.locator('[data-debrief-sim="batch"] tbody tr')).toHaveCount(1);
  await expect(page.locator('[data-debrief-sim="batch"] svg[role="img"] :is(circle, rect[width="10"])')).toHaveCount(1);
  const rejected = page.locator('[data-rejected] li');
  await expect(rejected.nth(0)).toContainText('the checksum does not match');
  await expect(rejected.nth(1)).toContainText('older version of the course (SS1)');
  await page.reload();
  await expect(page.locator('[data-codes]')).toHaveValue(new RegExp(code));
  await expect(page.locator('[data-debrief-status]')).toContainText('1 learner counted');
  expect(problems).toEqual([]);
});

test('a 2-hour workshop is planned end to end: validated start, lessons and a block in order, edited minutes, a link, a printout with QR codes, and its guides', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000); // a long journey, with axe over a page of QR codes, on a busy 2-core machine
  await page.goto('/instructor/planner/');
  await expect(page.getByLabel('2 hours')).toBeChecked();
  const start = page.getByLabel('Start time (HH:MM)');
  await start.fill('9.30');
  await expect(page.locator('[data-plan-problems]')).toContainText('Start time “9.30” is not a time: write hours and minutes as HH:MM, such as 09:30.');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await start.fill('13:00');
  await page
    .locator('label', { hasText: /waterfall pipeline/i })
    .locator('input')
    .check();
  await page
    .locator('label', { hasText: /Too much code/i })
    .locator('input')
    .check();
  await page.getByLabel('Kind').selectOption('questions');
  await page.getByLabel('Title', { exact: true }).fill('Questions from the room');
  await page.getByRole('button', { name: 'Add the block' }).click();
  await page.getByRole('button', { name: 'Move “Questions from the room” up' }).click();
  await expect(page.getByRole('button', { name: 'Move “Questions from the room” up' })).toBeFocused();
  const plan = page.locator('[data-plan-list] > li');
  await expect(plan.locator('strong')).toHaveText(['The waterfall pipeline', 'Questions from the room', 'Too much code changing at once']);
  await plan.nth(2).getByLabel('Debrief').fill('95');
  await expect(page.locator('[data-plan-problems]')).toContainText(
    'Debrief minutes for “Too much code changing at once” must be a whole number from 0 to 90; got “95”.',
  );
  await expect(page.locator('[data-agenda]')).toBeHidden();
  await plan.nth(2).getByLabel('Debrief').fill('8');

  const rows = page.locator('[data-agenda] tbody tr');
  await expect(rows.first()).toContainText('13:00');
  await expect(rows.nth(2)).toContainText('Questions from the room');
  await expect(rows.nth(3)).toContainText('Break');
  await expect(rows.nth(4)).toContainText('10 min reading, 20 min activity, 8 min debrief');
  // 10 welcome + 35 waterfall + 10 questions + 10 break (an hour has run) + 38 batch size + 10 wrap-up = 113 minutes.
  await expect(page.locator('[data-agenda-fit]')).toHaveText('Fits the 2 hours: 113 minutes planned, 7 to spare; ends at 14:53.');
  const links = page.locator('[data-learner-links]');
  await expect(links.locator('[data-links-for]:visible h3')).toHaveText(['The waterfall pipeline', 'Too much code changing at once']);
  await expect(links.locator('[data-links-for="batch-size"] svg.qr')).toHaveCount(3);
  await expect(links.locator('[data-links-for="batch-size"] svg.qr').nth(2)).toHaveAttribute('data-qr', /\/lessons\/batch-size\/\?seed=2026&policy=quarterly$/);
  await expect(links.locator('[data-origin-note]')).toContainText('Build the course with SITE_URL set to the address learners will use');
  expect(await axeViolations(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-planner]')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Ship Small workshop: agenda' })).toBeVisible();
  await expect(links.locator('svg.qr:visible')).toHaveCount(6);
  await page.emulateMedia({ media: 'screen' });

  const again = await context.newPage();
  await again.goto(page.url());
  await expect(again.locator('[data-agenda] tbody tr')).toHaveCount(await rows.count());
  await expect(again.locator('[data-agenda-fit]')).toContainText('ends at 14:53');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await again.goto('/instructor/batch-size/');
  await expect(again.getByRole('table', { name: 'Fifteen minutes, step by step' }).locator('tbody tr')).toHaveCount(3);
  await expect(again.getByRole('heading', { name: 'If you are short on time, cut…' })).toBeVisible();
  await expect(again.locator('.guide-scenarios svg.qr')).toHaveCount(2);
  await again.getByRole('button', { name: 'Copy the link for Half A' }).click();
  await expect(again.locator('[data-copy-status]')).toHaveText('Copied the link for Half A: deploys every working day.');
  expect(await again.evaluate(() => navigator.clipboard.readText())).toMatch(/\/lessons\/batch-size\/\?seed=2026&policy=daily$/);
});

test('the projector view shows a prose lesson’s key figure and takeaways, works by keyboard, and the debrief has a projector layout', async ({ page }) => {
  await page.goto('/lessons/conway/?present');
  await expect(page.locator('.prose > figure.diagram').first()).toBeVisible();
  await expect(page.locator('.takeaways')).toBeVisible();
  await expect(page.locator('.prose > p').first()).toBeHidden();
  await expect(page.locator('.prose > h2').first()).toBeHidden();
  await expect(page.locator('.objectives')).toBeHidden();
  // A lesson with a table but no figure shows its first table; one with neither shows its objectives instead.
  await page.goto('/lessons/measure/?present');
  await expect(page.locator('.prose > table').first()).toBeVisible();
  await expect(page.locator('.prose > table').nth(1)).toBeHidden();
  await page.goto('/lessons/origins/?present');
  await expect(page.locator('.objectives')).toBeVisible();
  await expect(page.locator('.takeaways')).toBeVisible();

  await page.goto('/instructor/debrief/');
  await page.evaluate(() => localStorage.setItem('ship-small:debrief-codes', 'SS1-a1b2c3-e5-20-r-65-262-13-4-200-25-l-abcdef'));
  await page.getByRole('link', { name: 'projector layout' }).click();
  await expect(page).toHaveURL(/\/instructor\/debrief\/\?present$/);
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page.locator('[data-debrief-status]')).toContainText('1 rejected');
  await expect(page.locator('[data-codes]')).toBeHidden();
  await expect(page.locator('[data-rejected]')).toBeHidden();

  await page.goto('/instructor/handouts/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print the handouts' })).toBeHidden();
  const breaks = await page.locator('.handout').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
  expect(breaks).toEqual(['page', 'page', 'page', 'page']);
  await page.emulateMedia({ media: 'screen' });

  await page.goto('/lessons/waterfall/?present');
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.present-bar')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  // The agile lesson's sim writes its settings into the address once it hydrates; ?present stays among them.
  await expect(page).toHaveURL(/\/lessons\/agile\/\?(.+&)?present(=|&|$)/);
  await page.waitForLoadState('load');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/lessons\/waterfall\/\?present$/);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the course works offline: a lesson, its simulation and search', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await context.setOffline(true);
    await page.goto('/lessons/conway/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const sim = await open(page, '?seed=2&days=10&policy=daily&defect=0');
    await sim.predict('About the same');
    await sim.start();
    await sim.pauseIfPlaying();
    await page.getByRole('button', { name: 'Run to the next outage' }).click();
    await sim.expectState('review');
    await page.goto('/search/');
    await page.getByLabel('Search lessons').fill('Conway');
    await expect(page.locator('[data-search-results] li a').first()).toHaveAttribute('href', /\/lessons\/conway\/$/);
    await context.setOffline(false);
  });
});

// Responsiveness audit: drags the batch-size sim's defect slider 20 steps on the built page and reports main-thread long tasks.
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { serveCompressed, type RunningServer } from './serve-compressed.ts';

const { values } = parseArgs({
  options: {
    gate: { type: 'string', default: process.env.RESPONSIVENESS_GATE ?? '200' },
    steps: { type: 'string', default: '20' },
    dist: { type: 'string', default: process.env.DIST ?? 'dist' },
  },
});
const GATE = Number(values.gate);
const STEPS = Number(values.steps);
if (!(GATE > 0) || !Number.isInteger(STEPS) || STEPS < 1) {
  console.error(`audit:responsiveness: --gate must be a positive number of ms and --steps a whole number >= 1 (got ${values.gate}, ${values.steps}).`);
  process.exit(1);
}

const PAGE = 'lessons/batch-size/?seed=4';
const SLIDER = 'Chance a change breaks production';

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
    __shifts?: number[];
  }
}

let site: RunningServer;
try {
  site = await serveCompressed({ dist: values.dist });
} catch (error) {
  console.error(`audit:responsiveness: ${(error as Error).message}`);
  process.exit(1);
}
const browser = await chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_FLAGS });
let longTasks: { start: number; duration: number }[] = [];
let settleMs = 0;
let hydrationShift = 0;
let finalValue = '';
try {
  const page = await browser.newPage();
  await page.goto(new URL(PAGE, site.url).href);
  // Layout shifts while the island hydrates: its server render should already have the hydrated layout.
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) window.__shifts!.push(e.value);
      }
    }).observe({ type: 'layout-shift' });
  });
  // The sim hydrates when scrolled into view; Astro drops the island's ssr attribute once it has.
  await page.locator('.batch-sim').scrollIntoViewIfNeeded();
  await page.locator('.sim-embed.sim-live').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  hydrationShift = await page.evaluate(() => (window.__shifts ?? []).reduce((a, b) => a + b, 0));
  const slider = page.getByLabel(SLIDER);
  await slider.waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  await slider.focus();
  const started = Date.now();
  for (let i = 0; i < STEPS; i++) await page.keyboard.press('ArrowRight');
  finalValue = await slider.inputValue();
  // The chart has caught up when its caption names the slider's last value and its curve is the full 10,000-trial one.
  const caption = `With ${Number(finalValue).toFixed(1)}% of changes defective`;
  await page.locator('.sim-chart figcaption').first().filter({ hasText: caption }).waitFor({ timeout: 60_000 });
  await page.locator('.chart-legend').first().filter({ hasText: '10,000 simulated deploys per size' }).waitFor({ timeout: 60_000 });
  settleMs = Date.now() - started;
  // Long-task entries arrive after the task ends: give the observer a moment before reading.
  await page.waitForTimeout(300);
  longTasks = await page.evaluate(() => window.__longTasks ?? []);
} catch (error) {
  console.error(`audit:responsiveness: could not drive the sim on /${PAGE}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await site.close();
}
if (process.exitCode) process.exit();

const longest = Math.max(0, ...longTasks.map((t) => t.duration));
const total = longTasks.reduce((s, t) => s + t.duration, 0);
const rows: [string, string][] = [
  [
    'load average (2 cores)',
    loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  ],
  ['layout shift on hydration', `${hydrationShift.toFixed(3)} (printed, not gated)`],
  ['chart settled after', `${settleMs} ms`],
  ['long tasks (> 50 ms)', `${longTasks.length}${longTasks.length ? `: ${longTasks.map((t) => Math.round(t.duration)).join(', ')} ms` : ''}`],
  ['longest task', `${Math.round(longest)} ms (gate ${GATE} ms)`],
  ['total in long tasks', `${Math.round(total)} ms`],
];
console.log(`Responsiveness on /${PAGE}: ${STEPS} ArrowRight steps on "${SLIDER}" (to ${finalValue}%).`);
for (const [label, value] of rows) console.log(`  ${label.padEnd(27)} ${value}`);
if (longest > GATE) {
  console.error(`\nA main-thread task took ${Math.round(longest)} ms, over the ${GATE} ms gate: the slider would feel stuck.`);
  process.exit(1);
}

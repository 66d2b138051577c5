// Lighthouse audit (mobile) of one page of each type on the built site; prints the four scores and fails below the goal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4455);
const GOAL = Number(process.env.LIGHTHOUSE_GOAL ?? 100);
const pages = ['/', '/lessons/', '/lessons/waterfall/', '/lessons/batch-size/', '/instructor/', '/instructor/debrief/'];

if (!existsSync('dist/index.html')) {
  console.error('lighthouse: no build in dist/. Run `npm run build` first.');
  process.exit(1);
}

const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
});
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}

const chrome = await chromeLauncher.launch({
  ...(CHROMIUM_PATH ? { chromePath: CHROMIUM_PATH } : {}),
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
let failed = 0;
try {
  console.log(`Lighthouse ${'(mobile)'.padEnd(14)} performance accessibility best-practices seo`);
  for (const path of pages) {
    const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const categories = result!.lhr.categories;
    const scores = ['performance', 'accessibility', 'best-practices', 'seo'].map((id) => Math.round((categories[id]?.score ?? 0) * 100));
    const low = scores.some((s) => s < GOAL);
    if (low) failed++;
    console.log(`${path.padEnd(24)} ${scores.map((s) => String(s).padStart(11)).join(' ')}${low ? '   below goal' : ''}`);
    if (low) {
      for (const audit of Object.values(result!.lhr.audits)) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') console.log(`    ${audit.id}: ${audit.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
if (failed) {
  console.error(`\n${failed} page(s) below ${GOAL} in some category.`);
  process.exit(1);
}

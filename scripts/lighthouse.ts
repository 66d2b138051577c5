// Lighthouse audit (mobile): every page type of the build, served as CloudFront serves it; medians of three runs and a gate.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { builtPages, pagesToAudit, routesIn, type AuditPage } from './audit-pages.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { serveCompressed, type RunningServer } from './serve-compressed.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: process.env.LIGHTHOUSE_RUNS ?? '3' },
    goal: { type: 'string', default: process.env.LIGHTHOUSE_GOAL ?? '100' },
    'lcp-goal': { type: 'string', default: process.env.LIGHTHOUSE_LCP_GOAL ?? '1000' },
    all: { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    dist: { type: 'string', default: process.env.DIST ?? 'dist' },
  },
});

const wholeNumber = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`lighthouse: --${name} must be a whole number of at least ${min}, got "${text}".`);
    process.exit(1);
  }
  return n;
};
const RUNS = wholeNumber('runs', values.runs, 1);
const GOAL = wholeNumber('goal', values.goal, 0);
const LCP_GOAL = wholeNumber('lcp-goal', values['lcp-goal'], 1);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse run's figures. */
interface Figures {
  scores: number[];
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Bytes over the network, compressed as sent (total-byte-weight). */
  transfer: number;
  /** Audits that cost points, for the report when a page misses the goal. */
  losses: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Per-figure medians over the runs (each figure its own median, as the score moves independently of, say, transfer). */
function medianOf(runs: Figures[]): Figures {
  const medianRun = [...runs].sort((a, b) => a.scores[0]! - b.scores[0]!)[Math.floor(runs.length / 2)]!;
  return {
    scores: CATEGORIES.map((_, i) => median(runs.map((r) => r.scores[i]!))),
    fcp: median(runs.map((r) => r.fcp)),
    lcp: median(runs.map((r) => r.lcp)),
    tbt: median(runs.map((r) => r.tbt)),
    cls: median(runs.map((r) => r.cls)),
    transfer: median(runs.map((r) => r.transfer)),
    losses: medianRun.losses,
  };
}

async function audit(url: string, port: number): Promise<Figures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const losses = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    scores: CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100)),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    transfer: numeric('total-byte-weight'),
    losses,
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const all = builtPages(values.dist);
if (all.length === 0) {
  console.error(`lighthouse: no build in ${values.dist}/. Run \`npm run build\` first.`);
  process.exit(1);
}
let pages: AuditPage[];
if (positionals.length) {
  pages = positionals.map((path) => {
    const page = all.find((p) => p.path === path);
    if (!page) {
      console.error(`lighthouse: ${path} is not a page of the build (paths look like /lessons/waterfall/).`);
      process.exit(1);
    }
    return { path, route: path, kind: page.island ? 'sim' : 'page' };
  });
} else if (values.all) {
  pages = all.filter((p) => !p.path.endsWith('404.html')).map((p) => ({ path: p.path, route: p.path, kind: p.island ? 'sim' : 'page' }));
} else {
  pages = pagesToAudit(all, routesIn('src/pages'));
}

// The floor: a bare HTML page (no CSS, no JavaScript) through the same server, to read the pages' figures against.
const floorDir = mkdtempSync(join(tmpdir(), 'lighthouse-floor-'));
writeFileSync(
  join(floorDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title><meta name="description" content="A bare page: the floor for paint times."><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body><main><h1>A bare HTML page</h1><p>No stylesheet and no script: the fastest a page can paint here.</p></main></body></html>',
);
writeFileSync(join(floorDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');

const servers: RunningServer[] = [];
const site = await serveCompressed({ dist: values.dist, base: '/' });
servers.push(site);
const targets: { label: string; url: string; page?: AuditPage }[] = pages.map((page) => ({
  label: page.path,
  url: new URL(page.path.slice(1), site.url).href,
  page,
}));
if (!values['no-floor']) {
  const floor = await serveCompressed({ dist: floorDir, base: '/' });
  servers.push(floor);
  targets.unshift({ label: 'floor: bare HTML', url: floor.url });
}

const chrome = await chromeLauncher.launch({
  ...(CHROMIUM_PATH ? { chromePath: CHROMIUM_PATH } : {}),
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
// Stopped early (Ctrl-C): take Chromium and the servers down too, rather than leave them running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    chrome.kill();
    void Promise.allSettled(servers.map((s) => s.close())).finally(() => {
      rmSync(floorDir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}
const loadBefore = load();
const started = Date.now();
const runs = new Map<string, Figures[]>(targets.map((t) => [t.label, []]));
try {
  console.log(`Lighthouse 13, mobile, simulated throttling; ${targets.length} pages x ${RUNS} runs, served gzip-compressed with exact S3 keys.`);
  // Rounds rather than page after page: a burst of load elsewhere on the machine then touches every page alike.
  for (let round = 1; round <= RUNS; round++) {
    process.stdout.write(`round ${round}/${RUNS}:`);
    for (const target of targets) {
      runs.get(target.label)!.push(await audit(target.url, chrome.port));
      process.stdout.write('.');
    }
    process.stdout.write('\n');
  }
} finally {
  chrome.kill();
  for (const s of servers) await s.close();
  rmSync(floorDir, { recursive: true, force: true });
}

const header = [
  'page'.padEnd(26),
  'kind',
  'perf',
  'a11y',
  ' b-p',
  ' seo',
  'FCP'.padStart(8),
  'LCP'.padStart(8),
  'TBT'.padStart(7),
  'CLS'.padStart(5),
  'transfer'.padStart(9),
];
console.log(`\nMedians of ${RUNS} run(s); load average before ${loadBefore}, after ${load()} (2 cores); ${Math.round((Date.now() - started) / 1000)} s.\n`);
console.log(header.join('  '));
let failed = 0;
for (const target of targets) {
  const m = medianOf(runs.get(target.label)!);
  const gated = Boolean(target.page);
  const lowScore = m.scores.some((s) => s < GOAL);
  const slow = m.lcp >= LCP_GOAL;
  const miss = gated && (lowScore || slow);
  if (miss) failed++;
  console.log(
    [
      target.label.padEnd(26),
      (target.page?.kind ?? '').padEnd(4),
      ...m.scores.map((s) => String(s).padStart(4)),
      ms(m.fcp).padStart(8),
      ms(m.lcp).padStart(8),
      ms(m.tbt).padStart(7),
      m.cls.toFixed(2).padStart(5),
      kb(m.transfer).padStart(9),
      miss ? `  MISS:${lowScore ? ` below ${GOAL}` : ''}${slow ? ` LCP >= ${LCP_GOAL} ms` : ''}` : '',
    ].join('  '),
  );
  if (miss) for (const loss of m.losses) console.log(`    ${loss}`);
}
if (failed) {
  console.error(`\n${failed} page(s) miss the goal: ${GOAL} in every category and LCP under ${LCP_GOAL} ms.`);
  process.exit(1);
}
console.log(`\nEvery page: ${GOAL} in every category and LCP under ${LCP_GOAL} ms.`);

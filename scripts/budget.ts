// Performance budget audit: per built page, the compressed JavaScript it loads up front and its total bytes; fails over budget.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * Budgets in Brotli bytes, the encoding CloudFront serves to every current browser (gzip is printed too).
 * Pages without a simulation ship small scripts only (design.md: about 10 KB); zod, which validates untrusted saved
 * progress, loads on demand and is not counted. Sim pages also carry React, XState, zod and the sim.
 */
export const BUDGET = { proseJs: 8 * 1024, simJs: 100 * 1024 } as const;

const dist = process.env.DIST ?? 'dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

if (!process.argv.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' });

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const br = (b: Buffer) => brotliCompressSync(b).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** Maps a URL path from the page to a file in dist. */
function fileFor(url: string, fromFile: string): string | undefined {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return undefined;
  const path = url.startsWith('/') ? join(dist, url.slice(base.length - 1)) : join(dirname(fromFile), url);
  return existsSync(path) ? path : undefined;
}

/** A JS file and everything it imports statically (dynamic import() is loaded on demand and not counted). */
function withStaticImports(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
    const target = posix.join(posix.dirname(file.split(sep).join('/')), match[1]!);
    if (existsSync(target)) withStaticImports(target, seen);
  }
}

interface Row {
  page: string;
  sim: boolean;
  jsGzip: number;
  jsBrotli: number;
  totalGzip: number;
  over: boolean;
}

const rows: Row[] = [];
for (const file of htmlFiles(dist).sort()) {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const js = new Set<string>();
  let inlineJs = '';
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
    if (src) {
      const f = fileFor(src, file);
      if (f) withStaticImports(f, js);
    } else if (!/type="application\/(ld\+)?json"/.test(m[1]!)) inlineJs += m[2];
  }
  for (const m of text.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    const f = fileFor(m[1]!, file);
    if (f) withStaticImports(f, js);
  }
  const sim = /<astro-island\b/.test(text);
  for (const m of text.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) {
    const f = fileFor(m[1]!, file);
    if (f) withStaticImports(f, js);
  }
  const jsBuffers = [...js].map((f) => readFileSync(f));
  if (inlineJs) jsBuffers.push(Buffer.from(inlineJs));
  const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => fileFor(m[1]!, file)).filter((f): f is string => Boolean(f));
  const jsGzip = jsBuffers.reduce((s, b) => s + gz(b), 0);
  const jsBrotli = jsBuffers.reduce((s, b) => s + br(b), 0);
  const totalGzip = gz(html) + jsGzip + css.reduce((s, f) => s + gz(readFileSync(f)), 0);
  const page = `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');
  rows.push({ page, sim, jsGzip, jsBrotli, totalGzip, over: jsBrotli > (sim ? BUDGET.simJs : BUDGET.proseJs) });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Budget: ${kb(BUDGET.proseJs)} of Brotli-compressed JS on a page without a sim, ${kb(BUDGET.simJs)} on a sim page.\n`);
console.log(['page'.padEnd(34), 'kind'.padEnd(6), 'JS gzip'.padStart(9), 'JS br'.padStart(9), 'total gzip'.padStart(11), ''].join(' '));
for (const r of rows) {
  console.log(
    [
      r.page.padEnd(34),
      (r.sim ? 'sim' : 'prose').padEnd(6),
      kb(r.jsGzip).padStart(9),
      kb(r.jsBrotli).padStart(9),
      kb(r.totalGzip).padStart(11),
      r.over ? 'OVER BUDGET' : 'ok',
    ].join(' '),
  );
}
const over = rows.filter((r) => r.over);
if (rows.length === 0) {
  console.error(`No pages found in ${dist}/: build the site first.`);
  process.exit(1);
}
if (over.length) {
  console.error(`\n${over.length} page(s) over budget: ${over.map((r) => r.page).join(', ')}`);
  process.exit(1);
}
console.log(`\n${rows.length} pages within budget.`);

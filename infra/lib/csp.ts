// The site's Content-Security-Policy: one definition, used by the CDK stack and by the tests, with hashes of the built inline code.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARKED } from '../../scripts/after-paint.ts';

/** Hashes ('sha256-…' sources) of the inline code the built pages carry, each list sorted and without repeats. */
export interface CspHashes {
  /** Inline `<script>` elements: the theme script in every page's head, Astro's island bootstrap on sim pages. */
  scripts: string[];
  /** Inline `<style>` elements (Astro's `astro-island { display: contents }` rule on sim pages). */
  styles: string[];
  /** `style="…"` attribute values (table cell alignment from Markdown). */
  styleAttributes: string[];
}

/** The recorded hashes that `npm run infra:hashes` writes, for synthesizing without a build. */
export const RECORDED_HASHES_FILE = fileURLToPath(new URL('./csp-hashes.json', import.meta.url));

/** The built site, relative to the repository root. */
export const DEFAULT_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** CloudFront's quota for the Content-Security-Policy value in a response headers policy. */
export const CLOUDFRONT_CSP_MAX_LENGTH = 1783;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
/** Attribute values are hashed as the browser sees them, after character references are decoded. */
const decodeAttribute = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(parseInt(name.slice(1), 10))
        : (ENTITIES[name.toLowerCase()] ?? ref),
  );

/**
 * Script types a browser runs; other types (JSON data blocks, for instance) are not subject to script-src. A script
 * parked until first paint (scripts/after-paint.ts) is run as it is by the page's loader, so it needs its hash too.
 */
const isExecutable = (attrs: string) => {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  return type === undefined || type === 'module' || type === 'text/javascript' || type === 'application/javascript' || type === PARKED;
};

/** The inline code of one HTML document. */
export function inlineCode(html: string): { scripts: string[]; styles: string[]; styleAttributes: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const styleAttributes: string[] = [];
  // Script and style bodies first, and out of the markup, so text inside them is never read as attributes.
  const markup = html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (_m, attrs: string, body: string) => {
      if (!/\bsrc\s*=/i.test(attrs) && isExecutable(attrs)) scripts.push(body);
      return '';
    })
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_m, body: string) => {
      styles.push(body);
      return '';
    });
  for (const tag of markup.matchAll(/<[a-z][^\s>/]*\s[^>]*>/gi)) {
    for (const attr of tag[0].matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) styleAttributes.push(decodeAttribute(attr[1] ?? attr[2] ?? ''));
  }
  return { scripts, styles, styleAttributes };
}

/** Every .html file under dir, skipping Pagefind's own folder. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
      return name.endsWith('.html') ? [full] : [];
    });
}

const uniqueSorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Hashes of all inline scripts, inline styles and style attributes in the built site. */
export function inlineHashes(distDir: string): CspHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  for (const file of htmlFiles(distDir)) {
    const code = inlineCode(readFileSync(file, 'utf8'));
    code.scripts.forEach((s) => scripts.add(sha256(s)));
    code.styles.forEach((s) => styles.add(sha256(s)));
    code.styleAttributes.forEach((s) => styleAttributes.add(sha256(s)));
  }
  return { scripts: uniqueSorted(scripts), styles: uniqueSorted(styles), styleAttributes: uniqueSorted(styleAttributes) };
}

/** Hashes of the inline `<script>` elements only. */
export const inlineScriptHashes = (distDir: string): string[] => inlineHashes(distDir).scripts;

/** The hashes recorded in infra/lib/csp-hashes.json. */
export function recordedHashes(file = RECORDED_HASHES_FILE): CspHashes {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CspHashes>;
  return { scripts: data.scripts ?? [], styles: data.styles ?? [], styleAttributes: data.styleAttributes ?? [] };
}

export const sameHashes = (a: CspHashes, b: CspHashes) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The policy. Everything comes from the site's own origin; the exceptions are listed one by one:
 * - script-src 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search index (no JavaScript eval is allowed);
 * - script-src hashes: the theme script that must run before first paint, and Astro's island bootstrap;
 * - style-src hashes: Astro's inline island rule; style-src-attr 'unsafe-hashes': the exact style attributes in the pages;
 * - worker-src 'self': the risk simulation's module worker under /_astro/ and Pagefind's worker;
 * - frame-ancestors 'none': no site may frame the course (clickjacking);
 * - no 'unsafe-inline', no 'unsafe-eval', no third-party origin anywhere.
 */
export function contentSecurityPolicy(hashes: CspHashes, { reportEndpoint }: CspOptions = {}): string {
  const list = (...sources: string[]) => sources.filter(Boolean).join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', list("'self'", "'wasm-unsafe-eval'", ...hashes.scripts)],
    ['style-src', list("'self'", ...hashes.styles)],
    ['style-src-attr', hashes.styleAttributes.length ? list("'unsafe-hashes'", ...hashes.styleAttributes) : "'none'"],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (reportEndpoint !== undefined) {
    // report-to names the Reporting-Endpoints group the stack sends beside the policy; report-uri serves browsers without it.
    directives.push(['report-to', CSP_REPORT_GROUP], ['report-uri', checkedReportEndpoint(reportEndpoint)]);
  }
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

export interface CspOptions {
  /** An https URL that receives violation reports (set at synth time with CSP_REPORT_URI); none by default. */
  reportEndpoint?: string;
}

/** The Reporting-Endpoints group name the policy's report-to directive uses. */
export const CSP_REPORT_GROUP = 'csp-endpoint';

/** An endpoint URL, checked to be https and to hold nothing that would end a directive or a header value. */
function checkedReportEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`CSP report endpoint "${endpoint}" is not a URL: give an https URL such as https://reports.example/csp.`);
  }
  if (url.protocol !== 'https:') throw new Error(`CSP report endpoint "${endpoint}" must be an https URL (browsers send reports only to secure endpoints).`);
  if (/[;,"'\s]/.test(endpoint)) throw new Error(`CSP report endpoint "${endpoint}" must not contain ";", ",", quotes or spaces: percent-encode them.`);
  return endpoint;
}

/** The Reporting-Endpoints header value that gives the report-to group its URL. */
export const reportingEndpointsHeader = (endpoint: string) => `${CSP_REPORT_GROUP}="${checkedReportEndpoint(endpoint)}"`;

/** A hash the build needs that a policy does not allow, and the directive it belongs in. */
export interface MissingHash {
  directive: 'script-src' | 'style-src' | 'style-src-attr';
  hash: string;
}

/**
 * The hashes of a build's inline code that a policy (as deployed, read back from CloudFront) does not allow: with any
 * of them, the browser blocks that code, so a deploy must stop until the stack carries the build's hashes.
 * A missing directive falls back as browsers do (style-src-attr to style-src, either to default-src).
 */
export function missingHashes(policy: string, hashes: CspHashes): MissingHash[] {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const sourcesFor = (...names: string[]) => names.map((n) => directives.get(n)).find((d) => d !== undefined) ?? [];
  const allowed = {
    'script-src': new Set(sourcesFor('script-src', 'default-src')),
    'style-src': new Set(sourcesFor('style-src', 'default-src')),
    'style-src-attr': new Set(sourcesFor('style-src-attr', 'style-src', 'default-src')),
  };
  const lacking = (directive: MissingHash['directive'], list: string[]) =>
    list.filter((hash) => !allowed[directive].has(hash)).map((hash) => ({ directive, hash }));
  return [...lacking('script-src', hashes.scripts), ...lacking('style-src', hashes.styles), ...lacking('style-src-attr', hashes.styleAttributes)];
}

/** Where the hashes for a synth come from: the build when there is one, else the recorded file. */
export function siteHashes(distDir = DEFAULT_DIST): { hashes: CspHashes; source: 'dist' | 'recorded' } {
  return existsSync(distDir) ? { hashes: inlineHashes(distDir), source: 'dist' } : { hashes: recordedHashes(), source: 'recorded' };
}

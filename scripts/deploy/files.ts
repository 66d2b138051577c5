// What each built file is on S3: its content type, its Cache-Control header, and the upload phase it belongs to.

/** Hashed names never change content: browsers and CloudFront keep them a year without asking again. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages above all) is revalidated on every use, so a deploy shows at once. */
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Upload phases, in order. A page only ever goes live after everything it can reference is in place:
 * 1. assets: content-hashed files (Astro's /_astro/, Pagefind's index chunks);
 * 2. files: other unhashed files (favicon, Pagefind's entry and loader, manifests);
 * 3. pages: HTML;
 * 4. worker: the service worker. It precaches the pages under this release's revisions, so it must go live only once
 *    they are: earlier, a browser updating in between would keep the old pages as the new ones until the next release.
 */
export const PHASES = ['assets', 'files', 'pages', 'worker'] as const;

/** The service worker the build writes (scripts/service-worker.ts), at the site root. */
export const SERVICE_WORKER = 'sw.js';
export type Phase = (typeof PHASES)[number];

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
};

export const OCTET_STREAM = 'application/octet-stream';

const extensionOf = (key: string) => {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * Pagefind's `.pf_*` chunks and `.pagefind` WebAssembly bundles are gzip data that Pagefind itself decompresses:
 * served as opaque bytes, with no Content-Encoding (a browser would otherwise unzip them before Pagefind sees them),
 * and with a type CloudFront never compresses again.
 */
export const isPagefindBinary = (key: string) => /\.pf_[a-z]+$/i.test(key) || /\.pagefind$/i.test(key);

/** The Content-Type for a key (relative to the site root, no leading slash). */
export function contentTypeFor(key: string): string {
  if (isPagefindBinary(key)) return OCTET_STREAM;
  return TYPES[extensionOf(key)] ?? OCTET_STREAM;
}

/** Whether the file's name carries a hash of its content, so it can be cached forever. */
export function isHashed(key: string): boolean {
  if (key.startsWith('_astro/')) return true;
  // Pagefind chunks are named by content: pagefind/index/en_1a2b3c.pf_index, pagefind/pagefind.en_1a2b3c.pf_meta.
  return key.startsWith('pagefind/') && /\.pf_[a-z]+$/i.test(key);
}

export const cacheControlFor = (key: string): string => (isHashed(key) ? CACHE_IMMUTABLE : CACHE_REVALIDATE);

export function phaseFor(key: string): Phase {
  if (isHashed(key)) return 'assets';
  if (key === SERVICE_WORKER) return 'worker';
  return extensionOf(key) === 'html' ? 'pages' : 'files';
}

export interface FileHeaders {
  contentType: string;
  cacheControl: string;
  phase: Phase;
}

export const headersFor = (key: string): FileHeaders => ({ contentType: contentTypeFor(key), cacheControl: cacheControlFor(key), phase: phaseFor(key) });

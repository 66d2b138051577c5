// S3 semantics of a build: every internal link and asset reference, passed through the viewer-request function, must name an object in dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadViewerRequest, route } from '../../infra/lib/viewer-request.ts';
import { listFiles } from './local.ts';

export interface PathProblem {
  /** The file the reference is in ("lessons/x/index.html"). */
  file: string;
  /** The reference as written. */
  ref: string;
  problem: string;
}

/** Attributes that hold a URL the browser fetches or navigates to; Astro islands keep their module URLs in their own. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'action', 'component-url', 'renderer-url', 'before-hydration-url'];

/** Every URL an HTML document references, in document order (srcset candidates included). */
export function htmlReferences(html: string): string[] {
  // Inline script and style bodies are code, not markup.
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
  const refs: string[] = [];
  for (const tag of markup.matchAll(/<[a-z][^\s>/]*(\s[^>]*)?>/gi)) {
    for (const attr of (tag[1] ?? '').matchAll(/([a-z-:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const name = attr[1]!.toLowerCase();
      const value = decodeEntities(attr[2] ?? attr[3] ?? '');
      if (URL_ATTRIBUTES.includes(name)) refs.push(value.trim());
      else if (name === 'srcset' || name === 'imagesrcset') refs.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!));
    }
  }
  return refs.filter(Boolean);
}

/** url(...) references in a stylesheet. */
export const cssReferences = (css: string): string[] =>
  [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim()).filter(Boolean);

const decodeEntities = (value: string) =>
  value.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_m, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e] ?? _m);

/** References that leave the site or never hit the network. */
const isExternal = (ref: string) => ref.startsWith('#') || ref.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(ref);

/** The URL path a file is served at ("lessons/x/index.html" -> "/base/lessons/x/"). */
export function servedPath(file: string, basePath: string): string {
  const path = file.endsWith('index.html') && (file === 'index.html' || file.endsWith('/index.html')) ? file.slice(0, -'index.html'.length) : file;
  return basePath + path;
}

/** Normalizes a base path to "/" or "/x/". */
export const normalizeBase = (basePath = '/') => `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * Checks a build as S3 behind CloudFront would serve it. `basePath` is the URL prefix the site is built for ("/" or
 * "/course/"); dist/ holds the files without it, as they are uploaded under that prefix.
 */
export function checkS3Paths(distDir: string, basePath = '/'): PathProblem[] {
  const base = normalizeBase(basePath);
  const handler = loadViewerRequest();
  const files = listFiles(distDir);
  const objects = new Set(files);
  const problems: PathProblem[] = [];

  const check = (file: string, ref: string) => {
    if (isExternal(ref)) return;
    // The 404 page is served at whatever path was missing, so a relative reference in it resolves differently each
    // time; a query-only reference ("?", "?x=1") stays on the current URL, which is what it means there.
    if (file === '404.html' && ref.startsWith('?')) return;
    if (file === '404.html' && !ref.startsWith('/')) {
      problems.push({ file, ref, problem: 'relative reference in the 404 page, which is served at any path: make it absolute' });
      return;
    }
    const url = new URL(ref, `https://site.invalid${servedPath(file, base)}`);
    if (!url.pathname.startsWith(base)) {
      problems.push({ file, ref, problem: `outside the base path ${base}` });
      return;
    }
    const routed = route(handler, url.pathname, url.search ? url.search.slice(1) : undefined);
    if (routed.kind === 'redirect') {
      problems.push({ file, ref, problem: `CloudFront answers ${routed.status} to ${routed.location}: link to that URL instead` });
      return;
    }
    let key: string;
    try {
      key = decodeURIComponent(routed.uri).slice(base.length);
    } catch {
      problems.push({ file, ref, problem: 'malformed percent-encoding' });
      return;
    }
    if (!objects.has(key)) problems.push({ file, ref, problem: `no object "${key}" in the build` });
  };

  for (const file of files) {
    if (file.startsWith('pagefind/')) continue;
    if (file.endsWith('.html')) for (const ref of htmlReferences(readFileSync(join(distDir, file), 'utf8'))) check(file, ref);
    else if (file.endsWith('.css')) for (const ref of cssReferences(readFileSync(join(distDir, file), 'utf8'))) check(file, ref);
  }
  return problems;
}

// Which built pages the audits visit: one page of each route, and every page that embeds a simulation (an Astro island).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A built page: the URL path it is served at (without the base), its HTML size, and whether it hydrates an island. */
export interface BuiltPage {
  path: string;
  bytes: number;
  island: boolean;
}

/** A route from src/pages as a pattern over URL paths ("/lessons/[slug]/" matches "/lessons/waterfall/"). */
export interface Route {
  pattern: string;
  dynamic: boolean;
}

export type PageKind = 'page' | 'sim';

export interface AuditPage {
  path: string;
  /** The route it stands for. */
  route: string;
  /** 'sim' when the page hydrates an island (a simulation or another React tool). */
  kind: PageKind;
}

/** Every page file under src/pages as a route; files and folders starting with "_" are not routes in Astro. */
export function routesIn(pagesDir: string): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('_')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (/\.(astro|md|mdx)$/.test(name)) {
        const stem = name.replace(/\.(astro|md|mdx)$/, '');
        const pattern = stem === 'index' ? prefix : stem === '404' ? `${prefix}404.html` : `${prefix}${stem}/`;
        routes.push({ pattern, dynamic: /\[[^\]]+\]/.test(pattern) });
      }
    }
  };
  walk(pagesDir, '/');
  return routes;
}

const matcher = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/\[\.\.\.[^\]]+\]/g, '\u0001')
      .replace(/\[[^\]]+\]/g, '\u0002')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\u0001/g, '.*')
      .replace(/\u0002/g, '[^/]+')}$`,
  );

/**
 * The pages to audit: each static route's page; for a dynamic route, its largest page without an island (the heaviest
 * of its kind) plus every page of it that has an island, so each simulation lesson is measured, new ones included.
 * The 404 page is left out: it is served with status 404, which Lighthouse refuses to audit.
 */
export function pagesToAudit(pages: BuiltPage[], routes: Route[]): AuditPage[] {
  const ordered = [...routes.filter((r) => !r.dynamic), ...routes.filter((r) => r.dynamic)].map((r) => ({ ...r, test: matcher(r.pattern) }));
  const byRoute = new Map<string, BuiltPage[]>();
  const unmatched: BuiltPage[] = [];
  for (const page of pages) {
    const route = ordered.find((r) => r.test.test(page.path));
    if (!route) unmatched.push(page);
    else byRoute.set(route.pattern, [...(byRoute.get(route.pattern) ?? []), page]);
  }
  const out: AuditPage[] = [];
  for (const route of ordered) {
    if (route.pattern.endsWith('404.html')) continue;
    const matched = (byRoute.get(route.pattern) ?? []).sort((a, b) => a.path.localeCompare(b.path));
    const plain = matched.filter((p) => !p.island).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
    const picked = route.dynamic ? [...plain.slice(0, 1), ...matched.filter((p) => p.island)] : matched;
    for (const page of picked) out.push({ path: page.path, route: route.pattern, kind: page.island ? 'sim' : 'page' });
  }
  // A page no route explains (written by a build step, say) is audited on its own rather than silently skipped.
  for (const page of unmatched) if (!page.path.endsWith('404.html')) out.push({ path: page.path, route: page.path, kind: page.island ? 'sim' : 'page' });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every HTML page in a build (Pagefind's and Astro's asset folders skipped), as served paths with size and island flag. */
export function builtPages(dist: string): BuiltPage[] {
  const out: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        const html = readFileSync(full, 'utf8');
        const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        out.push({ path, bytes: Buffer.byteLength(html), island: /<astro-island\b/.test(html) });
      }
    }
  };
  walk(dist);
  return out;
}

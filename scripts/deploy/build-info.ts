// What a build says about itself that the deploy must agree with: the base path its pages were built for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizePrefix } from './plan.ts';
import { htmlReferences } from './s3-paths.ts';

/** The base path a page was built for ("/" or "/course/"), read from where it loads hashed assets; null when it loads none or from two places. */
export function basePathOfPage(html: string): string | null {
  const bases = new Set<string>();
  for (const ref of htmlReferences(html)) {
    const at = ref.indexOf('/_astro/');
    if (ref.startsWith('/') && !ref.startsWith('//') && at !== -1) bases.add(ref.slice(0, at + 1));
  }
  return bases.size === 1 ? [...bases][0]! : null;
}

/** The base path of the build in distDir, from its home page. */
export const buildBasePath = (distDir: string): string | null => basePathOfPage(readFileSync(join(distDir, 'index.html'), 'utf8'));

/** The URL path an upload prefix serves the site under ("" -> "/", "course" -> "/course/"). */
const pathOfPrefix = (prefix: string) => `/${normalizePrefix(prefix)}`;

/** How to ask for a base path with the deploy's --prefix. */
const prefixFlag = (base: string) => (base === '/' ? 'no --prefix' : `--prefix ${base.slice(1, -1)}`);

export interface BasePaths {
  /** What the build's pages were made for; null when that cannot be told. */
  buildBase: string | null;
  /** The deploy's --prefix. */
  prefix: string;
  /** The BasePath the live distribution's hashed-asset behaviour is set for; null when unknown (no distribution given). */
  stackBase: string | null;
  distributionId?: string;
}

/** Why the build, the upload prefix and the stack disagree about where the site lives, or null when they agree. */
export function basePathRefusal({ buildBase, prefix, stackBase, distributionId = 'the distribution' }: BasePaths): string | null {
  const uploadBase = pathOfPrefix(prefix);
  if (buildBase !== null && buildBase !== uploadBase) {
    return (
      `the build was made for the base path ${buildBase} (its pages load ${buildBase}_astro/…), but --prefix puts it under ${uploadBase}: ` +
      `upload with ${prefixFlag(buildBase)}, or rebuild with BASE_PATH=${uploadBase} npm run build.`
    );
  }
  if (stackBase !== null && stackBase !== uploadBase) {
    const made = buildBase !== null ? `the build was made for ${buildBase}` : `--prefix puts the site under ${uploadBase}`;
    return (
      `${distributionId} serves the site under ${stackBase} (the stack's BasePath), but ${made}: update the stack with ` +
      `--parameters BasePath=${uploadBase} (README, "Deploying to AWS", step 2), or rebuild with BASE_PATH=${stackBase} and upload with ${prefixFlag(stackBase)}.`
    );
  }
  return null;
}

/** The site Astro builds for when SITE_URL is not set (astro.config.mjs): a reserved host, never the real one. */
export const PLACEHOLDER_SITE_URL = 'https://ship-small.example';

/** The origin of a page's canonical link ("https://course.example.org"), or null when it has none. */
export function siteUrlOfPage(html: string): string | null {
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag[0])) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag[0]);
    try {
      return new URL(href?.[1] ?? href?.[2] ?? '').origin;
    } catch {
      return null;
    }
  }
  return null;
}

/** The site URL of the build in distDir, from its home page's canonical link. */
export const buildSiteUrl = (distDir: string): string | null => siteUrlOfPage(readFileSync(join(distDir, 'index.html'), 'utf8'));

/** Why the build's canonical links are wrong for this deploy (the placeholder, or not the stack's SiteUrl output), or null. */
export function siteUrlRefusal(buildSite: string | null, stackSiteUrl: string | null): string | null {
  const fix = (url: string) => `rebuild with SITE_URL=${url} npm run build (the stack's SiteUrl output, or your custom domain), then deploy.`;
  if (buildSite === PLACEHOLDER_SITE_URL) {
    return `the build's canonical links point at the placeholder ${PLACEHOLDER_SITE_URL}, so search engines would index the wrong host: ${fix(stackSiteUrl ? new URL(stackSiteUrl).origin : 'https://your-site')}`;
  }
  if (buildSite && stackSiteUrl && new URL(stackSiteUrl).origin !== buildSite) {
    return `the build's canonical links point at ${buildSite}, but the stack's SiteUrl is ${stackSiteUrl}: ${fix(new URL(stackSiteUrl).origin)}`;
  }
  return null;
}

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

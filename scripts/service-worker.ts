// Writes dist/sw.js with Workbox after the build: every page, asset and search file precached, so the course works offline.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import type { GetManifestOptions } from 'workbox-build';

/** Which files the service worker precaches, and how their revisions are set. */
export const precacheOptions = (dist: string) =>
  ({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,svg,webmanifest,json,wasm}', 'pagefind/**/*'],
    globIgnores: ['sw.js', 'workbox-*.js'],
    // Hashed assets never change under the same name, so Workbox need not add a revision to them. Workbox matches
    // this against URLs relative to the build ("_astro/x.js", no leading slash).
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  }) satisfies GetManifestOptions;

/** Generates dist/sw.js. */
export async function writeServiceWorker(dist: string): Promise<void> {
  const { count, size, warnings } = await generateSW({
    ...precacheOptions(dist),
    swDest: `${dist}/sw.js`,
    // A new release takes over on the next load; the page already open keeps the files it started with.
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  console.log(`service worker: ${count} files precached (${(size / 1024).toFixed(0)} KB)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeServiceWorker(process.env.DIST ?? 'dist');
}

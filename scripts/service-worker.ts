// Writes dist/sw.js with Workbox after the build: every page, asset and search file precached, so the course works offline.
import { generateSW } from 'workbox-build';

const dist = process.env.DIST ?? 'dist';

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,css,svg,webmanifest,json,wasm}', 'pagefind/**/*'],
  globIgnores: ['sw.js', 'workbox-*.js'],
  swDest: `${dist}/sw.js`,
  // Hashed assets never change under the same name, so Workbox need not add a revision to them.
  dontCacheBustURLsMatching: /\/_astro\//,
  // A new release takes over on the next load; the page already open keeps the files it started with.
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
});
for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(`service worker: ${count} files precached (${(size / 1024).toFixed(0)} KB)`);

// Astro configuration: static output, directory URLs with trailing slashes, MDX and React-API islands on Preact.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import afterPaint from './scripts/after-paint.ts';

const base = process.env.BASE_PATH ?? '/';
// A build of another content folder (the broken-lesson test) keeps its own cache, so it never leaks into the real site.
const contentRoot = process.env.SHIP_SMALL_CONTENT;

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ship-small.example',
  base,
  ...(contentRoot ? { cacheDir: `./node_modules/.astro-${contentRoot.replace(/[^a-z0-9]+/gi, '-')}` } : {}),
  trailingSlash: 'always',
  // Styles go inline in each page: a linked stylesheet holds the first paint back by a round trip (README, Performance budget).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // React's API on Preact's runtime (preact/compat): the islands are written against React and ship about 50 KB less.
  integrations: [mdx(), preact({ compat: true, include: ['src/**/*.tsx'] }), afterPaint()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Scripts stay files, never inlined: Vite's preload helper breaks in inline modules, and files keep the CSP simple.
  vite: { build: { assetsInlineLimit: 0 } },
});

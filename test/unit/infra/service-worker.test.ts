// The service worker's precache list, as Workbox builds it from scripts/service-worker.ts's options over a small site.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { precacheOptions } from '../../../scripts/service-worker.ts';

// Synthesis and deploys take seconds, many more on a loaded machine: generous limits, and no assertion about time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const site = mkdtempSync(join(tmpdir(), 'sw-site-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
for (const [path, text] of Object.entries({
  'index.html': '<!doctype html><title>Home</title>',
  'lessons/x/index.html': '<!doctype html><title>X</title>',
  '_astro/app.D1lmNybE.js': 'export {};',
  '_astro/site.a1b2c3.css': 'body{}',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'sw.js': '// the previous service worker',
})) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}

describe('the precache list of the service worker', () => {
  it('gives hashed /_astro/ files no revision, since their names change with their content', async () => {
    const { manifestEntries } = await getManifest(precacheOptions(site));
    const astro = (manifestEntries ?? []).filter((e) => typeof e !== 'string' && e.url.startsWith('_astro/'));
    expect(astro.map((e) => (typeof e === 'string' ? e : e.url)).sort()).toEqual(['_astro/app.D1lmNybE.js', '_astro/site.a1b2c3.css']);
    for (const entry of astro) expect(entry).toMatchObject({ revision: null });
  });

  it('revises pages and other unhashed files by their content, and leaves out the worker itself', async () => {
    const { manifestEntries } = await getManifest(precacheOptions(site));
    const byUrl = new Map((manifestEntries ?? []).map((e) => (typeof e === 'string' ? [e, null] : [e.url, e.revision])));
    for (const url of ['index.html', 'lessons/x/index.html', 'favicon.svg']) expect(byUrl.get(url), url).toMatch(/^[0-9a-f]{32}$/);
    expect(byUrl.has('sw.js')).toBe(false);
  });
});

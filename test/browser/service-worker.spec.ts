// A new release reaches an offline-capable learner cleanly: the open page keeps its own release, the next load shows the new one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test } from './fixtures.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** A static server for one release folder, answering as S3 behind the CloudFront Function would (/x/ -> /x/index.html). */
function serve(root: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root(), path.endsWith('/') ? `${path}index.html` : path));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('after a deploy, the open page keeps working and the next load shows the new release', async ({ browser }) => {
  test.setTimeout(150_000);
  const releaseA = mkdtempSync(join(tmpdir(), 'ship-small-a-'));
  const releaseB = mkdtempSync(join(tmpdir(), 'ship-small-b-'));
  cpSync('dist', releaseA, { recursive: true });
  cpSync('dist', releaseB, { recursive: true });
  // Release B changes a lesson and keeps release A's hashed assets too (the deploy prunes them only one release later).
  const lesson = join(releaseB, 'lessons/conway/index.html');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<h1>', '<h1 data-release="b">'));
  const sw = spawnSync(process.execPath, ['scripts/service-worker.ts'], { env: { ...process.env, DIST: releaseB }, encoding: 'utf8' });
  expect(sw.status, sw.stderr).toBe(0);

  let current = releaseA;
  const server = await serve(() => current);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/lessons/conway/`);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.active))), { timeout: 30_000 }).toBe(true);
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect(page.locator('h1[data-release="b"]')).toHaveCount(0);

    current = releaseB;
    // The open page, still on release A, loads more of its own files without trouble.
    await page.goto(`${origin}/lessons/batch-size/`);
    await page.locator('.sim-embed').scrollIntoViewIfNeeded();
    await expect(page.locator('.sim-embed.sim-live')).toHaveCount(1);
    // Ask the browser to look for the new service worker and wait until it has installed and taken over.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      const incoming = registration?.installing ?? registration?.waiting;
      if (incoming && incoming.state !== 'activated') {
        await new Promise<void>((resolve) => incoming.addEventListener('statechange', () => incoming.state === 'activated' && resolve()));
      }
    });
    // The next load is release B, every file of it.
    await page.goto(`${origin}/lessons/conway/`);
    await expect(page.locator('h1[data-release="b"]')).toHaveCount(1);
  } finally {
    await context.close();
    server.close();
    rmSync(releaseA, { recursive: true, force: true });
    rmSync(releaseB, { recursive: true, force: true });
  }
});

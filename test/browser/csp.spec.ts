// The Content-Security-Policy's own checks: recorded hashes, length, the sim's worker and search's WebAssembly under it, and that the watch catches violations (every page is visited under it in pages.spec.ts).
import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { CLOUDFRONT_CSP_MAX_LENGTH, contentSecurityPolicy, recordedHashes } from '../../infra/lib/csp.ts';
import { CSP, DIST, HASHES as hashes, underPolicy, visit } from './csp-watch.ts';

// The service worker would answer from its cache, where the test's injected header never reaches; these tests need the network.
test.use({ serviceWorkers: 'block' });

test.describe('the Content-Security-Policy', () => {
  test('has hashes recorded in infra/lib/csp-hashes.json that match the build', () => {
    expect(recordedHashes(), 'The inline code in dist/ changed: run `npm run infra:hashes` and commit infra/lib/csp-hashes.json.').toEqual(hashes);
  });

  test('fits the length CloudFront accepts', () => {
    expect(CSP.length).toBeLessThanOrEqual(CLOUDFRONT_CSP_MAX_LENGTH);
  });

  test('lets the risk simulation start its module worker and get an answer', async ({ page }) => {
    const violations = await underPolicy(page);
    await visit(page, '/lessons/batch-size/');
    const workerFile = readdirSync(`${DIST}/_astro`).find((f) => /^risk\.worker.*\.js$/.test(f));
    expect(workerFile, 'the build has a risk worker under /_astro/').toBeDefined();
    const points = await page.evaluate(
      (url) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(url, { type: 'module' });
          worker.onmessage = (e: MessageEvent<{ data: unknown[] }>) => resolve(e.data.data.length);
          worker.onerror = (e) => reject(new Error(e.message || 'worker failed to start'));
          worker.postMessage({ id: 1, request: { kind: 'risk', p: 0.05, maxSize: 10, trials: 200, seed: 1 } });
        }),
      `/_astro/${workerFile}`,
    );
    expect(points).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  test('lets Pagefind load its WebAssembly and find a lesson', async ({ page }) => {
    const violations = await underPolicy(page);
    await visit(page, '/search/');
    await page.getByLabel('Search lessons').fill('Ghent');
    await expect(page.locator('[data-search-results] li a').first()).toHaveAttribute('href', /\/lessons\/origins\/$/);
    expect(await violations()).toEqual([]);
  });
});

test.describe('the violation watch itself', () => {
  test('catches an inline script the policy does not hash', async ({ page }) => {
    const violations = await underPolicy(page, contentSecurityPolicy({ ...hashes, scripts: [] }));
    await visit(page, '/');
    expect((await violations()).join('\n')).toMatch(/script-src/);
  });

  test('catches WebAssembly in a worker when the policy forbids it', async ({ page }) => {
    const violations = await underPolicy(page, CSP.replace(" 'wasm-unsafe-eval'", ''));
    await visit(page, '/search/');
    await page.getByLabel('Search lessons').fill('Ghent');
    await expect.poll(async () => (await violations()).join('\n'), { timeout: 20_000 }).toMatch(/wasm|WebAssembly|unsafe-eval/i);
  });
});

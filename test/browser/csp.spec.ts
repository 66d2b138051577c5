// Every built page under the real Content-Security-Policy header (infra/lib/csp.ts) in Chromium: no violation anywhere.
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CLOUDFRONT_CSP_MAX_LENGTH, contentSecurityPolicy, inlineHashes, recordedHashes } from '../../infra/lib/csp.ts';
import { builtPages } from './site.ts';

const DIST = 'dist';
const hashes = inlineHashes(DIST);
const CSP = contentSecurityPolicy(hashes);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Serves every response with the CSP header CloudFront adds, and records violations two ways: the page's
 * `securitypolicyviolation` events, and Chromium's console reports (which also cover workers).
 */
async function underPolicy(page: Page, policy = CSP): Promise<() => Promise<string[]>> {
  const consoleReports: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) consoleReports.push(`console ${msg.type()}: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber}) sample: ${e.sample} target: ${(e.target as Element)?.outerHTML?.slice(0, 200)}`,
      );
    });
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...consoleReports];
}

/** Loads a page, brings every island into view so it hydrates, and waits for the network to settle. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // Islands hydrate when visible: bring each into view and wait until it has hydrated (Astro then drops its ssr attribute).
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
}

// The service worker would answer from its cache, where the test's injected header never reaches; these tests need the network.
test.use({ serviceWorkers: 'block' });

test.describe('the Content-Security-Policy', () => {
  test('has hashes recorded in infra/lib/csp-hashes.json that match the build', () => {
    expect(recordedHashes(), 'The inline code in dist/ changed: run `npm run infra:hashes` and commit infra/lib/csp-hashes.json.').toEqual(hashes);
  });

  test('fits the length CloudFront accepts', () => {
    expect(CSP.length).toBeLessThanOrEqual(CLOUDFRONT_CSP_MAX_LENGTH);
  });

  for (const path of builtPages(DIST)) {
    test(`is satisfied by ${path}`, async ({ page }) => {
      const violations = await underPolicy(page);
      await visit(page, path);
      expect(await violations()).toEqual([]);
    });
  }

  test('lets every island hydrate on the simulation page', async ({ page }) => {
    const violations = await underPolicy(page);
    await visit(page, '/lessons/batch-size/');
    // Astro drops the ssr attribute once an island's bootstrap script and component have run.
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.locator('astro-island').first()).toBeAttached();
    expect(await violations()).toEqual([]);
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

// The real Content-Security-Policy header (infra/lib/csp.ts) served on every response, and a watch for its violations.
import { expect, type Page } from '@playwright/test';
import { contentSecurityPolicy, inlineHashes } from '../../infra/lib/csp.ts';

export const DIST = 'dist';
export const HASHES = inlineHashes(DIST);
export const CSP = contentSecurityPolicy(HASHES);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Watches a page under the CSP header CloudFront adds (or `policy` instead), and records violations two ways: the page's
 * `securitypolicyviolation` events, and Chromium's console reports (which also cover workers).
 */
export async function underPolicy(page: Page, policy = CSP): Promise<() => Promise<string[]>> {
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
  // The test server (scripts/serve-compressed.ts) already sends the site's policy; another one is swapped in per response.
  if (policy !== CSP) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
  }
  // Console reports are handed over once; the page's own list starts afresh on each navigation.
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...consoleReports.splice(0)];
}

/** Loads a page, brings every island into view so it hydrates, and waits for the network to settle. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // Islands hydrate when visible: bring each into view and wait until it has hydrated (Astro then drops its ssr attribute).
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
}

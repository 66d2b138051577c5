// Helpers for browser tests: the list of built pages, and a page watcher for console errors and failed requests.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import axe from 'axe-core';
import type { Locator, Page } from '@playwright/test';

/** Every HTML page in dist/, as the URL path it is served at. */
export function builtPages(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        out.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Collects console errors, page errors and failed requests while a test runs. */
export function watch(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A navigation cancels requests still in flight (ERR_ABORTED); that is the browser's doing, not a broken link.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/does-not-exist/')) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { problems };
}

export const PROGRESS_KEY = 'ship-small:progress';

/**
 * Answers every question of the lesson quiz on the page right at the first try (by mouse; the keyboard journeys are in
 * learner.spec.ts), which completes the lesson under the pass rule.
 */
export async function passQuiz(page: Page): Promise<void> {
  const forms = page.locator('form[data-question]');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    await form.locator(`input[value="${await form.getAttribute('data-answer')}"]`).check();
    await form.getByRole('button', { name: /Check answer/ }).click();
    await form.locator('[data-feedback] .verdict').waitFor();
  }
}

/** Where the radio for authored choice `value` sits among a question's radios, after the learner's shuffle. */
export async function positionOf(group: ReturnType<Page['locator']>, value: number): Promise<number> {
  const values = await group.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
  return values.indexOf(value);
}

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/**
 * Axe at WCAG 2.1 AA over the page, or over `include` only, as "rule: targets" lines. Axe's source is evaluated once per
 * document through the DevTools protocol (the site's CSP does not apply to it), and only violations come back.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axe.source);
  return page.evaluate(async (selector) => {
    const result = await window.axe!.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
}

/** Opens the class debrief, pastes result codes a learner per line, charts them, and returns the named sim's group. */
export async function chartClass(page: Page, sim: string, codes: readonly string[]): Promise<Locator> {
  await page.goto('/instructor/debrief/');
  await page.locator('[data-codes]').fill(codes.map((c, i) => `Learner ${i}: ${c}`).join('\n'));
  await page.getByRole('button', { name: 'Chart the class' }).click();
  return page.locator(`[data-debrief-sim="${sim}"]`);
}

// Playwright: browser tests against the built site served as CloudFront serves it (its headers and CSP), in Debian's Chromium when present.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, TEST_CHROMIUM_PATH } from './scripts/chromium.ts';

const port = Number(process.env.PORT ?? 4321);

export default defineConfig({
  testDir: 'test/browser',
  // Every test has its own context, so tests spread over the workers one by one, not file by file.
  fullyParallel: true,
  // Two browsers share the 2 cores: most of a test is waiting on a page, and every test has its own context.
  workers: Number(process.env.PW_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  // A busy 2-core machine can take seconds to hydrate an island; waiting longer never passes a wrong page.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace costs a third of the suite's time here: CI records one when it retries a failed test; locally, pass --trace on.
    trace: 'on-first-retry',
    // Each test's fresh context would otherwise install the service worker and precache the whole site (150 files);
    // the offline tests allow it for themselves.
    serviceWorkers: 'block',
    launchOptions: {
      ...(TEST_CHROMIUM_PATH ? { executablePath: TEST_CHROMIUM_PATH } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node scripts/serve-compressed.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

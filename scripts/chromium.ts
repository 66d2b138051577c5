// How the tests and audits launch Chromium here: Debian's builds when present, and the flags a closed network and root need.
import { existsSync } from 'node:fs';

const chosen = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
const installed = (...paths: string[]) => paths.find((path) => existsSync(path));

/** The full browser, for the audits that measure what a learner's Chrome does (Lighthouse, responsiveness). */
export const CHROMIUM_PATH = chosen ?? installed('/usr/bin/chromium');

/**
 * The browser the test suite drives: Debian's old headless shell when present (the build Playwright itself runs
 * headless), which takes the suite from about 350 s to 190 s of the 2 cores here; else the full browser.
 */
export const TEST_CHROMIUM_PATH = chosen ?? installed('/usr/bin/chromium-headless-shell', '/usr/bin/chromium');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

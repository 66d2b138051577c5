// Vitest configuration: two projects. "unit" holds pure tests (threads, no isolation: seconds, good for watch mode);
// "integration" holds tests that build the site, synthesize the CDK stack or deploy to a local S3, one file at a time,
// with time-outs sized for a loaded 2-core machine. Nothing asserts on elapsed time.
import { defineConfig } from 'vitest/config';

/** Tests that run the Astro build, the CDK or a local S3 server. */
const INTEGRATION = ['test/unit/base-path.test.ts', 'test/unit/build-errors.test.ts', 'test/unit/infra/**/*.test.ts'];

export default defineConfig({
  // The islands import React's API; as in the build (astro.config.mjs), Preact's compat layer provides it.
  resolve: {
    alias: [
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
      { find: /^react-dom\/(.*)$/, replacement: 'preact/compat/$1' },
      { find: /^react\/(jsx-runtime|jsx-dev-runtime)$/, replacement: 'preact/$1' },
    ],
  },
  test: {
    environment: 'node',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: INTEGRATION,
          pool: 'threads',
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: INTEGRATION,
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

// Proves that a malformed lesson stops the content layer (the first step of every build) with a message naming the file and the field.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childEnv } from './helpers/child-env.ts';

// `astro sync` loads and validates every collection exactly as `astro build` does before it renders a page, in a fraction of the time.
describe('building a course with a malformed lesson', () => {
  it('fails and names the lesson file and the broken field', () => {
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
      env: childEnv({ SHIP_SMALL_CONTENT: './test/fixtures/broken-content' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('test/fixtures/broken-content/lessons/01-basics/01-broken.mdx');
    expect(output).toContain('quiz.0.answer');
  }, 120_000);
});

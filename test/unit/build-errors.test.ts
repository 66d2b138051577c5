// Proves that a malformed lesson stops the real build with a message naming the file and the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from './helpers/child-env.ts';

describe('building a course with a malformed lesson', () => {
  it('fails and names the lesson file and the broken field', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'ship-small-broken-'));
    try {
      const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
        env: childEnv({ SHIP_SMALL_CONTENT: './test/fixtures/broken-content' }),
        encoding: 'utf8',
        timeout: 120_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).not.toBe(0);
      expect(output).toContain('test/fixtures/broken-content/lessons/01-basics/01-broken.mdx');
      expect(output).toContain('quiz.0.answer');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

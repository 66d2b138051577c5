// Builds the real site under a path prefix and checks, with S3's rules, that every link, asset, the search index and the service worker respect it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkS3Paths } from '../../scripts/deploy/s3-paths.ts';
import { childEnv } from './helpers/child-env.ts';

const BASE = '/devops-course/';
let out = '';

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, { env: childEnv(env), encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

describe(`the site built under ${BASE}`, () => {
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'ship-small-base-'));
    run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], { BASE_PATH: BASE });
    run(['node_modules/pagefind/lib/runner/bin.cjs', '--site', out, '--silent']);
    run(['scripts/service-worker.ts'], { DIST: out });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('references only objects that exist, once each path goes through the CloudFront Function', () => {
    expect(checkS3Paths(out, BASE)).toEqual([]);
  });

  it('links every page, lesson and asset under the prefix', () => {
    const lesson = readFileSync(join(out, 'lessons/incentives/index.html'), 'utf8');
    const hrefs = [...lesson.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href.startsWith(BASE), href).toBe(true);
    expect(lesson).toMatch(/href="\.\.\/batch-size\/"/);
  });

  it('builds the search index and the service worker inside the prefix', () => {
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    const search = readFileSync(join(out, 'search/index.html'), 'utf8');
    const script = /src="([^"]*search[^"]*\.js)"/.exec(search)?.[1];
    expect(script?.startsWith(`${BASE}_astro/`)).toBe(true);
    expect(readFileSync(join(out, script!.slice(BASE.length)), 'utf8')).toContain('/devops-course');
    expect(readFileSync(join(out, 'sw.js'), 'utf8')).toContain('lessons/batch-size/index.html');
  });
});

// The S3-semantics check of a build, on a small fixture site and on broken copies of it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkS3Paths, cssReferences, htmlReferences, normalizeBase, servedPath } from '../../../scripts/deploy/s3-paths.ts';

const FIXTURE = 'test/fixtures/s3-site';
const scratch = mkdtempSync(join(tmpdir(), 's3-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the fixture with one page replaced. */
function siteWith(file: string, html: string): string {
  const dir = mkdtempSync(join(scratch, 'site-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), html);
  return dir;
}

describe('reading references', () => {
  it('finds links, assets, srcset candidates and Astro island modules, but not code inside scripts', () => {
    const html = `<a href="/a/">A</a><img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x"><astro-island component-url="/_astro/S.js" renderer-url="/_astro/c.js"></astro-island><script>const s = '<a href="/nope/">'</script>`;
    expect(htmlReferences(html)).toEqual(['/a/', '/i.png', '/i-1.png', '/i-2.png', '/_astro/S.js', '/_astro/c.js']);
  });

  it('decodes &amp; in attribute values', () => {
    expect(htmlReferences('<a href="/x/?a=1&amp;b=2">x</a>')).toEqual(['/x/?a=1&b=2']);
  });

  it('finds url() references in stylesheets, quoted or not', () => {
    expect(cssReferences(`a{background:url(a.svg)} @font-face{src:url('/f.woff2')} b{mask:url("m.svg")}`)).toEqual(['a.svg', '/f.woff2', 'm.svg']);
  });

  it('maps files to the URLs they are served at, under a base path too', () => {
    expect(servedPath('index.html', '/')).toBe('/');
    expect(servedPath('lessons/x/index.html', '/')).toBe('/lessons/x/');
    expect(servedPath('404.html', '/course/')).toBe('/course/404.html');
    expect(['/', '', 'course', '/course', '/course/'].map(normalizeBase)).toEqual(['/', '/', '/course/', '/course/', '/course/']);
  });
});

describe('checking a build as S3 behind CloudFront serves it', () => {
  it('passes the fixture site: relative and absolute links, query strings, dotted and encoded directories, CSS urls', () => {
    expect(checkS3Paths(FIXTURE, '/')).toEqual([]);
  });

  it('reports a link to a page that was not built', () => {
    const dir = siteWith('search/index.html', '<a href="/lessons/missing/">x</a>');
    expect(checkS3Paths(dir, '/')).toEqual([
      { file: 'search/index.html', ref: '/lessons/missing/', problem: 'no object "lessons/missing/index.html" in the build' },
    ]);
  });

  it('reports a link without its trailing slash, which costs a redirect', () => {
    const dir = siteWith('search/index.html', '<a href="/lessons/intro?seed=1">x</a>');
    expect(checkS3Paths(dir, '/')).toEqual([
      { file: 'search/index.html', ref: '/lessons/intro?seed=1', problem: 'CloudFront answers 301 to /lessons/intro/?seed=1: link to that URL instead' },
    ]);
  });

  it('reports a missing asset', () => {
    const dir = siteWith('search/index.html', '<script type="module" src="/_astro/gone.123.js"></script>');
    expect(checkS3Paths(dir, '/')).toEqual([{ file: 'search/index.html', ref: '/_astro/gone.123.js', problem: 'no object "_astro/gone.123.js" in the build' }]);
  });

  it('reports a relative reference in the 404 page, which is served at any depth, but not a query-only one', () => {
    const dir = siteWith('404.html', '<link rel="stylesheet" href="_astro/site.a1b2c3.css"><a href="?">Stay here</a>');
    expect(checkS3Paths(dir, '/')).toEqual([expect.objectContaining({ file: '404.html', ref: '_astro/site.a1b2c3.css' })]);
  });

  it('checks a build for a base path: links must stay under it and name files relative to it', () => {
    const dir = siteWith('search/index.html', '<a href="/course/lessons/intro/">in</a><a href="/lessons/intro/">out</a>');
    writeFileSync(join(dir, 'index.html'), '<a href="/course/search/">s</a>');
    writeFileSync(join(dir, 'lessons/intro/index.html'), '<a href="../../">home</a>');
    writeFileSync(join(dir, '404.html'), '<a href="/course/">home</a>');
    writeFileSync(join(dir, '_astro/site.a1b2c3.css'), '');
    for (const page of ['notes and tips/index.html', 'v1.2/intro/index.html']) writeFileSync(join(dir, page), '');
    expect(checkS3Paths(dir, '/course/')).toEqual([{ file: 'search/index.html', ref: '/lessons/intro/', problem: 'outside the base path /course/' }]);
  });
});

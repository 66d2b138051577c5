// The deploy plan: content types and cache headers per file, the upload order, skips, and what is pruned when.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, contentTypeFor, headersFor } from '../../../scripts/deploy/files.ts';
import {
  formatPlan,
  keysToInspect,
  manifestKey,
  normalizePrefix,
  otherSitePrefixes,
  parseManifest,
  planDeploy,
  releaseIdOf,
} from '../../../scripts/deploy/plan.ts';
import type { LocalFile, Manifest, Plan } from '../../../scripts/deploy/plan.ts';
import { explainError, invalidationInput, parseStackOutputs, resolveTarget } from '../../../scripts/deploy/target.ts';
import { PLACEHOLDER_SITE_URL, basePathOfPage, basePathRefusal, buildBasePath, siteUrlOfPage, siteUrlRefusal } from '../../../scripts/deploy/build-info.ts';

const file = (path: string, md5 = `md5-of-${path}`): LocalFile => ({ path, md5, size: 10 });
const remoteOf = (plan: Plan) => plan.items.filter((i) => i.action !== 'prune').map((i) => ({ key: i.key, etag: `"${i.md5}"` }));

describe('headers per file', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', CACHE_REVALIDATE, 'pages'],
    ['lessons/x/index.html', 'text/html; charset=utf-8', CACHE_REVALIDATE, 'pages'],
    ['404.html', 'text/html; charset=utf-8', CACHE_REVALIDATE, 'pages'],
    ['_astro/Base.D2Ih5U6N.css', 'text/css; charset=utf-8', CACHE_IMMUTABLE, 'assets'],
    ['_astro/client.OzTcoKK0.js', 'text/javascript; charset=utf-8', CACHE_IMMUTABLE, 'assets'],
    ['_astro/risk.worker-Db3_3R2s.js', 'text/javascript; charset=utf-8', CACHE_IMMUTABLE, 'assets'],
    ['_astro/font.abc.woff2', 'font/woff2', CACHE_IMMUTABLE, 'assets'],
    ['favicon.svg', 'image/svg+xml', CACHE_REVALIDATE, 'files'],
    ['site.webmanifest', 'application/manifest+json', CACHE_REVALIDATE, 'files'],
    ['lib/module.mjs', 'text/javascript; charset=utf-8', CACHE_REVALIDATE, 'files'],
    ['lib/engine.wasm', 'application/wasm', CACHE_REVALIDATE, 'files'],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8', CACHE_REVALIDATE, 'files'],
    ['pagefind/pagefind-entry.json', 'application/json', CACHE_REVALIDATE, 'files'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream', CACHE_REVALIDATE, 'files'],
    ['pagefind/index/en_1a2b3c.pf_index', 'application/octet-stream', CACHE_IMMUTABLE, 'assets'],
    ['pagefind/fragment/en_1a2b3c.pf_fragment', 'application/octet-stream', CACHE_IMMUTABLE, 'assets'],
    ['pagefind/pagefind.en_5951cab55e.pf_meta', 'application/octet-stream', CACHE_IMMUTABLE, 'assets'],
    ['downloads/notes', 'application/octet-stream', CACHE_REVALIDATE, 'files'],
    ['sw.js', 'text/javascript; charset=utf-8', CACHE_REVALIDATE, 'worker'],
    ['lessons/sw.js', 'text/javascript; charset=utf-8', CACHE_REVALIDATE, 'files'],
  ])('%s is %s, cached "%s", uploaded with the %s', (path, contentType, cacheControl, phase) => {
    expect(headersFor(path)).toEqual({ contentType, cacheControl, phase });
  });

  it('reads extensions case-insensitively and ignores dots in directory names', () => {
    expect(contentTypeFor('IMG/PHOTO.PNG')).toBe('image/png');
    expect(contentTypeFor('v1.2/intro/README')).toBe('application/octet-stream');
  });
});

describe('planning a first deploy to an empty bucket', () => {
  const plan = planDeploy({
    local: [file('sw.js'), file('index.html'), file('favicon.svg'), file('_astro/a.1.js'), file('lessons/x/index.html')],
    remote: [],
  });

  it('uploads hashed assets first, other files next, pages after them and the service worker last', () => {
    expect(plan.uploads.map((i) => `${i.phase}:${i.key}`)).toEqual([
      'assets:_astro/a.1.js',
      'files:favicon.svg',
      'pages:index.html',
      'pages:lessons/x/index.html',
      'worker:sw.js',
    ]);
  });

  it('skips and prunes nothing, and records the release with no previous one', () => {
    expect(plan.skips).toEqual([]);
    expect(plan.prunes).toEqual([]);
    expect(plan.manifest.previous).toBeNull();
    expect(Object.keys(plan.manifest.current.files)).toHaveLength(5);
  });
});

describe('planning later deploys', () => {
  const release1 = planDeploy({ local: [file('index.html', 'h1'), file('_astro/a.1.js'), file('favicon.svg')], remote: [] });

  it('skips files whose bytes and headers are already in the bucket', () => {
    const again = planDeploy({
      local: [file('index.html', 'h1'), file('_astro/a.1.js'), file('favicon.svg')],
      remote: remoteOf(release1),
      manifest: release1.manifest,
    });
    expect(again.uploads).toEqual([]);
    expect(again.skips).toHaveLength(3);
    expect(again.releaseId).toBe(release1.releaseId);
  });

  it('uploads a file again when its bytes differ from the object in the bucket', () => {
    const remote = remoteOf(release1).map((o) => (o.key === 'favicon.svg' ? { ...o, etag: '"other"' } : o));
    const plan = planDeploy({ local: [file('index.html', 'h1'), file('_astro/a.1.js'), file('favicon.svg')], remote, manifest: release1.manifest });
    expect(plan.uploads.map((i) => i.key)).toEqual(['favicon.svg']);
  });

  it('uploads a file again when the last release gave it other headers', () => {
    const manifest: Manifest = structuredClone(release1.manifest);
    manifest.current.files['favicon.svg']!.cacheControl = 'max-age=60';
    const plan = planDeploy({ local: [file('index.html', 'h1'), file('_astro/a.1.js'), file('favicon.svg')], remote: remoteOf(release1), manifest });
    expect(plan.uploads.map((i) => i.key)).toEqual(['favicon.svg']);
  });

  it('keeps the files of the previous release and prunes them only one release later', () => {
    const release2 = planDeploy({
      local: [file('index.html', 'h2'), file('_astro/a.2.js'), file('favicon.svg')],
      remote: remoteOf(release1),
      manifest: release1.manifest,
    });
    expect(release2.prunes).toEqual([]);
    expect(release2.manifest.previous).toEqual({ id: release1.releaseId, keys: ['_astro/a.1.js', 'favicon.svg', 'index.html'] });

    const bucketAfter2 = [...remoteOf(release1), { key: '_astro/a.2.js', etag: '"md5-of-_astro/a.2.js"' }];
    const release3 = planDeploy({
      local: [file('index.html', 'h3'), file('_astro/a.3.js'), file('favicon.svg')],
      remote: bucketAfter2,
      manifest: release2.manifest,
    });
    expect(release3.prunes.map((i) => i.key)).toEqual(['_astro/a.1.js']);
  });

  it('rerunning the same release keeps its predecessor rather than pruning it', () => {
    const release2 = planDeploy({ local: [file('index.html', 'h2'), file('_astro/a.2.js')], remote: remoteOf(release1), manifest: release1.manifest });
    const bucket = [...remoteOf(release1), ...remoteOf(release2)];
    const rerun = planDeploy({ local: [file('index.html', 'h2'), file('_astro/a.2.js')], remote: bucket, manifest: release2.manifest });
    expect(rerun.releaseId).toBe(release2.releaseId);
    expect(rerun.prunes).toEqual([]);
    expect(rerun.manifest.previous?.id).toBe(release1.releaseId);
  });

  it('after an interrupted run, inspects only the new objects that landed and skips them once their headers check out', () => {
    const local = [file('index.html', 'h2'), file('_astro/a.2.js'), file('favicon.svg')];
    const remote = [...remoteOf(release1), { key: '_astro/a.2.js', etag: '"md5-of-_astro/a.2.js"' }];
    expect(keysToInspect({ local, remote, manifest: release1.manifest })).toEqual(['_astro/a.2.js']);
    const observed = { '_astro/a.2.js': { md5: 'md5-of-_astro/a.2.js', contentType: 'text/javascript; charset=utf-8', cacheControl: CACHE_IMMUTABLE } };
    expect(planDeploy({ local, remote, manifest: release1.manifest, observed }).uploads.map((i) => i.key)).toEqual(['index.html']);
    const wrongHeaders = { '_astro/a.2.js': { ...observed['_astro/a.2.js'], cacheControl: CACHE_REVALIDATE } };
    expect(planDeploy({ local, remote, manifest: release1.manifest, observed: wrongHeaders }).uploads.map((i) => i.key)).toEqual([
      '_astro/a.2.js',
      'index.html',
    ]);
  });

  it('keeps the files of a release a failed run left pending, and records them with the previous release', () => {
    const bucket = [...remoteOf(release1), { key: '_astro/a.2.js', etag: '"x"' }, { key: 'index.html', etag: '"h2"' }];
    const pending = { version: 1 as const, id: 'r2', startedAt: '2026-01-01T00:00:00.000Z', keys: ['_astro/a.2.js', 'favicon.svg', 'index.html'] };
    const release3 = planDeploy({ local: [file('index.html', 'h3'), file('_astro/a.3.js')], remote: bucket, manifest: release1.manifest, pending });
    expect(release3.prunes).toEqual([]);
    expect(release3.manifest.previous).toEqual({ id: `${release1.releaseId}+r2`, keys: ['_astro/a.1.js', '_astro/a.2.js', 'favicon.svg', 'index.html'] });
    expect(release3.pending.keys).toEqual(['_astro/a.2.js', '_astro/a.3.js', 'favicon.svg', 'index.html']);
  });

  it('records a pending release of its own files alone when no run failed before', () => {
    const release2 = planDeploy({ local: [file('index.html', 'h2'), file('_astro/a.2.js')], remote: remoteOf(release1), manifest: release1.manifest });
    expect(release2.pending).toMatchObject({ version: 1, id: release2.releaseId, keys: ['_astro/a.2.js', 'index.html'] });
  });

  it('treats what a bucket holds without a manifest as the previous release, so nothing is pruned at once', () => {
    const plan = planDeploy({ local: [file('index.html')], remote: [{ key: 'old/page.html', etag: '"x"' }] });
    expect(plan.prunes).toEqual([]);
    expect(plan.manifest.previous).toEqual({ id: 'unrecorded', keys: ['old/page.html'] });
  });

  it('never prunes the release manifest itself', () => {
    const plan = planDeploy({ local: [file('index.html')], remote: [{ key: manifestKey(), etag: '"m"' }], manifest: release1.manifest });
    expect(plan.prunes).toEqual([]);
  });
});

describe('deploying under a prefix', () => {
  it('puts keys, the manifest and pruning under the prefix and leaves other keys alone', () => {
    const plan = planDeploy({ local: [file('index.html')], remote: [{ key: 'other-site/index.html', etag: '"x"' }], prefix: '/course' });
    expect(plan.uploads.map((i) => i.key)).toEqual(['course/index.html']);
    expect(plan.prunes).toEqual([]);
    expect(manifestKey(normalizePrefix('/course/'))).toBe('course/_releases/current.json');
  });
});

describe('sharing a bucket with sites deployed under a prefix', () => {
  const release1 = planDeploy({ local: [file('index.html', 'h1'), file('_astro/a.1.js')], remote: [] });
  const course = [
    { key: 'course/_releases/current.json', etag: '"m"' },
    { key: 'course/index.html', etag: '"c1"' },
    { key: 'course/_astro/c.1.js', etag: '"c2"' },
    { key: 'course/_astro/c.0.js', etag: '"c3"' },
  ];
  const courseSite = { prefix: 'course/', keys: ['course/index.html', 'course/_astro/c.1.js', 'course/_astro/c.0.js'] };

  it('a deploy at the bucket root never prunes a key under another site, and lists each one it spared', () => {
    const plan = planDeploy({
      local: [file('index.html', 'h2'), file('_astro/a.2.js')],
      remote: [...remoteOf(release1), ...course, { key: 'stray.txt', etag: '"s"' }],
      manifest: release1.manifest,
      otherSites: [courseSite],
    });
    expect(plan.prunes.map((i) => i.key)).toEqual(['stray.txt']);
    expect(plan.foreign).toEqual(course.map((o) => ({ key: o.key, site: 'course/' })).sort((a, b) => (a.key < b.key ? -1 : 1)));
  });

  it("spares a key listed in another site's manifest even outside that site's prefix", () => {
    const plan = planDeploy({
      local: [file('index.html', 'h2')],
      remote: [...remoteOf(release1), { key: 'shared/logo.svg', etag: '"l"' }],
      manifest: release1.manifest,
      otherSites: [{ prefix: 'course/', keys: ['shared/logo.svg'] }],
    });
    expect(plan.prunes).toEqual([]);
    expect(plan.foreign).toEqual([{ key: 'shared/logo.svg', site: 'course/' }]);
  });

  it("does not count another site's keys as its own previous release on a first deploy", () => {
    const plan = planDeploy({ local: [file('index.html')], remote: [...course, { key: 'old.html', etag: '"o"' }], otherSites: [courseSite] });
    expect(plan.manifest.previous).toEqual({ id: 'unrecorded', keys: ['old.html'] });
  });

  it('prints the spared keys loudly in the plan', () => {
    const plan = planDeploy({
      local: [file('index.html', 'h2')],
      remote: [...remoteOf(release1), ...course],
      manifest: release1.manifest,
      otherSites: [courseSite],
    });
    const text = formatPlan(plan);
    expect(text).toMatch(/^KEEP\s+-\s+course\/index\.html\s+belongs to the site under course\//m);
    expect(text).toMatch(/WARNING: 4 key\(s\) in this bucket belong to other sites \(course\/\) and are left alone\./);
  });

  it('finds the other sites of a bucket from their release manifests', () => {
    expect(otherSitePrefixes(['_releases/current.json', 'course/_releases/current.json', 'a/b/_releases/pending.json', 'x/_releases/old.json'], '')).toEqual([
      'a/b/',
      'course/',
    ]);
    expect(otherSitePrefixes(['course/_releases/current.json', 'course/v2/_releases/current.json'], 'course/')).toEqual(['course/v2/']);
  });
});

describe('the release manifest and the plan printout', () => {
  it('names a release by its content and headers', () => {
    const files = { 'a.html': { md5: '1', contentType: 'text/html', cacheControl: 'x' } };
    expect(releaseIdOf(files)).toBe(releaseIdOf(structuredClone(files)));
    expect(releaseIdOf(files)).not.toBe(releaseIdOf({ 'a.html': { ...files['a.html'], cacheControl: 'y' } }));
  });

  it('reads an unreadable manifest as none', () => {
    expect(parseManifest('not json')).toBeNull();
    expect(parseManifest('{"version":2}')).toBeNull();
    expect(parseManifest(undefined)).toBeNull();
  });

  it('prints each key with its action, type and cache header, then a summary', () => {
    const text = formatPlan(planDeploy({ local: [file('index.html'), file('_astro/a.1.js')], remote: [] }));
    expect(text.split('\n')[1]).toMatch(/^upload\s+assets\s+_astro\/a\.1\.js\s+text\/javascript; charset=utf-8\s+public, max-age=31536000, immutable$/);
    expect(text).toMatch(/2 to upload, 0 unchanged, 0 to prune$/);
  });
});

describe('finding the deploy target', () => {
  const cdkOutputs = JSON.stringify({ ShipSmallSite: { SiteBucketName: 'site-bucket', DistributionId: 'E123', SiteBucketRegion: 'eu-west-1' } });
  const describeStacks = JSON.stringify({
    Stacks: [
      {
        StackName: 'ShipSmallSite',
        Outputs: [
          { OutputKey: 'SiteBucketName', OutputValue: 'site-bucket' },
          { OutputKey: 'DistributionId', OutputValue: 'E123' },
        ],
      },
    ],
  });

  it('reads the outputs file of the CDK CLI and of `aws cloudformation describe-stacks`', () => {
    expect(parseStackOutputs(cdkOutputs, 'ShipSmallSite')).toMatchObject({ SiteBucketName: 'site-bucket', DistributionId: 'E123' });
    expect(parseStackOutputs(describeStacks, 'ShipSmallSite')).toEqual({ SiteBucketName: 'site-bucket', DistributionId: 'E123' });
    expect(parseStackOutputs(cdkOutputs, 'Other')).toBeNull();
  });

  it('prefers flags over the environment over stack outputs', () => {
    const outputs = parseStackOutputs(cdkOutputs, 'ShipSmallSite');
    expect(resolveTarget({ flags: {}, env: {}, outputs })).toMatchObject({ bucket: 'site-bucket', distributionId: 'E123', region: 'eu-west-1' });
    expect(resolveTarget({ flags: {}, env: { SHIP_SMALL_BUCKET: 'env-bucket' }, outputs })).toMatchObject({ bucket: 'env-bucket' });
    expect(resolveTarget({ flags: { bucket: 'flag-bucket' }, env: { SHIP_SMALL_BUCKET: 'env-bucket' }, outputs })).toMatchObject({ bucket: 'flag-bucket' });
  });

  it('explains how to name a bucket when there is none', () => {
    expect(resolveTarget({ flags: {}, env: {}, outputs: null })).toEqual({ error: expect.stringMatching(/--bucket.*outputs-file/) });
  });

  it('invalidates every path with one entry and a unique caller reference', () => {
    expect(invalidationInput('E123', 'abc', 42)).toEqual({
      DistributionId: 'E123',
      InvalidationBatch: { CallerReference: 'ship-small-abc-42', Paths: { Quantity: 1, Items: ['/*'] } },
    });
  });
});

describe('explaining failures', () => {
  const target = { bucket: 'site-bucket', distributionId: 'E123' };

  it('says how to sign in when there are no credentials', () => {
    expect(explainError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), target)).toMatch(
      /No AWS credentials found.*AWS_PROFILE/,
    );
  });

  it('names the missing bucket and where its name came from', () => {
    expect(explainError(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }), target)).toMatch(
      /Bucket "site-bucket" does not exist.*SiteBucketName/,
    );
  });

  it('lists the permissions the deploy needs when access is denied', () => {
    expect(explainError(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }), target)).toMatch(/s3:PutObject.*cloudfront:CreateInvalidation/);
  });

  it('says that a rerun finishes an interrupted deploy', () => {
    expect(explainError(new Error('socket hang up'), target)).toMatch(/running the deploy again finishes the job/);
  });
});

describe('the base path of a build', () => {
  const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;

  it('is read from where its pages load their hashed assets', () => {
    expect(basePathOfPage(page('<link rel="stylesheet" href="/_astro/a.1.css"><script type="module" src="/_astro/b.2.js"></script>'))).toBe('/');
    expect(basePathOfPage(page('<link rel="stylesheet" href="/devops-course/_astro/a.1.css">'))).toBe('/devops-course/');
  });

  it('is unknown when a page loads no hashed asset, or loads them from two places', () => {
    expect(basePathOfPage(page('<title>x</title>'))).toBeNull();
    expect(basePathOfPage(page('<link rel="stylesheet" href="/a/_astro/x.css"><link rel="stylesheet" href="/b/_astro/y.css">'))).toBeNull();
  });

  it('of the fixture is the root', () => {
    expect(buildBasePath('test/fixtures/s3-site')).toBe('/');
  });

  it('must agree with the upload prefix and the stack', () => {
    expect(basePathRefusal({ buildBase: '/course/', prefix: 'course', stackBase: '/course/' })).toBeNull();
    expect(basePathRefusal({ buildBase: '/', prefix: '', stackBase: null })).toBeNull();
    expect(basePathRefusal({ buildBase: '/course/', prefix: '', stackBase: null })).toMatch(/made for the base path \/course\/.*--prefix course/);
    expect(basePathRefusal({ buildBase: '/course/', prefix: 'course', stackBase: '/', distributionId: 'E1' })).toMatch(/BasePath=\/course\//);
    expect(basePathRefusal({ buildBase: null, prefix: 'course', stackBase: '/' })).toMatch(/stack's BasePath/);
  });
});

describe('the site URL of a build', () => {
  it('is read from the canonical link of its home page', () => {
    expect(siteUrlOfPage('<link rel="canonical" href="https://course.example.org/devops/">')).toBe('https://course.example.org');
    expect(siteUrlOfPage('<title>no canonical</title>')).toBeNull();
  });

  it('is the placeholder Astro is configured with when SITE_URL is not set', () => {
    expect(readFileSync('astro.config.mjs', 'utf8')).toContain(`process.env.SITE_URL ?? '${PLACEHOLDER_SITE_URL}'`);
  });

  it('refuses the placeholder, and says how to set the real one', () => {
    expect(siteUrlRefusal(PLACEHOLDER_SITE_URL, null)).toMatch(/placeholder.*SITE_URL=https:\/\/.*npm run build/);
    expect(siteUrlRefusal('https://course.example.org', null)).toBeNull();
  });

  it('refuses a site URL other than the one the stack serves', () => {
    expect(siteUrlRefusal('https://course.example.org', 'https://d111111abcdef8.cloudfront.net/')).toMatch(/SiteUrl.*d111111abcdef8/);
    expect(siteUrlRefusal('https://d111111abcdef8.cloudfront.net', 'https://d111111abcdef8.cloudfront.net/')).toBeNull();
  });
});

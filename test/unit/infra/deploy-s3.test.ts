// Deploys a fixture site to a real local S3 server (fauxqs on 127.0.0.1) with the real AWS SDK: headers, skips, interruptions, pruning.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateInvalidationCommand, GetDistributionConfigCommand, GetResponseHeadersPolicyCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { buildApp } from 'fauxqs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, inlineHashes } from '../../../infra/lib/csp.ts';
import { main } from '../../../scripts/deploy.ts';
import type { MainIo } from '../../../scripts/deploy.ts';
import type { CloudFrontSender } from '../../../scripts/deploy/cloudfront.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from '../../../scripts/deploy/files.ts';
import { manifestKey, parseManifest } from '../../../scripts/deploy/plan.ts';
import { checkS3Paths } from '../../../scripts/deploy/s3-paths.ts';
import { PartialUploadError, deploySite, listRemote } from '../../../scripts/deploy/run.ts';
import type { DeployOptions } from '../../../scripts/deploy/run.ts';

// Synthesis and deploys take seconds, many more on a loaded machine: generous limits, and no assertion about time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const FIXTURE = 'test/fixtures/s3-site';
const BUCKET = 'ship-small-site';
const server = buildApp({ logger: false });
const scratch = mkdtempSync(join(tmpdir(), 'deploy-s3-'));
let endpoint = '';

beforeAll(async () => {
  // A random free port on the loopback interface only; stopped in afterAll.
  endpoint = (await server.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  await client().send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

type Fault = (key: string) => boolean;

/** A plain client for the local server, with no test behaviour added. */
const plainClient = () =>
  new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

/**
 * An S3 client for the local server. fauxqs ignores If-Match and If-None-Match on PutObject, so this client applies
 * S3's documented check itself (412 PreconditionFailed when the object's ETag does not match, or when it exists
 * under If-None-Match: *). `fault` makes chosen uploads fail the way a dropped connection does; `beforePut` runs
 * before each PutObject, to start another deploy at a chosen moment.
 */
function client(fault?: Fault, beforePut?: (key: string) => Promise<void>): S3Client {
  const s3 = plainClient();
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Bucket?: string; Key?: string; IfMatch?: string; IfNoneMatch?: string };
      if (context.commandName !== 'PutObjectCommand' || !input.Key) return next(args);
      await beforePut?.(input.Key);
      if (fault?.(input.Key)) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      if (input.IfMatch || input.IfNoneMatch) {
        const etag = await plainClient()
          .send(new HeadObjectCommand({ Bucket: input.Bucket, Key: input.Key }))
          .then(
            (h) => h.ETag,
            () => undefined,
          );
        const holds = input.IfNoneMatch === '*' ? etag === undefined : etag !== undefined && etag === input.IfMatch;
        if (!holds) {
          throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
            name: 'PreconditionFailed',
            $metadata: { httpStatusCode: 412 },
          });
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'testBehaviour' },
  );
  return s3;
}

/** A copy of the fixture with its hashed bundle and stylesheet renamed (as a rebuild does) and every page updated to match. */
function rebuild(from: string, oldHash: string, newHash: string): string {
  const dir = mkdtempSync(join(scratch, `release-${newHash}-`));
  cpSync(from, dir, { recursive: true });
  for (const name of ['app', 'site']) {
    const ext = name === 'app' ? 'js' : 'css';
    renameSync(join(dir, `_astro/${name}.${oldHash}.${ext}`), join(dir, `_astro/${name}.${newHash}.${ext}`));
  }
  for (const page of ['index.html', 'lessons/intro/index.html', '404.html']) {
    const file = join(dir, page);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replaceAll(`app.${oldHash}.js`, `app.${newHash}.js`).replaceAll(`site.${oldHash}.css`, `site.${newHash}.css`),
    );
  }
  // The rebuilt site is itself sound: every reference still names a file.
  expect(checkS3Paths(dir, '/')).toEqual([]);
  return dir;
}

const quiet = () => {};
const deploy = (distDir: string, extra: Partial<DeployOptions> = {}) =>
  deploySite({ s3: client(), bucket: BUCKET, distDir, log: quiet, retryDelayMs: 1, invalidate: async () => 'I-TEST', ...extra });
const body = async (key: string, bucket = BUCKET) => (await client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString('utf8');
const keys = async () => (await listRemote(client(), BUCKET, '')).map((o) => o.key).sort();
const manifest = async () => parseManifest(await body(manifestKey()));

describe('deploying to a local S3 server with the real SDK', () => {
  let release2Dir = '';

  it('uploads every file with its content type and cache header, then records the release and invalidates', async () => {
    const result = await deploy(FIXTURE);
    expect(result.uploaded).toHaveLength(20);
    expect(result.invalidationId).toBe('I-TEST');

    const head = async (key: string) => {
      const h = await client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      return { type: h.ContentType, cache: h.CacheControl, encoding: h.ContentEncoding };
    };
    expect(await head('index.html')).toEqual({ type: 'text/html; charset=utf-8', cache: CACHE_REVALIDATE, encoding: undefined });
    expect(await head('notes and tips/index.html')).toMatchObject({ type: 'text/html; charset=utf-8' });
    expect(await head('_astro/app.a1b2c3.js')).toEqual({ type: 'text/javascript; charset=utf-8', cache: CACHE_IMMUTABLE, encoding: undefined });
    expect(await head('_astro/site.a1b2c3.css')).toMatchObject({ type: 'text/css; charset=utf-8', cache: CACHE_IMMUTABLE });
    expect(await head('site.webmanifest')).toMatchObject({ type: 'application/manifest+json', cache: CACHE_REVALIDATE });
    expect(await head('pagefind/index/en_a1b2c3.pf_index')).toEqual({ type: 'application/octet-stream', cache: CACHE_IMMUTABLE, encoding: undefined });
    expect(await head('pagefind/wasm.en.pagefind')).toEqual({ type: 'application/octet-stream', cache: CACHE_REVALIDATE, encoding: undefined });
    expect(await body('_astro/app.a1b2c3.js')).toBe(readFileSync(join(FIXTURE, '_astro/app.a1b2c3.js'), 'utf8'));
    expect((await manifest())?.current.id).toBe(result.plan.releaseId);
  });

  it('skips every unchanged file on a second deploy, and prunes nothing', async () => {
    const result = await deploy(FIXTURE);
    expect(result.uploaded).toEqual([]);
    expect(result.plan.skips).toHaveLength(20);
    expect(result.pruned).toEqual([]);
  });

  it('does not invalidate CloudFront when the live release is deployed again unchanged', async () => {
    const lines: string[] = [];
    let invalidations = 0;
    const result = await deploy(FIXTURE, { log: (l) => lines.push(l), invalidate: async () => `I-${++invalidations}` });
    expect(result.invalidationId).toBeNull();
    expect(invalidations).toBe(0);
    expect(lines.join('\n')).toMatch(/nothing changed since release \w+ went live: CloudFront was not invalidated/);
  });

  it('prints the plan and changes nothing on a dry run', async () => {
    release2Dir = rebuild(FIXTURE, 'a1b2c3', 'd4e5f6');
    const lines: string[] = [];
    const result = await deploy(release2Dir, { dryRun: true, log: (l) => lines.push(l) });
    expect(result.uploaded).toEqual([]);
    expect(lines.join('\n')).toMatch(/upload\s+assets\s+_astro\/app\.d4e5f6\.js\s+text\/javascript; charset=utf-8\s+public, max-age=31536000, immutable/);
    expect(lines.join('\n')).toMatch(/skip\s+assets\s+_astro\/font\.a1b2c3\.woff2/);
    expect(await body('index.html')).toContain('/_astro/app.a1b2c3.js');
  });

  it('retries an upload that fails once and still completes', async () => {
    const dir = mkdtempSync(join(scratch, 'touched-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    let failures = 0;
    const flaky = client((key) => key === 'favicon.svg' && failures++ === 0);
    const result = await deploy(dir, { s3: flaky });
    expect(failures).toBe(2);
    expect(result.uploaded).toEqual(['favicon.svg']);
    // Put the fixture's favicon back so the next steps start from release 1 again.
    expect((await deploy(FIXTURE)).uploaded).toEqual(['favicon.svg']);
  });

  it('leaves the live release intact when a deploy is cut off halfway', async () => {
    const before = await Promise.all(['index.html', 'lessons/intro/index.html'].map((key) => body(key)));
    let puts = 0;
    const cutOff = client((key) => !key.startsWith('_releases/') && ++puts > 1);
    const attempt = deploy(release2Dir, { s3: cutOff, attempts: 2 });
    await expect(attempt).rejects.toBeInstanceOf(PartialUploadError);
    await expect(attempt).rejects.toThrow(/failed in the "assets" phase \(_astro\/site\.d4e5f6\.css\); 1 succeeded.*Run the deploy again/);

    expect(await Promise.all(['index.html', 'lessons/intro/index.html'].map((key) => body(key)))).toEqual(before);
    expect(await keys()).toEqual(expect.arrayContaining(['_astro/app.a1b2c3.js', '_astro/site.a1b2c3.css', '_astro/app.d4e5f6.js']));
    expect((await manifest())?.current.files).toHaveProperty('_astro/app.a1b2c3.js');
  });

  it('completes the interrupted release on a rerun, skipping what already landed and keeping the previous release', async () => {
    const result = await deploy(release2Dir);
    expect(result.uploaded.sort()).toEqual(['404.html', '_astro/site.d4e5f6.css', 'index.html', 'lessons/intro/index.html']);
    expect(result.plan.skips.map((s) => s.key)).toContain('_astro/app.d4e5f6.js');
    expect(await body('index.html')).toContain('/_astro/app.d4e5f6.js');
    expect(result.pruned).toEqual([]);
    expect(await keys()).toEqual(expect.arrayContaining(['_astro/app.a1b2c3.js', '_astro/site.a1b2c3.css', '_astro/app.d4e5f6.js', '_astro/site.d4e5f6.css']));
  });

  it('prunes the files of the release before the previous one, one release later', async () => {
    const result = await deploy(rebuild(release2Dir, 'd4e5f6', '0a0b0c'));
    expect(result.pruned.sort()).toEqual(['_astro/app.a1b2c3.js', '_astro/site.a1b2c3.css']);
    expect(await keys()).toEqual(expect.arrayContaining(['_astro/app.d4e5f6.js', '_astro/site.d4e5f6.css', '_astro/app.0a0b0c.js', '_astro/site.0a0b0c.css']));
  });
});

describe('a failed deploy followed by a different release', () => {
  const PENDING = 'pending-site';
  const at = (key: string) =>
    client()
      .send(new HeadObjectCommand({ Bucket: PENDING, Key: key }))
      .then(
        () => true,
        () => false,
      );

  it("keeps the half-live release's files until a later release, and says which pages went live", async () => {
    await client().send(new CreateBucketCommand({ Bucket: PENDING }));
    await deploy(FIXTURE, { bucket: PENDING });

    // Release B gets its home page out, then the lesson page fails: B's home page is live and references B's files.
    const releaseB = rebuild(FIXTURE, 'a1b2c3', 'bbbbbb');
    const lessonFails = client((key) => key === 'lessons/intro/index.html');
    const failed = deploy(releaseB, { bucket: PENDING, s3: lessonFails, attempts: 2, concurrency: 1 });
    await expect(failed).rejects.toThrow(
      /failed in the "pages" phase \(lessons\/intro\/index\.html\); 4 succeeded\. Later phases were not started: 5 of 6 pages of the new release are live already/,
    );
    expect(await body('index.html', PENDING)).toContain('app.bbbbbb.js');
    expect(await at('_releases/pending.json')).toBe(true);

    // Release C instead of a rerun of B: B's files stay, because a browser may hold B's home page.
    const releaseC = rebuild(FIXTURE, 'a1b2c3', 'cccccc');
    const c = await deploy(releaseC, { bucket: PENDING });
    expect(c.pruned).toEqual([]);
    expect(await at('_astro/app.bbbbbb.js')).toBe(true);
    expect(await at('_releases/pending.json')).toBe(false);

    // One release later, both A and B are gone.
    const d = await deploy(rebuild(releaseC, 'cccccc', 'dddddd'), { bucket: PENDING });
    expect(d.pruned.sort()).toEqual(['_astro/app.a1b2c3.js', '_astro/app.bbbbbb.js', '_astro/site.a1b2c3.css', '_astro/site.bbbbbb.css']);
  });

  it('says the live site still serves the previous pages only when no page was uploaded', async () => {
    const assetsFail = client((key) => key.startsWith('_astro/'));
    await expect(deploy(rebuild(FIXTURE, 'a1b2c3', 'eeeeee'), { bucket: PENDING, s3: assetsFail, attempts: 1 })).rejects.toThrow(
      /"assets" phase .*the live site still serves the previous pages/,
    );
  });
});

describe('two deploys at once', () => {
  const RACE = 'race-site';

  it('the one that finishes second stops before pruning, and the first keeps the files of the second', async () => {
    await client().send(new CreateBucketCommand({ Bucket: RACE }));
    await deploy(FIXTURE, { bucket: RACE });
    const slow = rebuild(FIXTURE, 'a1b2c3', 'f1f1f1');
    const fast = rebuild(FIXTURE, 'a1b2c3', 'f2f2f2');

    // The slow deploy has uploaded its assets when the fast one runs from start to finish.
    let raced: Promise<unknown> | null = null;
    const interleave = client(undefined, async (key) => {
      if (key === 'index.html' && !raced) {
        raced = deploy(fast, { bucket: RACE });
        await raced;
      }
    });
    const slowRun = deploy(slow, { bucket: RACE, s3: interleave });
    await expect(slowRun).rejects.toThrow(/another deploy of this site finished while this one ran.*Nothing was pruned/);
    await expect(raced).resolves.toMatchObject({ pruned: [] });

    const live = parseManifest(await body(manifestKey(), RACE))!;
    expect(live.current.files).toHaveProperty('_astro/app.f2f2f2.js');
    const present = (await listRemote(client(), RACE, '')).map((o) => o.key);
    expect(present).toEqual(expect.arrayContaining(['_astro/app.f1f1f1.js', '_astro/app.f2f2f2.js', '_astro/app.a1b2c3.js']));
  });

  it('stops before uploading when another deploy starts at the same moment', async () => {
    const other = { version: 1, id: 'other', startedAt: new Date().toISOString(), keys: [] };
    const startsTogether = client(undefined, async (key) => {
      if (key === '_releases/pending.json') {
        await plainClient().send(new PutObjectCommand({ Bucket: RACE, Key: key, Body: JSON.stringify(other), ContentType: 'application/json' }));
      }
    });
    const before = await body('index.html', RACE);
    await expect(deploy(rebuild(FIXTURE, 'a1b2c3', 'f3f3f3'), { bucket: RACE, s3: startsTogether })).rejects.toThrow(
      /another deploy of this site started at the same time/,
    );
    expect(await body('index.html', RACE)).toBe(before);
  });
});

describe('two sites in one bucket', () => {
  const SHARED = 'shared-site';
  const listShared = async (prefix = '') => (await listRemote(client(), SHARED, prefix)).map((o) => o.key).sort();

  it('a deploy at the bucket root never prunes the site deployed under a prefix, and its dry run says so loudly', async () => {
    await client().send(new CreateBucketCommand({ Bucket: SHARED }));
    await deploy(FIXTURE, { bucket: SHARED, prefix: 'course' });
    const courseKeys = await listShared('course/');
    expect(courseKeys).toContain('course/_releases/current.json');

    await deploy(FIXTURE, { bucket: SHARED });
    const release2 = rebuild(FIXTURE, 'a1b2c3', 'b2b2b2');
    const lines: string[] = [];
    await deploy(release2, { bucket: SHARED, dryRun: true, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/^KEEP\s+-\s+course\/index\.html\s+belongs to the site under course\//m);
    expect(lines.join('\n')).toMatch(new RegExp(`WARNING: ${courseKeys.length} key\\(s\\) in this bucket belong to other sites \\(course/\\)`));

    await deploy(release2, { bucket: SHARED });
    const third = await deploy(rebuild(release2, 'b2b2b2', 'c3c3c3'), { bucket: SHARED });
    expect(third.pruned.sort()).toEqual(['_astro/app.a1b2c3.js', '_astro/site.a1b2c3.css']);
    expect(await listShared('course/')).toEqual(courseKeys);
  });
});

describe('the service worker of a release', () => {
  const SW_BUCKET = 'sw-site';
  /** A copy of a release with the service worker a build writes, precaching that release's pages. */
  const withWorker = (dir: string, release: string) => {
    const out = mkdtempSync(join(scratch, `sw-${release}-`));
    cpSync(dir, out, { recursive: true });
    writeFileSync(join(out, 'sw.js'), `// precache of ${release}: index.html, lessons/intro/index.html\n`);
    return out;
  };
  const swBody = async () => (await client().send(new GetObjectCommand({ Bucket: SW_BUCKET, Key: 'sw.js' }))).Body!.transformToString('utf8');

  it('goes live only after every page of its release', async () => {
    await client().send(new CreateBucketCommand({ Bucket: SW_BUCKET }));
    const release1 = withWorker(FIXTURE, 'release 1');
    const first = await deploy(release1, { bucket: SW_BUCKET });
    expect(first.uploaded.at(-1)).toBe('sw.js');
    expect(await swBody()).toContain('release 1');

    // The new pages cannot be uploaded: the new worker must not be live, or browsers would cache old pages as new.
    const release2 = withWorker(rebuild(FIXTURE, 'a1b2c3', 'f0f0f0'), 'release 2');
    const pagesFail = client((key) => key.endsWith('.html'));
    await expect(deploy(release2, { bucket: SW_BUCKET, s3: pagesFail, attempts: 2 })).rejects.toThrow(/"pages" phase/);
    expect(await swBody()).toContain('release 1');

    const rerun = await deploy(release2, { bucket: SW_BUCKET });
    expect(rerun.uploaded.at(-1)).toBe('sw.js');
    expect(await swBody()).toContain('release 2');
  });
});

describe('the deploy command', () => {
  /** Runs the command in this process (the S3 server answers from here too), with test credentials unless told otherwise. */
  const cli = async (args: string[], io: Partial<MainIo> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    // An outputs file of its own, so a developer's infra/cdk-outputs.json never reaches the test.
    const outputs = join(scratch, 'cdk-outputs.json');
    writeFileSync(outputs, JSON.stringify({ ShipSmallSite: {} }));
    const code = await main(['--dist', FIXTURE, '--endpoint', endpoint, '--region', 'us-east-1', '--outputs', outputs, ...args], {
      log: (line) => out.push(line),
      error: (line) => err.push(line),
      ...io,
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
  const withTestCredentials = () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  };
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** CloudFront as the deploy sees it: a distribution whose response headers policy sends `policy`; records invalidations. */
  const fakeCloudFront = (policy: string, basePath = '/') => {
    const invalidations: string[] = [];
    const send = async (command: object) => {
      if (command instanceof GetDistributionConfigCommand) {
        return {
          DistributionConfig: {
            DefaultCacheBehavior: { ResponseHeadersPolicyId: 'rhp-1' },
            CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: `${basePath}_astro/*` }] },
          },
        };
      }
      if (command instanceof GetResponseHeadersPolicyCommand) {
        return {
          ResponseHeadersPolicy: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: policy } } } },
        };
      }
      if (command instanceof CreateInvalidationCommand) {
        invalidations.push(command.input.InvalidationBatch!.Paths!.Items![0]!);
        return { Invalidation: { Id: `I-${invalidations.length}` } };
      }
      throw new Error(`unexpected CloudFront call ${command.constructor.name}`);
    };
    return { cloudfront: { send } as unknown as CloudFrontSender, invalidations };
  };

  it('deploys with its flags, then finds nothing left to upload', async () => {
    withTestCredentials();
    await client().send(new CreateBucketCommand({ Bucket: 'cli-site' }));
    const first = await cli(['--bucket', 'cli-site']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/no distribution given: CloudFront was not invalidated\.\ndone: release \w+, 20 uploaded/);
    expect((await cli(['--bucket', 'cli-site'])).stdout).toMatch(/done: release \w+, 0 uploaded, 20 unchanged, 0 pruned/);
  });

  it('checks the live Content-Security-Policy, then deploys and invalidates when it allows the build', async () => {
    withTestCredentials();
    await client().send(new CreateBucketCommand({ Bucket: 'csp-ok-site' }));
    const { cloudfront, invalidations } = fakeCloudFront(contentSecurityPolicy(inlineHashes(FIXTURE)));
    const run = await cli(['--bucket', 'csp-ok-site', '--distribution-id', 'E123'], { cloudfront });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(invalidations).toEqual(['/*']);
  });

  it('refuses to upload anything when the live policy lacks a hash of the build, and says how to fix it', async () => {
    withTestCredentials();
    await client().send(new CreateBucketCommand({ Bucket: 'csp-drift-site' }));
    const stale = contentSecurityPolicy({ ...inlineHashes(FIXTURE), scripts: ["'sha256-OLDTHEMESCRIPT='"] });
    const { cloudfront, invalidations } = fakeCloudFront(stale);
    const run = await cli(['--bucket', 'csp-drift-site', '--distribution-id', 'E123'], { cloudfront });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Content-Security-Policy of distribution E123 does not allow 1 inline script.*script-src 'sha256-.*npm run infra:hashes.*update the stack/,
    );
    expect(await listRemote(client(), 'csp-drift-site', '')).toEqual([]);
    expect(invalidations).toEqual([]);
  });

  it('refuses a prefix that differs from the base path the site was built for', async () => {
    withTestCredentials();
    await client().send(new CreateBucketCommand({ Bucket: 'base-site' }));
    const run = await cli(['--bucket', 'base-site', '--prefix', 'course']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the build was made for the base path \/ .* but --prefix puts it under \/course\/.*BASE_PATH=\/course\/ npm run build/);
    expect(await listRemote(client(), 'base-site', '')).toEqual([]);
  });

  it("refuses a build whose base path differs from the stack's BasePath", async () => {
    withTestCredentials();
    const { cloudfront, invalidations } = fakeCloudFront(contentSecurityPolicy(inlineHashes(FIXTURE)), '/course/');
    const run = await cli(['--bucket', 'base-site', '--distribution-id', 'E123'], { cloudfront });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/distribution E123 serves the site under \/course\/ \(the stack's BasePath\), but the build was made for \//);
    expect(await listRemote(client(), 'base-site', '')).toEqual([]);
    expect(invalidations).toEqual([]);
  });

  it('refuses a build whose canonical links point at the placeholder host', async () => {
    withTestCredentials();
    const placeholder = mkdtempSync(join(scratch, 'placeholder-'));
    cpSync(FIXTURE, placeholder, { recursive: true });
    const home = join(placeholder, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('https://fixture.example/', 'https://ship-small.example/'));
    const run = await cli(['--bucket', 'base-site', '--dist', placeholder]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/canonical links .*placeholder https:\/\/ship-small\.example/);
    expect(await listRemote(client(), 'base-site', '')).toEqual([]);
  });

  it('names a missing bucket and exits with an error', async () => {
    withTestCredentials();
    const run = await cli(['--bucket', 'no-such-bucket']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Bucket "no-such-bucket" does not exist/);
  });

  it('says how to sign in when it runs without credentials', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv('HOME', home);
    vi.stubEnv('AWS_CONFIG_FILE', join(home, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(home, 'credentials'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    const run = await cli(['--bucket', BUCKET]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deploy: No AWS credentials found/);
  });

  it('explains a wrong option and prints the usage', async () => {
    const run = await cli(['--no-such-option']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unknown option '--no-such-option'[\s\S]*Usage: npm run deploy/);
  });
});

describe('deploy failures', () => {
  it('names the missing bucket', async () => {
    await expect(deploySite({ s3: client(), bucket: 'no-such-bucket', distDir: FIXTURE, log: quiet })).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});

// Carries out a deploy plan against S3 with the AWS SDK v3: uploads phase by phase with retries, records the release, invalidates, prunes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { PHASES } from './files.ts';
import {
  formatPlan,
  keysToInspect,
  manifestKey,
  normalizePrefix,
  otherSitePrefixes,
  parseManifest,
  parsePending,
  pendingKey,
  planDeploy,
  unquote,
} from './plan.ts';
import type { Manifest, ManifestEntry, OtherSite, Pending, Plan, PlanItem, RemoteObject } from './plan.ts';
import { readSite } from './local.ts';

/** Where a failed run stopped, for a message that says what is live. */
export interface PartialProgress {
  /** Pages of the new release that were uploaded (this run or a run before), and how many it has in all. */
  pagesLive: number;
  pagesTotal: number;
}

/** What is live after a failure in each phase: true for the phase reached, so the person deploying knows what browsers see. */
function liveState(phase: string, { pagesLive, pagesTotal }: PartialProgress): string {
  if (phase === 'pages') {
    return `${pagesLive} of ${pagesTotal} pages of the new release are live already (each references only files already uploaded); the other pages and the service worker are still the previous release's.`;
  }
  if (phase === 'worker') {
    return "every page of the new release is live, but the service worker is still the previous release's, so returning visitors keep its cached pages until it is replaced.";
  }
  return 'no page was uploaded, so the live site still serves the previous pages.';
}

/** Some uploads failed after their retries; nothing of a later phase was uploaded. */
export class PartialUploadError extends Error {
  readonly failed: { key: string; error: unknown }[];
  readonly phase: string;
  readonly uploaded: number;
  constructor(phase: string, failed: { key: string; error: unknown }[], uploaded: number, progress: PartialProgress) {
    const keys = failed
      .slice(0, 5)
      .map((f) => f.key)
      .join(', ');
    super(
      `${failed.length} upload(s) failed in the "${phase}" phase (${keys}${failed.length > 5 ? ', …' : ''}); ${uploaded} succeeded. ` +
        `Later phases were not started: ${liveState(phase, progress)} Run the deploy again: finished uploads are skipped. ` +
        'Deploying another release instead is safe too: the files of this one are kept until a release later.',
    );
    this.name = 'PartialUploadError';
    this.failed = failed;
    this.phase = phase;
    this.uploaded = uploaded;
  }
}

export interface DeployOptions {
  s3: S3Client;
  bucket: string;
  distDir: string;
  prefix?: string;
  dryRun?: boolean;
  /** Creates a CloudFront invalidation and returns its id; left out when there is no distribution. */
  invalidate?: (releaseId: string) => Promise<string>;
  /** Parallel requests within a phase. */
  concurrency?: number;
  /** Attempts per object before the phase fails. */
  attempts?: number;
  /** Delay before the second attempt, doubled each time. */
  retryDelayMs?: number;
  log?: (line: string) => void;
  now?: Date;
}

export interface DeployResult {
  plan: Plan;
  uploaded: string[];
  pruned: string[];
  invalidationId: string | null;
}

/** Lists every object under the prefix. */
export async function listRemote(s3: S3Client, bucket: string, prefix: string): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix || undefined })) {
    for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, etag: o.ETag ?? '' });
  }
  return out;
}

/** A JSON record in the bucket with its ETag, or null when there is none. */
async function readRecord(s3: S3Client, bucket: string, key: string): Promise<{ text: string | undefined; etag: string } | null> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { text: await res.Body?.transformToString('utf8'), etag: res.ETag ?? '' };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

/** The pending record of a run that has not finished (or failed), with its ETag. */
export async function readPending(s3: S3Client, bucket: string, prefix: string): Promise<{ pending: Pending | null; etag: string | null }> {
  const record = await readRecord(s3, bucket, pendingKey(prefix));
  return { pending: parsePending(record?.text), etag: record?.etag ?? null };
}

/** The release manifest in the bucket, or null when there is none yet. */
export async function readManifest(s3: S3Client, bucket: string, prefix: string): Promise<Manifest | null> {
  return (await readManifestWithEtag(s3, bucket, prefix)).manifest;
}

/** The release manifest with its ETag (null when the object does not exist), for a conditional write later. */
async function readManifestWithEtag(s3: S3Client, bucket: string, prefix: string): Promise<{ manifest: Manifest | null; etag: string | null }> {
  const record = await readRecord(s3, bucket, manifestKey(prefix));
  return { manifest: parseManifest(record?.text), etag: record?.etag ?? null };
}

/** Another deploy of the same site wrote the release records while this one ran: it stops before it can prune the other's files. */
export class ConcurrentDeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentDeployError';
  }
}

/** S3's answers to a conditional write whose condition failed (412), or that raced another conditional write (409). */
const isConditionFailure = (error: unknown) => ['PreconditionFailed', 'ConditionalRequestConflict'].includes((error as { name?: string }).name ?? '');

/** The other sites deployed under deeper prefixes of this site's part of the bucket, with every key their manifests list. */
export async function readOtherSites(s3: S3Client, bucket: string, prefix: string, remote: RemoteObject[]): Promise<OtherSite[]> {
  return Promise.all(
    otherSitePrefixes(
      remote.map((o) => o.key),
      prefix,
    ).map(async (site) => {
      const manifest = await readManifest(s3, bucket, site);
      const keys = manifest ? [...Object.keys(manifest.current.files), ...(manifest.previous?.keys ?? [])] : [];
      return { prefix: site, keys };
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetry<T>(attempts: number, delayMs: number, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      // Credentials and missing buckets do not heal by waiting: fail at once with the real cause.
      if (attempt >= attempts || isPermanent(error)) throw error;
      await sleep(delayMs * 2 ** (attempt - 1));
    }
  }
}

const PERMANENT = new Set([
  'CredentialsProviderError',
  'NoSuchBucket',
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'PreconditionFailed',
  'ConditionalRequestConflict',
]);
const isPermanent = (error: unknown) => PERMANENT.has((error as { name?: string }).name ?? '');

/** Runs fn over items with at most `limit` in flight; collects failures instead of stopping at the first. */
async function inPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<{ item: T; error: unknown }[]> {
  const failures: { item: T; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failures.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failures;
}

export async function deploySite(options: DeployOptions): Promise<DeployResult> {
  const { s3, bucket, distDir, dryRun = false, invalidate, concurrency = 8, attempts = 3, retryDelayMs = 200, log = console.log, now } = options;
  const prefix = normalizePrefix(options.prefix);

  const local = readSite(distDir);
  const remote = await listRemote(s3, bucket, prefix);
  const { manifest, etag: manifestEtag } = await readManifestWithEtag(s3, bucket, prefix);
  // Objects an interrupted run uploaded are not in the manifest yet: read their headers back so a rerun skips them.
  const observed: Record<string, ManifestEntry> = {};
  const headFailures = await inPool(keysToInspect({ local, remote, manifest, prefix }), concurrency, async (key) => {
    const head = await withRetry(attempts, retryDelayMs, () => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    observed[key] = { md5: unquote(head.ETag ?? ''), contentType: head.ContentType ?? '', cacheControl: head.CacheControl ?? '' };
  });
  if (headFailures.length) throw headFailures[0]!.error;
  const otherSites = await readOtherSites(s3, bucket, prefix, remote);
  const { pending, etag: pendingEtag } = await readPending(s3, bucket, prefix);
  if (pending) log(`a run of release ${pending.id} (started ${pending.startedAt}) did not finish: its files are kept until a release later.`);
  const plan = planDeploy({ local, remote, manifest, observed, prefix, now, otherSites, pending });
  log(formatPlan(plan));
  if (dryRun) {
    log('dry run: nothing was uploaded, invalidated or deleted.');
    return { plan, uploaded: [], pruned: [], invalidationId: null };
  }

  const uploaded: string[] = [];
  const put = (item: PlanItem) =>
    withRetry(attempts, retryDelayMs, () =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: item.key,
          Body: readFileSync(join(distDir, item.path!)),
          ContentType: item.contentType!,
          CacheControl: item.cacheControl!,
        }),
      ),
    ).then(() => {
      uploaded.push(item.key);
    });

  // Recorded before the first upload: if this run fails, the next one keeps what it uploaded, whatever it deploys.
  // Both records are written conditionally (S3 conditional writes): each run only replaces the version it read, so
  // of two deploys at once, the one that would overwrite the other's record stops instead.
  const putJson = (key: string, data: unknown, condition: { IfMatch: string } | { IfNoneMatch: '*' }) =>
    withRetry(attempts, retryDelayMs, () =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: JSON.stringify(data, null, 2),
          ContentType: 'application/json',
          CacheControl: 'no-store',
          ...condition,
        }),
      ),
    );
  const onlyOver = (etag: string | null) => (etag ? { IfMatch: etag } : { IfNoneMatch: '*' as const });
  let ownPendingEtag: string | undefined;
  try {
    ownPendingEtag = (await putJson(pendingKey(prefix), plan.pending, onlyOver(pendingEtag))).ETag;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new ConcurrentDeployError(
      `another deploy of this site started at the same time (it replaced ${pendingKey(prefix)} after this one read it). Nothing was uploaded; run the deploy again once the other has finished.`,
    );
  }

  // One phase at a time; a phase with any failure stops the deploy before a page can reference what is missing.
  for (const phase of PHASES) {
    const batch = plan.uploads.filter((i) => i.phase === phase);
    if (!batch.length) continue;
    log(`uploading ${batch.length} ${phase}…`);
    const failures = await inPool(batch, concurrency, put);
    if (failures.length) {
      const permanent = failures.find((f) => isPermanent(f.error));
      if (permanent) throw permanent.error;
      const pages = plan.items.filter((i) => i.phase === 'pages' && i.action !== 'prune');
      const pagesLive = pages.filter((i) => i.action === 'skip' || uploaded.includes(i.key)).length;
      throw new PartialUploadError(
        phase,
        failures.map((f) => ({ key: f.item.key, error: f.error })),
        uploaded.length,
        { pagesLive: phase === 'pages' ? pagesLive : 0, pagesTotal: pages.length },
      );
    }
  }

  // The new release is live: record it (the prune of the next deploy depends on it), refresh the edge, then tidy up.
  try {
    await putJson(manifestKey(prefix), plan.manifest, onlyOver(manifestEtag));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new ConcurrentDeployError(
      `another deploy of this site finished while this one ran (${manifestKey(prefix)} changed since it was read). Nothing was pruned and CloudFront was not invalidated; ` +
        'the live pages may mix both releases, and every file of both is kept. Run the deploy of the release you want live again.',
    );
  }
  // The manifest now keeps the pending files (as part of the previous release): the run is complete. Another run that
  // took the pending record over since then keeps it, and this one leaves the pruning to it.
  const { etag: pendingNow } = await readPending(s3, bucket, prefix);
  const otherRunStarted = pendingNow !== null && pendingNow !== ownPendingEtag;
  if (!otherRunStarted) await withRetry(attempts, retryDelayMs, () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: pendingKey(prefix) })));
  let invalidationId: string | null = null;
  // A rerun of the live release that uploads nothing changes nothing a viewer can see: no invalidation to pay for.
  const unchanged = plan.uploads.length === 0 && manifest?.current.id === plan.releaseId && !pending;
  if (unchanged) {
    log(`nothing changed since release ${plan.releaseId} went live: CloudFront was not invalidated.`);
  } else if (invalidate) {
    invalidationId = await withRetry(attempts, retryDelayMs, () => invalidate(plan.releaseId));
    log(`invalidation ${invalidationId} created for /*`);
  } else {
    log('no distribution given: CloudFront was not invalidated.');
  }

  const pruned: string[] = [];
  if (otherRunStarted) log(`warning: another deploy of this site started while this one ran; nothing was pruned (the next deploy prunes).`);
  const pruneFailures = await inPool(otherRunStarted ? [] : plan.prunes, concurrency, (item) =>
    withRetry(attempts, retryDelayMs, () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: item.key }))).then(() => {
      pruned.push(item.key);
    }),
  );
  // A failed prune leaves an old file behind, harmless; the next deploy prunes it again.
  for (const f of pruneFailures) log(`warning: could not prune ${f.item.key}: ${(f.error as Error).message}`);

  log(`done: release ${plan.releaseId}, ${uploaded.length} uploaded, ${plan.skips.length} unchanged, ${pruned.length} pruned.`);
  return { plan, uploaded, pruned, invalidationId };
}

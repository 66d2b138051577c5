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

/** The pending record of a run that has not finished (or failed), or null. */
export async function readPending(s3: S3Client, bucket: string, prefix: string): Promise<Pending | null> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: pendingKey(prefix) }));
    return parsePending(await res.Body?.transformToString('utf8'));
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

/** The release manifest in the bucket, or null when there is none yet. */
export async function readManifest(s3: S3Client, bucket: string, prefix: string): Promise<Manifest | null> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: manifestKey(prefix) }));
    return parseManifest(await res.Body?.transformToString('utf8'));
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

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

const PERMANENT = new Set(['CredentialsProviderError', 'NoSuchBucket', 'AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken']);
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
  const manifest = await readManifest(s3, bucket, prefix);
  // Objects an interrupted run uploaded are not in the manifest yet: read their headers back so a rerun skips them.
  const observed: Record<string, ManifestEntry> = {};
  const headFailures = await inPool(keysToInspect({ local, remote, manifest, prefix }), concurrency, async (key) => {
    const head = await withRetry(attempts, retryDelayMs, () => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    observed[key] = { md5: unquote(head.ETag ?? ''), contentType: head.ContentType ?? '', cacheControl: head.CacheControl ?? '' };
  });
  if (headFailures.length) throw headFailures[0]!.error;
  const otherSites = await readOtherSites(s3, bucket, prefix, remote);
  const pending = await readPending(s3, bucket, prefix);
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
  const putJson = (key: string, data: unknown) =>
    withRetry(attempts, retryDelayMs, () =>
      s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(data, null, 2), ContentType: 'application/json', CacheControl: 'no-store' }),
      ),
    );
  await putJson(pendingKey(prefix), plan.pending);

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
  await putJson(manifestKey(prefix), plan.manifest);
  // The manifest now keeps the pending files (as part of the previous release): the run is complete.
  await withRetry(attempts, retryDelayMs, () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: pendingKey(prefix) })));
  let invalidationId: string | null = null;
  if (invalidate) {
    invalidationId = await withRetry(attempts, retryDelayMs, () => invalidate(plan.releaseId));
    log(`invalidation ${invalidationId} created for /*`);
  } else {
    log('no distribution given: CloudFront was not invalidated.');
  }

  const pruned: string[] = [];
  const pruneFailures = await inPool(plan.prunes, concurrency, (item) =>
    withRetry(attempts, retryDelayMs, () => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: item.key }))).then(() => {
      pruned.push(item.key);
    }),
  );
  // A failed prune leaves an old file behind, harmless; the next deploy prunes it again.
  for (const f of pruneFailures) log(`warning: could not prune ${f.item.key}: ${(f.error as Error).message}`);

  log(`done: release ${plan.releaseId}, ${uploaded.length} uploaded, ${plan.skips.length} unchanged, ${pruned.length} pruned.`);
  return { plan, uploaded, pruned, invalidationId };
}

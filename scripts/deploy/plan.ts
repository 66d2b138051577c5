// The deploy plan, computed without touching AWS: which keys upload (in a safe order), which skip, which are pruned, and the next release manifest.
import { createHash } from 'node:crypto';
import { PHASES, headersFor } from './files.ts';
import type { Phase } from './files.ts';

/** A built file: its path under the site root ("lessons/x/index.html") and the MD5 of its bytes (hex). */
export interface LocalFile {
  path: string;
  md5: string;
  size: number;
}

/** An object already in the bucket, as ListObjectsV2 reports it. */
export interface RemoteObject {
  key: string;
  etag: string;
}

/** What the bucket stores per key in a release: enough to tell whether an upload can be skipped. */
export interface ManifestEntry {
  md5: string;
  contentType: string;
  cacheControl: string;
}

/**
 * `_releases/current.json` in the bucket: the live release and the one before it. Keys of either are never pruned,
 * so a browser holding a page of the previous release can still fetch everything that page references.
 */
export interface Manifest {
  version: 1;
  current: { id: string; deployedAt: string; files: Record<string, ManifestEntry> };
  previous: { id: string; keys: string[] } | null;
}

/**
 * `_releases/pending.json`: written before a run uploads anything and deleted once its manifest is recorded. A run
 * that fails leaves it behind, so the next run keeps those files too (some of its pages may be live), whatever it deploys.
 */
export interface Pending {
  version: 1;
  id: string;
  startedAt: string;
  /** The release's keys, plus those of any earlier failed run still pending when it started. */
  keys: string[];
}

export type Action = 'upload' | 'skip' | 'prune';

export interface PlanItem {
  key: string;
  path: string | null;
  action: Action;
  phase: Phase | null;
  contentType: string | null;
  cacheControl: string | null;
  md5: string | null;
  size: number;
}

export interface Plan {
  releaseId: string;
  /** Every item in order: uploads and skips by phase (assets, files, pages), then prunes. */
  items: PlanItem[];
  uploads: PlanItem[];
  skips: PlanItem[];
  prunes: PlanItem[];
  /** Keys in this deploy's part of the bucket that belong to other sites: left alone, and shown loudly in the plan. */
  foreign: { key: string; site: string }[];
  manifest: Manifest;
  /** What this run records as pending while it uploads. */
  pending: Pending;
}

/** Where the release manifest lives, under the same prefix as the site. */
export const manifestKey = (prefix = '') => `${prefix}_releases/current.json`;
/** Where a run in progress (or one that failed) records its release. */
export const pendingKey = (prefix = '') => `${prefix}_releases/pending.json`;

/** Normalizes an upload prefix: no leading slash, one trailing slash ("" for the bucket root). */
export function normalizePrefix(prefix = ''): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/** S3 ETags are quoted; for single-part uploads without KMS they are the MD5 of the bytes. */
export const unquote = (etag: string) => etag.replace(/^W\//, '').replace(/"/g, '');

/** A release is named by its content: the same files with the same headers give the same id. */
export function releaseIdOf(files: Record<string, ManifestEntry>): string {
  const lines = Object.keys(files)
    .sort()
    .map((key) => `${key}\t${files[key]!.md5}\t${files[key]!.contentType}\t${files[key]!.cacheControl}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

export interface PlanInput {
  local: LocalFile[];
  remote: RemoteObject[];
  /** The manifest in the bucket now, if any. */
  manifest?: Manifest | null;
  /** Headers read back from objects the manifest does not describe (left by an interrupted run), by key. */
  observed?: Record<string, ManifestEntry>;
  prefix?: string;
  now?: Date;
  /** The pending record a failed run left, if any. */
  pending?: Pending | null;
  /** Other sites deployed in the same bucket under a deeper prefix: their keys are never pruned from here. */
  otherSites?: OtherSite[];
}

/** A site another deploy manages in the same bucket: its key prefix and every key its release manifests list. */
export interface OtherSite {
  prefix: string;
  keys: string[];
}

const RELEASE_RECORD = /^(.*\/)?_releases\/(current|pending)\.json$/;

/** The prefixes of the other sites in a listing: each one that holds a release manifest, besides this site's own. */
export function otherSitePrefixes(keys: string[], ownPrefix: string): string[] {
  const prefixes = new Set<string>();
  for (const key of keys) {
    const match = RELEASE_RECORD.exec(key);
    const site = match ? (match[1] ?? '') : null;
    if (site !== null && site !== ownPrefix && site.startsWith(ownPrefix)) prefixes.add(site);
  }
  return [...prefixes].sort();
}

export function planDeploy({
  local,
  remote,
  manifest = null,
  observed = {},
  prefix: rawPrefix = '',
  now = new Date(),
  otherSites = [],
  pending = null,
}: PlanInput): Plan {
  const prefix = normalizePrefix(rawPrefix);
  const ownManifest = manifestKey(prefix);
  const remoteByKey = new Map(remote.map((o) => [o.key, unquote(o.etag)]));
  const recorded = manifest?.current.files ?? {};

  const files: Record<string, ManifestEntry> = {};
  const staged = local.map((file) => {
    const key = prefix + file.path;
    const { contentType, cacheControl, phase } = headersFor(file.path);
    files[key] = { md5: file.md5, contentType, cacheControl };
    // Skip only when the bytes in the bucket match and their headers are known to be the same: recorded by the
    // last release, or read back from an object an interrupted run left behind.
    const same = (e: ManifestEntry | undefined) => e !== undefined && e.md5 === file.md5 && e.contentType === contentType && e.cacheControl === cacheControl;
    const unchanged = remoteByKey.get(key) === file.md5 && (same(recorded[key]) || same(observed[key]));
    const item: PlanItem = { key, path: file.path, action: unchanged ? 'skip' : 'upload', phase, contentType, cacheControl, md5: file.md5, size: file.size };
    return item;
  });
  const byPhaseThenKey = (a: PlanItem, b: PlanItem) => PHASES.indexOf(a.phase!) - PHASES.indexOf(b.phase!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  staged.sort(byPhaseThenKey);

  const releaseId = releaseIdOf(files);
  // The release to keep besides the new one: the live one, unless this is the live one again (a rerun), then its predecessor.
  // With no manifest yet, everything already in the bucket counts as the previous release, so nothing is pruned this time.
  // Another site's key is never this deploy's to prune: under its prefix, or listed in its manifests.
  const deepestFirst = [...otherSites].sort((a, b) => b.prefix.length - a.prefix.length);
  const siteOf = (key: string) =>
    deepestFirst.find((site) => key.startsWith(site.prefix))?.prefix ?? otherSites.find((site) => site.keys.includes(key))?.prefix;
  const ours = (key: string) => key.startsWith(prefix) && key !== ownManifest && !key.startsWith(`${prefix}_releases/`);
  const managed = (key: string) => ours(key) && siteOf(key) === undefined;
  const recordedPrevious: Manifest['previous'] = !manifest
    ? remote.length
      ? {
          id: 'unrecorded',
          keys: remote
            .map((o) => o.key)
            .filter(managed)
            .sort(),
        }
      : null
    : manifest.current.id === releaseId
      ? manifest.previous
      : { id: manifest.current.id, keys: Object.keys(manifest.current.files).sort() };
  // A release a failed run left pending may be partly live: keep it with the previous one, pruned a release later.
  const previous: Manifest['previous'] = !pending
    ? recordedPrevious
    : {
        id: [recordedPrevious?.id, pending.id].filter((id) => id && id !== releaseId).join('+') || releaseId,
        keys: [...new Set([...(recordedPrevious?.keys ?? []), ...pending.keys])].sort(),
      };

  const keep = new Set([...Object.keys(files), ...(previous?.keys ?? [])]);
  const prunes: PlanItem[] = remote
    .filter((o) => managed(o.key) && !keep.has(o.key))
    .map((o) => ({ key: o.key, path: null, action: 'prune' as const, phase: null, contentType: null, cacheControl: null, md5: null, size: 0 }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const foreign = remote
    .filter((o) => ours(o.key) && !keep.has(o.key) && siteOf(o.key) !== undefined)
    .map((o) => ({ key: o.key, site: siteOf(o.key)! }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));

  return {
    releaseId,
    items: [...staged, ...prunes],
    uploads: staged.filter((i) => i.action === 'upload'),
    skips: staged.filter((i) => i.action === 'skip'),
    prunes,
    foreign,
    manifest: { version: 1, current: { id: releaseId, deployedAt: now.toISOString(), files }, previous },
    pending: { version: 1, id: releaseId, startedAt: now.toISOString(), keys: [...new Set([...Object.keys(files), ...(pending?.keys ?? [])])].sort() },
  };
}

/**
 * Keys whose bytes are already in the bucket but whose headers the manifest does not vouch for: their headers must be
 * read back (HeadObject) before they can be skipped. After a clean deploy this list is empty.
 */
export function keysToInspect({ local, remote, manifest = null, prefix: rawPrefix = '' }: PlanInput): string[] {
  const prefix = normalizePrefix(rawPrefix);
  const remoteByKey = new Map(remote.map((o) => [o.key, unquote(o.etag)]));
  return local
    .filter((file) => {
      const key = prefix + file.path;
      const { contentType, cacheControl } = headersFor(file.path);
      const recorded = manifest?.current.files[key];
      const vouched = recorded && recorded.md5 === file.md5 && recorded.contentType === contentType && recorded.cacheControl === cacheControl;
      return remoteByKey.get(key) === file.md5 && !vouched;
    })
    .map((file) => prefix + file.path);
}

/** Reads a manifest from its JSON text; anything unreadable counts as no manifest (nothing is then pruned). */
export function parseManifest(text: string | undefined): Manifest | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Manifest;
    if (data?.version !== 1 || typeof data.current?.id !== 'string' || typeof data.current.files !== 'object') return null;
    return data;
  } catch {
    return null;
  }
}

/** Reads a pending record from its JSON text; anything unreadable counts as none. */
export function parsePending(text: string | undefined): Pending | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Pending;
    if (data?.version !== 1 || typeof data.id !== 'string' || !Array.isArray(data.keys) || !data.keys.every((k) => typeof k === 'string')) return null;
    return data;
  } catch {
    return null;
  }
}

/** The plan as a table: one line per key with its action, content type and cache header. */
export function formatPlan(plan: Plan): string {
  const rows = [
    ...plan.items.map((i) => [i.action, i.phase ?? '-', i.key, i.contentType ?? '-', i.cacheControl ?? '-']),
    ...plan.foreign.map((f) => ['KEEP', '-', f.key, `belongs to the site under ${f.site}`, '-']),
  ];
  const header = ['ACTION', 'PHASE', 'KEY', 'CONTENT-TYPE', 'CACHE-CONTROL'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const summary = `release ${plan.releaseId}: ${plan.uploads.length} to upload, ${plan.skips.length} unchanged, ${plan.prunes.length} to prune`;
  const sites = [...new Set(plan.foreign.map((f) => f.site))].join(', ');
  const warning = plan.foreign.length
    ? [
        `WARNING: ${plan.foreign.length} key(s) in this bucket belong to other sites (${sites}) and are left alone. Check that no site is deployed to a prefix of another by mistake.`,
      ]
    : [];
  return [line(header), ...rows.map(line), summary, ...warning].join('\n');
}

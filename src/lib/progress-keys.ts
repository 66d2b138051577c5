// Where saved progress lives and how the store recognises its own writes: the part of progress every page loads.
import type { Progress } from '../schemas/progress.ts';

/**
 * The version of the saved-progress format. The schema, the empty value, the fingerprint and the store's trust check all
 * derive from it; raising it needs a new rung on the migration ladder in lib/progress-read.ts (a test checks each rung).
 */
export const PROGRESS_VERSION = 5;

export const PROGRESS_KEY = 'ship-small:progress';
export const BACKUP_PREFIX = 'ship-small:progress-backup:';
/** Where the store keeps the signature of the last value it wrote itself. */
export const SIGNATURE_KEY = 'ship-small:progress-signature';

/**
 * A fingerprint (FNV-1a, 32 bits) of a saved value, tagged with the format version. The store writes it beside every
 * value it saves; a value whose fingerprint matches came from this code and needs no validation, anything else (older,
 * damaged, edited) is validated. It guards against accidents, not attackers: someone who edits both keys gets what they wrote.
 */
export function signature(raw: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) hash = Math.imul(hash ^ raw.charCodeAt(i), 0x01000193);
  return `v${PROGRESS_VERSION}:${(hash >>> 0).toString(36)}:${raw.length}`;
}

export function emptyProgress(): Progress {
  return {
    version: PROGRESS_VERSION,
    visited: {},
    completed: {},
    quiz: {},
    last: null,
    confidence: { before: null, after: null },
    assessment: null,
    sims: {},
  };
}

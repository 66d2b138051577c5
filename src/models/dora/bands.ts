// DORA 2024 performance bands for the four keys: places each key's value in its published band and names the weakest key.

/** The report the bands come from. Benchmarks carry a year: show it wherever a band is shown. */
export const BANDS_SOURCE = {
  title: 'Accelerate State of DevOps Report 2024',
  author: 'DORA (Google Cloud)',
  year: 2024,
  url: 'https://dora.dev/research/2024/dora-report/',
  note:
    'The elite, high, medium and low clusters of the 2024 report. The 2023 report renamed time to restore service to failed deployment ' +
    'recovery time; the 2025 report replaced the clusters with team archetypes, so these are the last published bands.',
} as const;

export const BANDS_YEAR = BANDS_SOURCE.year;

export type Band = 'elite' | 'high' | 'medium' | 'low';
/** Best first. */
export const BANDS: readonly Band[] = ['elite', 'high', 'medium', 'low'];

export type Key = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime';
/** The order keys are listed in, and the order that breaks a tie for the weakest key. */
export const KEYS: readonly Key[] = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime'];

/**
 * Units of each key's value. Calendar spans for deploys and lead time are counted in working days (a week is 5, a month
 * 21, six months 126), as the sims count time; recovery runs around the clock, so it is counted in minutes of real time
 * (a day is 1,440, a week 10,080, a month 30 days).
 */
export const KEY_INFO: Record<Key, { label: string; unit: string }> = {
  deploymentFrequency: { label: 'Deployment frequency', unit: 'deploys per working day' },
  leadTime: { label: 'Lead time for changes', unit: 'working days' },
  changeFailureRate: { label: 'Change failure rate', unit: 'fraction of deploys (0 to 1)' },
  recoveryTime: { label: 'Failed deployment recovery time', unit: 'minutes' },
};

/** The report's words for each band on each key, for tables on the page. */
export const BAND_WORDS: Record<Key, Record<Band, string>> = {
  deploymentFrequency: {
    elite: 'on demand (several deploys a day)',
    high: 'between once a day and once a week',
    medium: 'between once a week and once a month',
    low: 'between once a month and once every six months',
  },
  leadTime: { elite: 'less than a day', high: 'between a day and a week', medium: 'between a week and a month', low: 'between one and six months' },
  changeFailureRate: { elite: 'about 5%', high: 'about 20%', medium: 'about 10%', low: 'about 40%' },
  recoveryTime: { elite: 'less than an hour', high: 'less than a day', medium: 'less than a day', low: 'between a week and a month' },
};

const WEEK_DAYS = 5;
const MONTH_DAYS = 21;
const MINUTES_PER_DAY = 24 * 60;

/** The typical change failure rate the 2024 report gives for each band. */
export const TYPICAL_FAILURE_RATE: Record<Band, number> = { elite: 0.05, high: 0.2, medium: 0.1, low: 0.4 };

/**
 * How a value is placed (the rule, stated once; tests hold it):
 *
 * Deployment frequency, lead time and recovery time are published as ranges along one scale, best band first. A band is
 * met when the value is at least as good as that band's worst published edge, and a key is placed in the best band it
 * meets; low catches everything worse, beyond its own far edge too (say, a deploy a year).
 * - Frequency: elite needs more than one deploy a working day ("multiple deploys per day"); exactly one a day is the top
 *   of high; high needs at least one a week (1/5 a day); medium at least one a month (1/21 a day).
 * - Lead time: elite under 1 day; high up to 1 week (5 working days) inclusive; medium up to 1 month (21) inclusive.
 * - Recovery: elite under 60 minutes; high and medium share the same published range ("less than one day"), so a
 *   recovery under a day places in high: this key cannot tell high from medium. The report leaves a gap between a day
 *   and a week: no band's range holds it, so such a recovery meets only low (it misses the under-a-day edge of high and
 *   medium).
 *
 * Change failure rate is published as one typical value per band, and they are NOT in band order: elite ~5%, medium
 * ~10%, high ~20%, low ~40% (the 2024 medium cluster reported fewer failed changes than high). A rate is placed in the
 * band whose typical value is nearest; a rate exactly halfway goes to the band with the lower typical rate. So up to
 * 7.5% is elite, above 7.5% to 15% medium, above 15% to 30% high, above 30% low. A consequence worth teaching: 12%
 * places in medium while 18% places in high, because that is what the report's clusters looked like.
 */
export function placeKey(key: Key, value: number): Band {
  if (!KEYS.includes(key)) throw new Error(`“${String(key)}” is not one of the four keys (${KEYS.join(', ')})`);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${KEY_INFO[key].label} must be a finite number (got ${String(value)})`);
  if (value < 0) throw new Error(`${KEY_INFO[key].label} cannot be negative (got ${value})`);
  switch (key) {
    case 'deploymentFrequency':
      return value > 1 ? 'elite' : value >= 1 / WEEK_DAYS ? 'high' : value >= 1 / MONTH_DAYS ? 'medium' : 'low';
    case 'leadTime':
      return value < 1 ? 'elite' : value <= WEEK_DAYS ? 'high' : value <= MONTH_DAYS ? 'medium' : 'low';
    case 'changeFailureRate': {
      if (value > 1) throw new Error(`Change failure rate is a fraction from 0 to 1 (got ${value}); divide a percentage by 100`);
      // Ties go to the lower typical rate: candidates are sorted by typical rate and only a strictly nearer one replaces the best.
      const byRate = [...BANDS].sort((a, b) => TYPICAL_FAILURE_RATE[a] - TYPICAL_FAILURE_RATE[b]);
      let best = byRate[0]!;
      for (const band of byRate) {
        if (Math.abs(value - TYPICAL_FAILURE_RATE[band]) < Math.abs(value - TYPICAL_FAILURE_RATE[best]) - 1e-12) best = band;
      }
      return best;
    }
    case 'recoveryTime':
      return value < 60 ? 'elite' : value < MINUTES_PER_DAY ? 'high' : 'low';
  }
}

/** The four keys' values; null means not measured (no deploys yet, nothing failed, nothing shipped). */
export type KeyValues = Record<Key, number | null>;

export interface Placement {
  /** Each key's band, or null for a key with no value. */
  bands: Record<Key, Band | null>;
  /** The weakest placed key (ties broken in KEYS order), or null when no key has a value. */
  weakest: Key | null;
  /** Every placed key that shares the weakest band. */
  weakestKeys: Key[];
  /** The weakest band: a team is only as strong as its weakest key, since the clusters describe teams good at all four at once. */
  band: Band | null;
  year: number;
}

/**
 * Places all four keys and names the weakest. A key with a null value is not placed and does not count toward the
 * weakest: the caller decides what "not measured" means (a run with no failed deploy has no recovery time to judge).
 */
export function placeAll(keys: KeyValues): Placement {
  const bands = Object.fromEntries(KEYS.map((k) => [k, keys[k] === null || keys[k] === undefined ? null : placeKey(k, keys[k])])) as Record<Key, Band | null>;
  const placed = KEYS.filter((k) => bands[k] !== null);
  if (placed.length === 0) return { bands, weakest: null, weakestKeys: [], band: null, year: BANDS_YEAR };
  const worst = Math.max(...placed.map((k) => BANDS.indexOf(bands[k]!)));
  const weakestKeys = placed.filter((k) => BANDS.indexOf(bands[k]!) === worst);
  return { bands, weakest: weakestKeys[0]!, weakestKeys, band: BANDS[worst]!, year: BANDS_YEAR };
}

/** Whether every key is placed and elite. */
export function allElite(placement: Placement): boolean {
  return KEYS.every((k) => placement.bands[k] === 'elite');
}

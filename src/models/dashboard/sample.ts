// A sample data set for the dashboard before the learner has runs of their own: made-up runs, clearly marked as sample data.
import { streams } from '../../sim-kit/core/random.ts';
import type { SavedRun } from './types.ts';

/** Shown whenever the wall uses the sample. */
export const SAMPLE_NOTICE =
  'Sample data: made-up runs of a team that improves over a quarter, to show how the wall works. Play any simulation to see your own.';

const SIMS = ['batch', 'flags', 'capstone'] as const;
const RUNS = 24;

/**
 * Twenty-four invented runs, two a week for twelve weeks, of a team moving from weekly releases towards small daily
 * deploys. Every run says `source: 'sample'`. Drawn once from a fixed seed so the sample is the same for everyone.
 */
function makeSample(): SavedRun[] {
  const r = streams(20260105)('dashboard-sample');
  const start = Date.UTC(2026, 0, 5, 16, 0, 0);
  return Array.from({ length: RUNS }, (_, i) => {
    const progress = i / (RUNS - 1);
    const jitter = (spread: number) => 1 + spread * (2 * r.float() - 1);
    const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    const deploysPerDay = round((0.2 + 2.8 * progress ** 1.5) * jitter(0.15), 3);
    return {
      sim: SIMS[i % SIMS.length]!,
      at: new Date(start + Math.floor(i / 2) * 7 * 86_400_000 + (i % 2) * 2 * 86_400_000).toISOString(),
      summary: {
        source: 'sample',
        deploysPerDay,
        changesPerDay: round(4 * jitter(0.1), 2),
        leadTimeDays: round((8 - 7.4 * progress) * jitter(0.2), 2),
        changeFailureRate: round(Math.max(0.02, (0.32 - 0.24 * progress) * jitter(0.2)), 3),
        recoveryMinutes: round((300 - 255 * progress) * jitter(0.2), 0),
        rollbacks: Math.max(0, Math.round((3 - 2 * progress) * jitter(0.5))),
        coveragePercent: round((55 + 25 * progress) * jitter(0.05), 1),
        pages: Math.max(0, Math.round((7 - 5 * progress) * jitter(0.4))),
        outages: Math.max(0, Math.round((3 - 2 * progress) * jitter(0.4))),
        peakLoadPercent: round((88 - 20 * progress) * jitter(0.08), 1),
      },
    };
  });
}

export const SAMPLE_RUNS: readonly SavedRun[] = Object.freeze(makeSample());

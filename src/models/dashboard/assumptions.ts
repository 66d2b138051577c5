// What the metrics dashboard assumes, in plain sentences for the page, and the sources behind its bands.
import { BANDS_SOURCE } from '../dora/bands.ts';
import { DEFAULT_WINDOW, FLAT_SHARE, TREND_RUNS } from './model.ts';

export const ASSUMPTIONS: string[] = [
  // The course's saved progress keeps each simulation's newest 20 runs (MAX_SIM_RUNS in src/lib/progress.ts; a test holds the two together).
  'Your wall is built from your own finished runs in every simulation, kept in your browser: each simulation keeps its newest 20 runs, and older ones drop off.',
  `Each number on the wall is taken over your ${DEFAULT_WINDOW} most recent runs that report it (you can change how many): a mean, except lead time, which is a median so one slow run does not swamp it.`,
  `A trend compares your latest runs with the ones just before them; a change smaller than ${Math.round(FLAT_SHARE * 100)}% reads as flat. The small chart shows up to ${TREND_RUNS} runs.`,
  'A simulation reports only the metrics it models, so some tiles stay empty until you play a simulation that reports them.',
  'The four keys are placed in the bands of the 2024 DORA report, with the year shown. The 2025 report replaced these bands with team archetypes, so they are the most recent bands there are, not the current standard.',
  'Your wall is graded by its weakest key, because the report’s clusters describe teams that are good at all four at once.',
  'In target mode, splitting each deploy into smaller deploys of the same work multiplies deploys a day, and because a defect still sits in one piece, it also divides the change failure rate; the changes reaching users stay exactly the same.',
  'Before you have runs of your own the wall shows made-up sample runs, labelled as such.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  { title: BANDS_SOURCE.title, url: BANDS_SOURCE.url, year: BANDS_SOURCE.year, note: BANDS_SOURCE.note },
  {
    title: "DORA's software delivery metrics: the four keys",
    url: 'https://dora.dev/guides/dora-metrics-four-keys/',
    year: 2024,
    note: 'Defines deployment frequency, lead time for changes, change failure rate and recovery time, and how to measure them.',
  },
  {
    title: 'State of AI-assisted Software Development 2025',
    url: 'https://dora.dev/research/2025/dora-report/',
    year: 2025,
    note: 'The report that replaced the performance clusters with team archetypes: benchmarks carry a year.',
  },
];

// What the capstone assumes, in plain sentences for the page, and the published sources behind its rules.
import { BANDS_SOURCE } from '../dora/bands.ts';
import { FIND_MINUTES_PER_CHANGE, FIX_MINUTES, FLAG_EXPOSURE, KILL_MINUTES, TEAM_HOURS_A_WEEK } from './levers.ts';

export const ASSUMPTIONS: string[] = [
  `The team is six people with ${TEAM_HOURS_A_WEEK} hours a week. Every lever's upkeep (toil) comes out of those hours, and the changes the team builds shrink in proportion.`,
  'Changes become ready at random through each working day. Each may carry a defect the tests missed, or one that shows only in production because of a gap between environments; a deploy fails if any change in it does.',
  'Better tests miss fewer defects and finish sooner (manual testing takes days); closing environment gaps removes production-only failures; both cost toil or money.',
  'Developers and operations apart means a handoff of two days before a change can ship, releases at 10 p.m., and slower detection; a team in the middle halves the handoff; one team that builds and runs the software has no handoff, ships in the day and notices problems fastest.',
  'Servers changed by hand drift and fail more often, and take hours to rebuild and an hour to roll back; reviewed infrastructure as code fails rarely and rebuilds in half an hour.',
  'Deploys happen in monthly windows, weekly, daily, or for each change as soon as it passes: the rarer the deploy, the bigger the batch and the likelier it fails.',
  `With feature flags a dark launch catches half of the defects before any user sees them, the kill switch turns a bad change off in ${KILL_MINUTES} minutes, and only ${Math.round(FLAG_EXPOSURE * 100)}% of users meet a bad change before it is judged, so its outage counts for that share.`,
  `A rollback takes the whole deploy out and its changes wait for the next deploy; fixing forward keeps them live but means reading ${FIND_MINUTES_PER_CHANGE} minutes per change in the deploy, then ${FIX_MINUTES} minutes to fix.`,
  'A managed cloud service takes over most of a lever’s toil for a quarterly price; it does nothing for a lever you have not pulled (a managed test service cannot run manual tests), and no service changes who talks to whom.',
  'Every number here (defect chances, hours, minutes and prices) is a round guess chosen to show the shape of each effect, not a measurement of any real team or price list.',
  'Incidents between 10 p.m. and 7 a.m. count as night-time pages.',
  'The four keys are placed in the 2024 DORA bands (the 2025 report replaced them with team archetypes). A quarter that deployed and never failed counts as recovering at once.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  { title: BANDS_SOURCE.title, url: BANDS_SOURCE.url, year: BANDS_SOURCE.year, note: BANDS_SOURCE.note },
  {
    title: 'Site Reliability Engineering, chapter 1: Introduction',
    url: 'https://sre.google/sre-book/introduction/',
    year: 2016,
    note: 'Roughly 70% of outages come from changes to a live system: why deploy size and recovery matter most.',
  },
  {
    title: 'The NIST Definition of Cloud Computing (SP 800-145)',
    url: 'https://csrc.nist.gov/pubs/sp/800/145/final',
    year: 2011,
    note: 'Defines the service models (platform and software as a service) that the managed-service options belong to.',
  },
  {
    title: 'What is DevOps?, Amazon Web Services',
    url: 'https://aws.amazon.com/devops/what-is-devops/',
    year: 2024,
    note: 'A cloud provider’s view of DevOps as culture plus practices, with managed services for delivery and monitoring.',
  },
];

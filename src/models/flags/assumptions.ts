// What the feature-flag model assumes, in plain sentences for the page, and the published sources behind its rules.
import { ALERT_Z, BASE_CONVERSION, BASE_ERROR_RATE, DARK_MINUTES, LOAD_SAMPLE, MIN_SAMPLE, NORMAL_DB_LOAD, RAMP_EVERY, SPIKE_MINUTES } from './model.ts';

const pc = (x: number) => `${Math.round(x * 1000) / 10}%`;

export const ASSUMPTIONS: string[] = [
  'The feature is built from a handful of commits. Each commit has a 50% chance of carrying one hidden problem: a logic error (20%), a broken contract between services (12%), a database load problem (9%) or a user-experience change users dislike (9%). These mixes are guesses.',
  'Every commit is built and tested automatically and promoted stage by stage with no person approving it; the first stage that catches its problem stops it. A stopped commit is left out of today’s release.',
  'Unit tests catch a logic error 60% of the time, integration tests 20% and staging 10%. Integration tests catch a broken contract 70% of the time, staging 30% and pre-production 10%. These chances are guesses.',
  'A database load problem shows only under production-like load: the pre-production load test catches it with the chance you set; otherwise only real traffic (a dark launch or real users) reveals it. No stage before production catches a user-experience problem.',
  `The service normally fails ${pc(BASE_ERROR_RATE)} of requests and ${pc(BASE_CONVERSION)} of users convert (for example, publish a photo). Normal traffic uses ${pc(NORMAL_DB_LOAD)} of the database’s capacity. These are round, made-up figures.`,
  'Each user makes one request a minute, and a group’s errors and conversions are random draws around its true rates, so small groups give noisy numbers.',
  'A logic or contract problem makes some of the new code’s requests fail; a load problem multiplies the database work the new code does; a user-experience problem lowers conversion for users who see the new interface. The feature itself also changes conversion a little, by an amount drawn for each day.',
  'When the database is asked for more than its capacity, the excess requests fail for everyone, whichever group they are in. A dark launch adds real load even though nobody sees its results.',
  `In a dark launch the new code handles a share of the control group’s requests in the background during the first ${DARK_MINUTES} minutes; its errors are logged and its answers thrown away, so no user sees them.`,
  `Monitoring compares the new group with the control group in the same minutes (a full release compares with the time before it). It raises an alert when a gap is more than ${ALERT_Z} standard errors wide, once the smaller group has ${MIN_SAMPLE} users. Checking every minute can still raise false alarms.`,
  `After ${LOAD_SAMPLE} requests through the new code the team knows its database cost per request, and an alert warns if full traffic at the busiest rate seen so far would pass the database’s capacity.`,
  'The on-call presses the kill switch as soon as an alert fires, and a flag change reaches every server within the minute. A full release has no flag, so it recovers by a rollback redeploy that takes the minutes you set.',
  `Somewhere after the first hour a traffic spike doubles the users for ${SPIKE_MINUTES} minutes, and those visitors convert more or less than usual. It hits both groups alike.`,
  `The ramp plan steps the rollout up (1%, 5%, 25%, 50%, 100%) after every ${RAMP_EVERY} healthy minutes.`,
  'Users hurt (the blast radius) counts the users who met an error the feature caused: users affected a minute, times the error rate, times the minutes. A user-experience problem hurts conversion rather than causing errors, so it is counted as lost conversions.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'Feature Toggles (aka Feature Flags), Pete Hodgson',
    url: 'https://martinfowler.com/articles/feature-toggles.html',
    year: 2017,
    note: 'Feature flags separate deploying code from releasing a feature, allow rollouts to a share of users and experiments against a control group, and carry a cost while they stay in the code.',
  },
  {
    title: 'Continuous Integration, Martin Fowler',
    url: 'https://martinfowler.com/articles/continuousIntegration.html',
    year: 2024,
    note: 'Every change is merged often and verified by an automated build with self-testing code, which is the first half of the pipeline here.',
  },
  {
    title: 'Site Reliability Engineering, chapter 1: Introduction',
    url: 'https://sre.google/sre-book/introduction/',
    year: 2016,
    note: 'Roughly 70% of outages come from changes to a live system, which is why progressive rollouts with fast detection and safe rollback lower the harm.',
  },
];

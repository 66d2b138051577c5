// What the environment-parity model assumes, in plain sentences for the page, and the sources for its rules.

export const ASSUMPTIONS: string[] = [
  'Changes are written at random times, about 3 a working day, and each one is the same whatever you choose: your fixes and deploy schedule never change which changes come.',
  'About 30% of changes quietly rely on one way development differs from production; that share is a guess, and you can change it.',
  'Each such change relies on one of the five differences, each equally likely, because we know of no published figure for their mix.',
  'A change breaks in the first environment where the difference it relies on is gone. With no fix, development and staging share every difference, so it breaks in production.',
  'Containers put every service on its own in development and staging, as in production, and one lock file with one promoted build gives every environment the same libraries: both catch their failures at a developer’s desk.',
  'Production network rules, pinned neighbour versions and production-sized anonymised data are applied to staging, so their failures are caught there, not on a developer’s machine.',
  'The cost of each fix in engineer-days (containers 2, network rules 3, lock file 1, pinned versions 2, production-sized data 4) is a rough guess of relative effort, not a measurement.',
  'Finding a failure costs 15 minutes at a desk, an hour in staging, and in production a 3-hour night-time page plus 5 minutes for every change in the deploy, to find which one broke it. These are guesses you can change.',
  'A failure caught in staging is fixed and its change still ships with that deploy; a production failure is fixed the next day.',
  'Development picks up a newer library or neighbour version about 0.4 times a working day, at random; production catches up with development’s versions at each deploy.',
  'The version gap is how many versions development is ahead of production, averaged over the whole run.',
  'Changes written after the last deploy of the run are still waiting at the end; they count in no environment’s failures.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'The Twelve-Factor App: X. Dev/prod parity',
    url: 'https://12factor.net/dev-prod-parity',
    year: 2011,
    note: 'Names the time, personnel and tools gaps between development and production and argues for keeping them small by deploying often.',
  },
  {
    title: 'Continuous Delivery (Jez Humble and David Farley)',
    url: 'https://continuousdelivery.com/',
    year: 2010,
    note: 'The practice of building binaries once and promoting the same build through every environment, with production-like test environments.',
  },
];

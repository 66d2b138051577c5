// What the provisioning model assumes, in plain sentences for the page, and the sources behind its rules.

export const ASSUMPTIONS: string[] = [
  'A definition declares an end state: how many web servers, their size and their open ports. The tool compares it with what exists and plans only the difference: create what is missing, change what differs, delete what is no longer declared.',
  'The imperative commands say what to do, not what should exist, so running them again does it all again.',
  'Patching by hand, each server is missed with the same small chance, independently: 3% by default, which is a guess. The number missed then follows a binomial distribution with mean fleet size times slip rate.',
  'Patching by hand takes 10 minutes a server; changing the definition takes a 20-minute review and a 10-minute apply for the whole fleet. These times are guesses.',
  'A colleague’s change opens the database port. Applied by the tool, it reaches every server in the fleet at once.',
  'Review catches the open port half the time (a guess). A run through staging finds it for sure, because staging is checked before production, and costs 30 minutes.',
  'Nothing else about the run is random: the slips and the review’s outcome are drawn from the seed before the first step.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'InfrastructureAsCode',
    url: 'https://martinfowler.com/bliki/InfrastructureAsCode.html',
    year: 2016,
    note: 'Martin Fowler defines infrastructure as code: definition files in source control, applied by tools, reviewed and tested like code.',
  },
  {
    title: 'SnowflakeServer',
    url: 'https://martinfowler.com/bliki/SnowflakeServer.html',
    year: 2012,
    note: 'Why servers configured by hand cannot be reproduced reliably.',
  },
];

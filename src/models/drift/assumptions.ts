// What the drift model assumes, in plain sentences for the page, and the sources behind its rules.

export const ASSUMPTIONS: string[] = [
  'Time is counted in working days (65 make a quarter) and cost in minutes of the team’s time.',
  'Events needing a change (incident hotfixes, security patches, debug tools installed in a hurry) arrive at random, 0.4 a working day on average, each about one server.',
  'A hand fix changes only the one server and leaves no record; a change in the versioned configuration is reviewed and applied to every server.',
  'A hand fix takes 20 minutes on average and a change through the repository 60; each event draws its own times between half and one and a half times those. Both averages are guesses.',
  'Two servers share a configuration when exactly the same changes have been applied to them.',
  'Each configuration beyond the first adds a 4% chance a day of a “works on one server, fails on another” incident, which costs 2 hours to diagnose. The 4% and the 2 hours are guesses.',
  'A dead disk is rebuilt at once: 30 minutes from the repository, plus 45 minutes for every change made on that server by hand, which someone must rediscover and redo.',
  'One fix in ten is itself faulty (a guess). Review catches half of the faulty changes before they are applied (also a guess).',
  'A faulty hand fix is found the next day and undone by hand in 30 minutes. A faulty reviewed change is found the next day on every server and is reverted in one step of 5 minutes; left in place it costs an hour a day.',
  'Applying the configuration does not wipe out changes made by hand: like most configuration tools, it manages only what it declares.',
  'The daily incident rule is a modelling choice, not a published formula: it only says that more configurations give more ways for one server to behave differently from another.',
  'Nothing else changes between runs on the same seed: the events, their times and the daily incident dice are drawn before the first day, so two policies meet exactly the same quarter.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'SnowflakeServer',
    url: 'https://martinfowler.com/bliki/SnowflakeServer.html',
    year: 2012,
    note: 'Martin Fowler on servers that drift through hand changes until nobody can rebuild them.',
  },
  {
    title: 'PhoenixServer',
    url: 'https://martinfowler.com/bliki/PhoenixServer.html',
    year: 2012,
    note: 'Rebuilding servers from their definition regularly, so a rebuild is routine.',
  },
];

// What the test-portfolio model assumes, in plain sentences for the page, and the sources behind its rules.

export const ASSUMPTIONS: string[] = [
  'The team has 200 hours of test writing to spread over four levels. A unit test takes 1 hour to write, an integration test 3, a user interface test 6 and a system test of the photo-sharing journey 10. These costs are guesses.',
  'One unit test runs in a third of a second, an integration test in 6 seconds, a user interface test in 30 seconds and a system test in 2 minutes; the levels run one after another.',
  'One change in five carries a defect (a guess). Half of the defects are logic errors, a fifth break a contract between services, a fifth break a screen and a tenth break the whole journey (also guesses).',
  'Each test has its own small chance of catching a given defect, so more tests at a level catch more: the chance that n tests miss is the chance one misses, to the power n.',
  'Unit tests use stand-ins for other services, so they never see a broken contract or a broken journey; integration tests see contracts; user interface tests see screens; a system test walks the whole journey. The per-test chances are guesses that keep this order.',
  'Each test can fail for no reason on a run: 1 in 10,000 for a unit test, 1 in 500 for an integration test, 1 in 100 for a user interface test and 1 in 50 for a system test. Larger tests being flakier follows Google’s reports; the figures themselves are guesses.',
  'People remember the last 10 red builds. They ignore the next red with a chance equal to the share of those that turned out false. This rule is a modelling choice that follows the observation that flaky suites teach people to ignore failures.',
  'An ignored red that really caught a defect lets that defect ship. A flaky red that is looked into costs a rerun of the whole suite, which passes.',
  'A defect that no test catches ships. The escape rate is escaped defects per change, which is what the batch-size simulation calls the chance that a change breaks production.',
  'Every portfolio on the same seed meets the same changes, the same defects and the same dice, so the difference between two runs is the portfolio.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'The Practical Test Pyramid',
    url: 'https://martinfowler.com/articles/practical-test-pyramid.html',
    year: 2018,
    note: 'Ham Vocke on many fast low-level tests and few slow end-to-end ones; credits Mike Cohn’s Succeeding with Agile (2009) for the pyramid.',
  },
  {
    title: 'TestPyramid',
    url: 'https://martinfowler.com/bliki/TestPyramid.html',
    year: 2012,
    note: 'Martin Fowler on why a suite built mostly of user interface tests is slow and brittle: the ice-cream cone.',
  },
  {
    title: 'Flaky Tests at Google and How We Mitigate Them',
    url: 'https://testing.googleblog.com/2016/05/flaky-tests-at-google-and-how-we.html',
    year: 2016,
    note: 'John Micco: about 1.5% of all test runs at Google report a flaky result, and almost 16% of tests show some flakiness.',
  },
  {
    title: 'Eradicating Non-Determinism in Tests',
    url: 'https://martinfowler.com/articles/nonDeterminism.html',
    year: 2011,
    note: 'Martin Fowler on how non-deterministic tests lead people to ignore failures, so the suite loses its value.',
  },
];

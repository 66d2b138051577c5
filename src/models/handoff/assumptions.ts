// What the handoff model assumes, in plain sentences for the page, and the sources for the rules it borrows.

export const ASSUMPTIONS: string[] = [
  'Time is counted in working days: five a week, 65 a quarter. The clock moves one day at a time, and everything inside a day happens at its exact moment.',
  'New ideas reach Product at random moments, three every four weeks on average, for half a year; the run goes on until every idea is live.',
  'Six teams work in order: Product, Design, Engineering, QA, Release and Technical Operations. Each team handles one piece of our work at a time.',
  'Average effort per idea is a guess for a small feature: 1 day of Product, 1.5 of Design, 2 of Engineering and 1.5 of QA. Each idea varies around these, never below half.',
  'Release spends a day packaging each release plus a tenth of a day per idea in it; Operations spends half a day deploying it plus a little per idea. These are guesses too.',
  'Every team also has other work. When our work reaches a team, the team is busy with other work as often as its busy share (50% unless you change it), and then our work waits for it to finish. That wait follows the textbook single-queue rule (M/M/1): on average it is the effort times busy / (1 - busy), so it doubles between 50% and 67% busy and grows without limit towards 100%.',
  'Handing on in batches: a team hands finished items to the next team only when it has a full batch (or when no more ideas will come). Items wait for their batch mates, even when they are finished.',
  'Every handoff of a batch can lose context. An item handed on in a batch of b items is misunderstood with a chance of 10% × (b − 1) / b at each of the two handoffs before Engineering builds it: never when handed on alone, almost 10% in a big batch. This rule and its 10% are guesses, not measured figures.',
  'Engineering slips a defect into 20% of first builds (a guess). QA finds every defect, sends the items back to Engineering together when it has tested the job, and retests them; a fix slips in a new defect half as often.',
  'A defect found later costs more to fix: 0.3 of the item’s build effort for each station it travelled through before QA found it (a coding slip 1, a misunderstood design 2, a misunderstood specification 3). The direction is widely believed; the size of the effect is disputed, so these numbers are guesses.',
  'QA keeps the items of a batch until every one of them has passed, then hands the whole batch to the door to Release. Teams fix and retest rework before starting new work.',
  'Release ships on its calendar (quarterly in waterfall and agile) or whenever work reaches its door (DevOps). It takes everything waiting at the door at once, and Operations deploys each release in turn.',
  '“Every team twice as fast” halves all effort, and the other work of each team shrinks with it, so each team stays just as busy.',
  'Production feedback comes back 5 working days after an item goes live: the time real use takes to tell the team something.',
  'Lead time here runs from the idea reaching Product to its going live, which is longer than DORA’s lead time for changes (from commit to production).',
  'Flow efficiency is the time items were being worked on divided by their lead time, added up over all items.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'M/M/1 queue',
    url: 'https://en.wikipedia.org/wiki/M/M/1_queue',
    year: 2026,
    note: 'The single-server queue with random arrivals and service: at utilisation ρ the chance of waiting is ρ and the mean wait is ρ / (1 − ρ) times the mean service time. The model draws each wait for other work from this distribution.',
  },
  {
    title: 'Kingman’s formula (J. F. C. Kingman, “The single server queue in heavy traffic”, Proceedings of the Cambridge Philosophical Society, 1961)',
    url: 'https://en.wikipedia.org/wiki/Kingman%27s_formula',
    year: 1961,
    note: 'For any single queue the mean wait is about ρ / (1 − ρ) times the mean service time, scaled by the variability of arrivals and service: the reason waiting grows steeply as a team nears 100% busy. With random arrivals and service it reduces to the M/M/1 rule used here.',
  },
  {
    title: 'DORA’s software delivery metrics: the four keys',
    url: 'https://dora.dev/guides/dora-metrics-four-keys/',
    year: 2024,
    note: 'Defines lead time for changes from commit to production; the simulation measures a longer span, from idea to production.',
  },
  {
    title: 'The Leprechauns of Software Engineering (Laurent Bossavit)',
    url: 'https://leanpub.com/leprechauns',
    year: 2012,
    note: 'Traces the often-quoted cost-of-change curve (defects cost far more to fix later) to its sources and finds the evidence for its size weak; why the model’s cost rule is labelled a guess.',
  },
];

// What the Conway model assumes, in plain sentences for the page, and the sources for its rules.

export const ASSUMPTIONS: string[] = [
  'Twelve people build a photo-sharing product with three areas (photos, sharing, accounts); each area has screens, a service, data, and the running of it in production (deploys, logs, alerts, runbooks).',
  'Each part needs one skill: front-end developers build screens, back-end developers services, data engineers data, operations engineers the running of it.',
  'A part is built by a team organised around its area if one has the skill, else by the team whose code it is, else by the feature’s lead team, else by the first team with the skill.',
  'Features are drawn the same whatever your teams: every one changes its area’s service and how it runs; 70% also change screens, 50% data, and 30% call another area’s service.',
  'The code of a part belongs to the team that builds it most; the teams’ parts form the modules you see, so modules form inside teams.',
  'Where a feature joins parts built by different teams, or parts in different modules, there is a seam. How likely a seam is to cause an incident depends only on how the people either side talk: 3% if they talk every day or share a team, 12% through tickets, 30% if they never talk. These rates are guesses chosen to be in that order, not measurements.',
  'A seam that touches the running of the product is a dev-ops seam; its incidents are logs nobody on call can read, a missing runbook, or an alert nobody owns.',
  'Each team a feature needs besides its lead team adds waiting: half a day if they talk daily, 3 days through tickets, and without a conversation the cheapest chain of conversations between them, at most 5 days (escalating). These delays are guesses.',
  'Work on each part takes about a day on average, at random, whatever the organisation.',
  'After a reorganisation, code does not move at once: a part moves to a new team only after that team has worked on it a few times (3 at most, by default), so the architecture follows the new teams over the next features.',
];

export const SOURCES: Array<{ title: string; url: string; year: number; note: string }> = [
  {
    title: 'How Do Committees Invent? (Melvin E. Conway, Datamation)',
    url: 'https://www.melconway.com/Home/Committees_Paper.html',
    year: 1968,
    note: 'The paper that states what is now called Conway’s law: a system’s design copies the communication structure of the organisation that designs it.',
  },
  {
    title: 'Team Topologies (Matthew Skelton and Manuel Pais)',
    url: 'https://teamtopologies.com/',
    year: 2019,
    note: 'Stream-aligned and platform teams, and the inverse Conway manoeuvre: shape the teams for the architecture you want.',
  },
];

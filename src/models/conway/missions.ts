// Missions for the Conway sim: goals with numbers, each checked on a finished run.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { ConwayValues } from '../../schemas/conway-scenario.ts';
import { isOver, summarize } from './model.ts';
import { person } from './org.ts';
import type { ConwayState } from './types.ts';

/** The world a mission keeps as the scenario gave it: the goal is met by shaping teams and conversations, not by changing the features. */
const WORLD = ['features', 'ui', 'data', 'cross', 'rdaily', 'rtickets', 'rnone', 'settle'] as const;

export const conwayMissions: ReadonlyArray<Mission<ConwayValues, ConwayState>> = [
  {
    id: 'quiet-pager',
    title: 'A quiet pager',
    goal: 'Build every feature with at most 2 incidents at the seam between development and operations.',
    fixed: WORLD,
    won: (end) => isOver(end) && summarize(end).devopsIncidents <= 2,
  },
  {
    id: 'talk-across-the-wall',
    title: 'Talk across the wall',
    goal: 'Keep operations as a team of its own, yet build every feature with at most 4 incidents at the dev-ops seam.',
    fixed: WORLD,
    won: (end) => isOver(end) && end.org.teams.some((t) => t.members.every((m) => person(m).skill === 'ops')) && summarize(end).devopsIncidents <= 4,
  },
  {
    id: 'one-team-features',
    title: 'One team per feature',
    goal: 'Need fewer than 1.5 teams per feature on average, with under 1 day per feature spent waiting on other teams.',
    fixed: WORLD,
    won: (end) => {
      const s = summarize(end);
      return isOver(end) && s.teamsPerFeature !== null && s.teamsPerFeature < 1.5 && s.delayDays !== null && s.delayDays < 1;
    },
  },
  {
    id: 'inverse-conway',
    title: 'The inverse Conway manoeuvre',
    goal: 'Start as silos; after at least 10 features, reorganise, and finish with at least 80% of the system in modules that each serve one product area.',
    setup: { org: 'silos' },
    fixed: [...WORLD, 'org'],
    won: (end) => {
      const s = summarize(end);
      return isOver(end) && end.reorganisedAt.length > 0 && end.reorganisedAt[0]! >= 10 && s.verticalShare !== null && s.verticalShare >= 0.8;
    },
  },
];

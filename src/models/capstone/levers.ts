// The capstone's levers: what each choice does to defects, waiting, recovery and toil, and the managed service that can serve it.
import type { CapstoneParams, DeployPolicy, Iac, LeverName, Levers, ManagedLever, Parity, TeamShape, Tests } from './types.ts';

/** Every figure below is a round guess for a team of six, stated on the page as such; the shape of each effect comes from the lesson it recalls. */
export const TEAM_HOURS_A_WEEK = 6 * 40;

export const TEAM: Record<TeamShape, { label: string; handoffDays: number; detectMinutes: number; deployHour: number }> = {
  silos: { label: 'Developers and operations apart', handoffDays: 2, detectMinutes: 45, deployHour: 22 },
  middle: { label: 'A DevOps team in the middle', handoffDays: 1, detectMinutes: 30, deployHour: 19 },
  shared: { label: 'One team builds and runs it', handoffDays: 0, detectMinutes: 10, deployHour: 11 },
};

export const PARITY: Record<Parity, { label: string; envDefect: number; toil: number; spend: number }> = {
  none: { label: 'Development differs from production', envDefect: 0.04, toil: 0, spend: 0 },
  some: { label: 'Containers and one lock file', envDefect: 0.02, toil: 6, spend: 2000 },
  full: { label: 'Staging like production, with production-sized data', envDefect: 0.005, toil: 12, spend: 6000 },
};

export const TESTS: Record<Tests, { label: string; defect: number; pipelineDays: number; toil: number }> = {
  manual: { label: 'Manual testing before each release', defect: 0.06, pipelineDays: 3, toil: 40 },
  topheavy: { label: 'Mostly slow end-to-end tests', defect: 0.04, pipelineDays: 0.5, toil: 16 },
  pyramid: { label: 'A broad base of fast unit and integration tests', defect: 0.02, pipelineDays: 0.05, toil: 6 },
};

export const IAC: Record<Iac, { label: string; infraIncidents: number; rollbackMinutes: number; rebuildMinutes: number; toil: number }> = {
  hand: { label: 'Servers changed by hand', infraIncidents: 3, rollbackMinutes: 60, rebuildMinutes: 240, toil: 20 },
  code: { label: 'Infrastructure as code, reviewed', infraIncidents: 0.5, rollbackMinutes: 15, rebuildMinutes: 30, toil: 6 },
};

export const DEPLOY: Record<DeployPolicy, { label: string; everyDays: number | null; toil: number }> = {
  monthly: { label: 'Monthly maintenance windows', everyDays: 21, toil: 12 },
  weekly: { label: 'Once a week', everyDays: 5, toil: 8 },
  daily: { label: 'Every day', everyDays: 1, toil: 6 },
  continuous: { label: 'Each change as soon as it passes', everyDays: null, toil: 6 },
};

export const FLAGS = {
  off: { label: 'No feature flags', darkCatch: 0, toil: 0 },
  on: { label: 'Feature flags, dark launches and a kill switch', darkCatch: 0.5, toil: 6 },
} as const;

/** Minutes to switch a flag off; and the share of users a flagged change reaches before it is judged healthy. */
export const KILL_MINUTES = 5;
export const FLAG_EXPOSURE = 0.05;
/** Fixing forward: minutes to read each change in the failed deploy, then to write and ship the fix. */
export const FIND_MINUTES_PER_CHANGE = 10;
export const FIX_MINUTES = 45;

/** The strongest choice of each lever, in the order the course teaches them. */
export const BEST: Levers = { team: 'shared', parity: 'full', tests: 'pyramid', iac: 'code', deploy: 'continuous', flags: 'on' };
/** Where the quarter starts: the company at the start of the course. */
export const START: Levers = { team: 'silos', parity: 'none', tests: 'manual', iac: 'hand', deploy: 'monthly', flags: 'off' };
export const LEVER_NAMES: readonly LeverName[] = ['team', 'parity', 'tests', 'iac', 'deploy', 'flags'];

export interface ManagedService {
  lever: ManagedLever;
  /** The kind of service, in words that outlast product names. */
  kind: string;
  /** The current AWS service of that kind. */
  aws: string;
  /** When the name was last checked. */
  checked: string;
  /** Dollars a quarter: a made-up round figure for the service and the work of adopting it. */
  spend: number;
  /** Hours a week of the lever's toil it leaves (the team keeps the rest of the work). */
  toilLeft: number;
  /** When the service does nothing for the lever as chosen. */
  needs: string | null;
  applies(levers: Levers): boolean;
}

/** Kinds of managed service per lever. AWS names checked 2026-12; team shape has none, since no service changes who talks to whom. */
export const SERVICES: Record<ManagedLever, ManagedService> = {
  parity: {
    lever: 'parity',
    kind: 'Managed container platform (the same image in every environment)',
    aws: 'Amazon ECS on AWS Fargate',
    checked: '2026-12',
    spend: 2500,
    toilLeft: 2,
    needs: 'some or full parity',
    applies: (l) => l.parity !== 'none',
  },
  tests: {
    lever: 'tests',
    kind: 'Managed build and test service',
    aws: 'AWS CodeBuild',
    checked: '2026-12',
    spend: 1500,
    toilLeft: 1,
    needs: 'automated tests',
    applies: (l) => l.tests !== 'manual',
  },
  iac: {
    lever: 'iac',
    kind: 'Infrastructure as code service',
    aws: 'AWS CloudFormation (with the AWS CDK)',
    checked: '2026-12',
    spend: 500,
    toilLeft: 2,
    needs: 'infrastructure as code',
    applies: (l) => l.iac === 'code',
  },
  deploy: {
    lever: 'deploy',
    kind: 'Managed deployment pipeline',
    aws: 'AWS CodePipeline',
    checked: '2026-12',
    spend: 1000,
    toilLeft: 1,
    needs: null,
    applies: () => true,
  },
  flags: {
    lever: 'flags',
    kind: 'Managed feature flags',
    aws: 'AWS AppConfig feature flags',
    checked: '2026-12',
    spend: 600,
    toilLeft: 1,
    needs: 'feature flags on',
    applies: (l) => l.flags === 'on',
  },
};

/** Hours a week each lever's own work takes, after any managed service. */
export function toilByLever(params: Pick<CapstoneParams, 'levers' | 'managed'>): Record<LeverName, number> {
  const l = params.levers;
  const own: Record<LeverName, number> = {
    team: 0,
    parity: PARITY[l.parity].toil,
    tests: TESTS[l.tests].toil,
    iac: IAC[l.iac].toil,
    deploy: DEPLOY[l.deploy].toil,
    flags: FLAGS[l.flags].toil,
  };
  for (const lever of Object.keys(SERVICES) as ManagedLever[]) {
    const s = SERVICES[lever];
    if (params.managed[lever] && s.applies(l)) own[lever] = Math.min(own[lever], s.toilLeft);
  }
  return own;
}

/** Dollars spent this quarter: parity's own spend plus every managed service that serves the levers as chosen. */
export function spendOf(params: Pick<CapstoneParams, 'levers' | 'managed'>): number {
  const l = params.levers;
  let spend = PARITY[l.parity].spend;
  for (const lever of Object.keys(SERVICES) as ManagedLever[]) if (params.managed[lever] && SERVICES[lever].applies(l)) spend += SERVICES[lever].spend;
  return spend;
}

/** Share of the team's week left for building changes once toil is paid (never below a third). */
export function capacityOf(params: Pick<CapstoneParams, 'levers' | 'managed'>): number {
  const toil = Object.values(toilByLever(params)).reduce((a, b) => a + b, 0);
  return Math.max(1 / 3, 1 - toil / TEAM_HOURS_A_WEEK);
}

// The provisioning missions: goals with numbers, each checked on a finished run.
import type { Mission } from '../../sim-kit/core/missions.ts';
import type { ProvisionValues } from '../../schemas/provision-scenario.ts';
import { summarize } from './model.ts';
import type { ProvisionState } from './types.ts';

const COSTS = ['handmin', 'reviewmin', 'applymin', 'stagemin', 'catch'] as const;

export const MISSIONS: ReadonlyArray<Mission<ProvisionValues, ProvisionState>> = [
  {
    id: 'no-open-database',
    title: 'Keep the database port shut',
    goal: 'Release the colleague’s change with no server exposing the database port, spending at most 60 minutes on the release.',
    fixed: [...COSTS, 'fleet'],
    won(end) {
      const s = summarize(end);
      return s.exposed === 0 && s.releaseMinutes !== null && s.releaseMinutes <= 60;
    },
  },
  {
    id: 'patch-every-server',
    title: 'Patch every server within the hour',
    goal: 'Patch all 40 servers of the fleet with none missed, in under an hour of work.',
    setup: { fleet: 40 },
    fixed: [...COSTS, 'fleet', 'slip'],
    won(end) {
      const s = summarize(end);
      return s.fleet === 40 && s.missed === 0 && s.patchMinutes !== null && s.patchMinutes < 60;
    },
  },
  {
    id: 'resize-safely',
    title: 'Five large servers, HTTPS only',
    goal: 'End with exactly 5 large servers that open only port 443, and a last plan with nothing left to do.',
    won(end) {
      const s = summarize(end);
      return (
        s.lastPlanSteps === 0 &&
        end.declared.length === 5 &&
        end.declared.every((server) => server.size === 'large' && server.ports.length === 1 && server.ports[0] === 443)
      );
    },
  },
];

// The top rung: for the learner's teams, incidents as more pairs of teams talk daily, and each named organisation, over many seeds, computed in a worker.
import type { ConwaySweepRow, Org } from '../../models/conway/index.ts';
import type { ConwayValues } from '../../schemas/conway-scenario.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useWorkerQuery } from '../../sim-kit/react/use-worker.ts';
import type { ConwayWorkerRequest } from './sweep.worker.ts';
import { makeConwayWorker } from './worker.ts';

const tenth = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en');

export const SWEEP_SEEDS = 100;

export function Sweep({ values, org }: { values: ConwayValues; org: Org }) {
  const request: ConwayWorkerRequest = { values, org, seeds: SWEEP_SEEDS };
  const result = useWorkerQuery<ConwayWorkerRequest, { talk: ConwaySweepRow[]; orgs: ConwaySweepRow[] }>(makeConwayWorker, request, JSON.stringify(request), {
    timeout: 30_000,
  });
  if (result.status !== 'done') {
    return (
      <p className="sim-sweep" role="status" data-sweep={result.status}>
        {result.status === 'pending'
          ? `Building the same features on ${SWEEP_SEEDS} sets of dice for every organisation…`
          : `The sweep could not be computed (${result.reason}). The comparison above still holds for your dice.`}
      </p>
    );
  }
  const { talk, orgs } = result.data;
  const top = Math.ceil(Math.max(1, ...talk.map((r) => r.incidents)));
  const last = talk.length - 1;
  return (
    <div className="sim-sweep" data-sweep="done">
      <Chart
        caption={`Your teams at the start, with more and more pairs of them talking every day (the rest not at all), averaged over ${SWEEP_SEEDS} sets of dice: ${tenth(talk[0]!.incidents)} incidents when no pair talks, ${tenth(talk[last]!.incidents)} when all ${last} pairs do.`}
        xDomain={[0, last]}
        yDomain={[0, top]}
        xTicks={talk.map((_, i) => i)}
        xLabel="Pairs of teams that talk every day"
        yLabel="incidents per run (mean)"
        table={
          <DataTable
            caption="Incidents and waiting as more pairs talk"
            columns={['Pairs talking daily', 'Incidents', 'Dev-ops incidents', 'Seams with no conversation', 'Days waiting per feature']}
            rows={talk.map((r) => [r.talkingPairs, tenth(r.incidents), tenth(r.devopsIncidents), tenth(r.silentSeams), tenth(r.delayDays)])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={talk.map((r, i) => [i, r.incidents] as const)} x={x} y={y} />
            {talk.map((r, i) => (
              <circle key={i} cx={x(i)} cy={y(r.incidents)} r="4" fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
      <DataTable
        caption={`Each named organisation on the same ${SWEEP_SEEDS} sets of dice (means per run)`}
        columns={['Organisation', 'Teams per feature', 'Days waiting per feature', 'Incidents', 'Dev-ops incidents']}
        rows={orgs.map((r) => [r.label, tenth(r.teamsPerFeature), tenth(r.delayDays), tenth(r.incidents), tenth(r.devopsIncidents)])}
      />
    </div>
  );
}

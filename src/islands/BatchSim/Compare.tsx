// Same dice, two policies: both run on the scenario's identical changes and defects, side by side.
import { useMemo } from 'react';
import { runQuarter, summarize, type Policy } from '../../models/batch/index.ts';
import { describePolicy, type Scenario } from '../../schemas/batch-scenario.ts';
import { PolicyPicker } from './PolicyPicker.tsx';
import { Scorecard } from './Scorecard.tsx';
import { Timeline } from './Timeline.tsx';

interface Props {
  scenario: Scenario;
  other: Policy;
  onOtherChange: (policy: Policy) => void;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function Compare({ scenario, other, onOtherChange }: Props) {
  const mine = scenario.params.policy.kind === 'manual' ? ({ kind: 'every', days: 5 } as Policy) : scenario.params.policy;
  const runs = useMemo(
    () =>
      [mine, other].map((policy, i) => {
        const run = runQuarter({ ...scenario.params, policy }, scenario.seed);
        return { label: `${i === 0 ? 'A' : 'B'}: ${capital(describePolicy(policy))}`, run, summary: summarize(run) };
      }),
    [scenario, mine, other],
  );
  const [a, b] = runs as [(typeof runs)[0], (typeof runs)[0]];
  return (
    <section className="sim-compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Same dice, two policies</h3>
      <p>
        Both runs below get exactly the same changes, arriving at the same moments, with the same defects (seed {scenario.seed}). The only difference is when
        they deploy, so any difference you see is the policy, not luck. Outages recover by{' '}
        {scenario.params.recovery === 'rollback' ? 'rolling back' : 'fixing forward'}.
      </p>
      <div className="compare-controls">
        <p>
          <strong>A:</strong> your setup’s policy, {describePolicy(mine)}.
        </p>
        <PolicyPicker legend="B: compare with" value={other} onChange={onOtherChange} automaticOnly />
      </div>
      <p className="compare-verdict" data-compare-verdict>
        {a.label.slice(3)}: {a.summary.failedDeploys} outage{a.summary.failedDeploys === 1 ? '' : 's'}, {Math.round(a.summary.downtimeMinutes)} minutes down,{' '}
        {a.summary.cluster} cluster. {b.label.slice(3)}: {b.summary.failedDeploys} outage{b.summary.failedDeploys === 1 ? '' : 's'},{' '}
        {Math.round(b.summary.downtimeMinutes)} minutes down, {b.summary.cluster} cluster.
      </p>
      <Scorecard caption="The two policies on the same dice" summaries={runs} />
      <div className="compare-timelines">
        {runs.map((r) => (
          <Timeline key={r.label} run={r.run} title={r.label} />
        ))}
      </div>
    </section>
  );
}

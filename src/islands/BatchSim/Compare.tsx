// Same dice, two policies: column A is the run the learner played; B runs the same changes and defects under another policy.
import { useMemo } from 'react';
import { runToEnd } from '../../sim-kit/core/model.ts';
import { batchModel, summarize, type BatchState, type Recovery } from '../../models/batch/index.ts';
import { POLICY_OPTIONS, batchParams, comparisonPolicy, describePolicy, type BatchValues, type PolicyChoice } from '../../schemas/batch-scenario.ts';
import { duration, plural } from '../../sim-kit/core/words.ts';
import { Scorecard } from './Scorecard.tsx';
import { Timeline } from './Timeline.tsx';

interface Props {
  values: BatchValues;
  seed: number;
  played: BatchState;
  onOtherChange: (policy: Exclude<PolicyChoice, 'manual'>) => void;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The recovery the learner chose most in their run (their own choice carries into B); the setting when they never chose. */
export function learnerRecovery(run: BatchState): Recovery {
  const done = run.deploys.filter((d) => d.recovery !== null && !d.irreversible);
  if (done.length === 0) return run.params.recovery;
  return done.filter((d) => d.recovery === 'rollback').length * 2 >= done.length ? 'rollback' : 'fix-forward';
}

export function Compare({ values, seed, played, onOtherChange }: Props) {
  const other = comparisonPolicy(values);
  const recovery = learnerRecovery(played);
  const b = useMemo(() => runToEnd(batchModel, { ...batchParams({ ...values, policy: other }), recovery }, seed), [values, other, recovery, seed]);
  const runs = [
    { label: `A: your run, ${describePolicy(values.policy)}`, run: played, summary: summarize(played) },
    { label: `B: ${describePolicy(other)}`, run: b, summary: summarize(b) },
  ];
  const yMax = Math.max(10, ...runs.flatMap((r) => r.run.deploys.map((d) => d.changeIds.length)));
  return (
    <section className="sim-compare" aria-labelledby="compare-heading">
      <h4 id="compare-heading">Same dice, two policies</h4>
      <p>
        B gets exactly your changes, arriving at the same moments with the same defects and migrations (seed {seed}), and recovers the way you mostly did (
        {recovery === 'rollback' ? 'rolling back' : 'fixing forward'}). The only difference is when it deploys, so any gap is the policy, not luck.
      </p>
      <label className="compare-pick">
        Compare with
        <select value={other} onChange={(e) => onOtherChange(e.target.value as Exclude<PolicyChoice, 'manual'>)}>
          {POLICY_OPTIONS.filter((o) => o.value !== 'manual').map((o) => (
            <option key={o.value} value={o.value}>
              {capital(describePolicy(o.value))}
            </option>
          ))}
        </select>
      </label>
      <p className="compare-verdict" data-compare-verdict>
        {runs
          .map(
            (r) =>
              `${r.label}: ${plural(r.summary.failedDeploys, 'outage')}, ${duration(r.summary.downtimeMinutes)} down, ${r.summary.changesDeployed} changes live.`,
          )
          .join(' ')}
      </p>
      <Scorecard caption="The two policies on the same dice" summaries={runs} />
      <div className="compare-timelines">
        {runs.map((r) => (
          <Timeline key={r.label} run={r.run} title={r.label} yMax={yMax} />
        ))}
      </div>
    </section>
  );
}

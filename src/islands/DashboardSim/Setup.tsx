// Before the wall goes up: what the wall will read, the guess of the weakest key, and which metrics go on the team's wall.
import type { RefObject } from 'react';
import {
  DORA_METRICS,
  METRICS,
  SAMPLE_NOTICE,
  dashboardMissions,
  readKey,
  type MetricId,
  type MetricKey,
  type SavedRun,
} from '../../models/dashboard/index.ts';
import { BANDS_YEAR } from '../../models/dora/bands.ts';
import { MAX_SIM_RUNS } from '../../lib/progress.ts';
import { dashboardFields, hasAllKeys, simsIn, WEAKEST_PREDICTIONS } from '../../sims/dashboard.ts';
import type { Scenario } from '../../sim-kit/core/fields.ts';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';
import { Missions } from '../../sim-kit/react/Missions.tsx';
import { Predict } from '../../sim-kit/react/Predict.tsx';
import { simName } from './format.ts';

interface Props {
  runs: readonly SavedRun[];
  prediction: string | null;
  chosen: readonly MetricId[];
  scenario: Scenario<typeof dashboardFields>;
  ready: boolean;
  won: Readonly<Record<string, string>>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPredict: (guess: string) => void;
  onToggle: (id: MetricId) => void;
  onSetMetrics: (ids: readonly MetricId[]) => void;
  onWindow: (window: number) => void;
  onBuild: () => void;
}

/** Which sims of the learner's runs report a metric, in words. */
function sources(runs: readonly SavedRun[], key: string): string {
  const from = simsIn(runs.filter((r) => readKey(r.summary, key as MetricKey) !== null)).map(simName);
  return from.length ? `in your runs of: ${from.join(', ')}` : 'none of your runs reports it yet';
}

function MetricGroup({
  legend,
  ids,
  runs,
  chosen,
  onToggle,
}: {
  legend: string;
  ids: readonly MetricId[];
  runs: readonly SavedRun[];
  chosen: readonly MetricId[];
  onToggle: (id: MetricId) => void;
}) {
  return (
    <fieldset className="wall-choose">
      <legend>{legend}</legend>
      {METRICS.filter((m) => ids.includes(m.id)).map((m) => (
        <label key={m.id} className="choice" data-metric={m.id}>
          <input type="checkbox" checked={chosen.includes(m.id)} onChange={() => onToggle(m.id)} />
          <span>
            {m.label} <span className="muted field-hint">({runs.length ? sources(runs, m.key) : m.note})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Setup(props: Props) {
  const { runs, chosen } = props;
  const sims = simsIn(runs);
  const operational = METRICS.filter((m) => m.dora === null).map((m) => m.id);
  return (
    <form
      className="sim-setup"
      aria-labelledby="setup-heading"
      onSubmit={(e) => {
        e.preventDefault();
        props.onBuild();
      }}
    >
      <h3 id="setup-heading" ref={props.headingRef} tabIndex={-1}>
        Build your team’s wall
      </h3>
      {runs.length ? (
        <p data-source="own">
          Your wall reads the {runs.length} finished {runs.length === 1 ? 'run' : 'runs'} saved in this browser, from {sims.length}{' '}
          {sims.length === 1 ? 'simulation' : 'simulations'} ({sims.map(simName).join(', ')}). Each simulation keeps its newest {MAX_SIM_RUNS} runs.
        </p>
      ) : (
        <p data-source="sample">
          <strong>No runs of your own yet.</strong> {SAMPLE_NOTICE}
        </p>
      )}
      <Predict
        question={`which of the four keys will be the weakest on ${runs.length ? 'your' : 'the sample'} wall, placed in DORA’s ${BANDS_YEAR} bands?`}
        options={WEAKEST_PREDICTIONS}
        value={props.prediction}
        onChange={props.onPredict}
      />
      <MetricGroup legend="Operational metrics (this lesson’s list)" ids={operational} runs={runs} chosen={chosen} onToggle={props.onToggle} />
      <MetricGroup legend={`DORA’s four keys (placed in ${BANDS_YEAR} bands)`} ids={DORA_METRICS} runs={runs} chosen={chosen} onToggle={props.onToggle} />
      <div className="sim-controls">
        <button
          type="button"
          className="button secondary"
          disabled={hasAllKeys(chosen)}
          onClick={() => props.onSetMetrics([...new Set([...chosen, ...DORA_METRICS])])}
        >
          Add all four keys
        </button>
      </div>
      <button type="submit" className="button" disabled={!props.ready || props.prediction === null || chosen.length === 0}>
        Put it on the wall
      </button>
      {props.ready && props.prediction === null && <p className="muted">Make your prediction above to put the wall up.</p>}
      {props.ready && props.prediction !== null && chosen.length === 0 && <p className="muted">Choose at least one metric for the wall.</p>}
      <Missions missions={dashboardMissions} won={props.won} justWon={[]} active={null} onTry={() => undefined} />
      <details className="sim-more">
        <summary>More settings: how many recent runs each number is taken over</summary>
        <div className="setup-grid">
          <FieldInput
            name="window"
            field={dashboardFields.window}
            value={props.scenario.values.window}
            locked={props.scenario.locked.includes('window')}
            onChange={(v) => props.onWindow(v as number)}
          />
        </div>
      </details>
    </form>
  );
}

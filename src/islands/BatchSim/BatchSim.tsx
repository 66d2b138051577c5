// The batch-size island: predict, set up, play a quarter, review it, compare on the same dice, sweep; the kit does the plumbing.
import { useEffect, useMemo, useRef, useState } from 'react';
import { batchMachine } from '../../machines/batch.machine.ts';
import { batchMissions, narrate, summarize, table } from '../../models/batch/index.ts';
import { batchFields, batchParams, describePolicy, SUITES, type BatchValues, type PolicyChoice } from '../../schemas/batch-scenario.ts';
import { batchCode, savedSummary } from '../../sims/batch.ts';
import { exportRun, toCsv } from '../../sim-kit/core/export.ts';
import type { Fields } from '../../sim-kit/core/fields.ts';
import { missionsWon } from '../../sim-kit/core/missions.ts';
import { encodeResult, makeNonce } from '../../sim-kit/core/result-code.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';
import { Missions } from '../../sim-kit/react/Missions.tsx';
import { Predict } from '../../sim-kit/react/Predict.tsx';
import { ResultCodeBox } from '../../sim-kit/react/ResultCodeBox.tsx';
import { SharePanel } from '../../sim-kit/react/SharePanel.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useFocusWhen, useNarration, useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useScenario } from '../../sim-kit/react/use-scenario.ts';
import { useActor } from '../../sim-kit/react/use-actor.ts';
import { useSimRecord } from '../../sim-kit/react/use-sim-record.ts';
import { downloadText } from '../../lib/download.ts';
import { Compare } from './Compare.tsx';
import { PREDICTIONS, Review } from './Review.tsx';
import { RiskChart } from './RiskChart.tsx';
import { RunView } from './RunView.tsx';
import { Sweep } from './Sweep.tsx';
import { Timeline } from './Timeline.tsx';

const SIM_ID = 'batch';
const randomUnit = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export default function BatchSim() {
  const { scenario, setScenario, problems, dismissProblems, query, ready, challenge } = useScenario(batchFields);
  const { seed, values } = scenario;
  // Keyed by content, so a setting that does not reach the model (the comparison's policy) never restarts the run.
  const paramsKey = JSON.stringify(batchParams(values));
  const params = useMemo(() => JSON.parse(paramsKey) as ReturnType<typeof batchParams>, [paramsKey]);
  const [snapshot, send] = useActor(batchMachine, { seed, params });
  const { run, log, speed, prediction, finished } = snapshot.context;
  const record = useSimRecord(SIM_ID);
  const [pageUrl, setPageUrl] = useState('');
  const [nonce, setNonce] = useState('');
  const [justWon, setJustWon] = useState<string[]>([]);
  const [activeMission, setActiveMission] = useState<string | null>(null);
  const [showSweep, setShowSweep] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const runHeading = useRef<HTMLHeadingElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const configuring = snapshot.matches('configure');
  const reviewing = snapshot.matches('review');
  const deciding = snapshot.matches('decision');
  const playing = snapshot.matches({ running: 'playing' });
  const state = configuring ? 'configure' : reviewing ? 'review' : deciding ? 'decision' : 'running';
  const locked = new Set<string>(scenario.locked);

  useEffect(() => {
    root.current?.closest('.sim-embed')?.classList.add('sim-live');
    setPageUrl(`${window.location.origin}${window.location.pathname}`);
  }, []);

  // The machine follows the scenario; a change after a review goes back to the setup with the new settings.
  useEffect(() => {
    send({ type: 'setup.set', seed, params });
  }, [send, seed, params]);

  // After Start, the run's heading takes focus and scrolls into view, so the counters and controls are on screen on a phone.
  const wasConfiguring = useRef(configuring);
  useEffect(() => {
    if (wasConfiguring.current && !configuring && !reviewing) {
      runHeading.current?.focus({ preventScroll: true });
      runHeading.current?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    }
    wasConfiguring.current = configuring;
  }, [configuring, reviewing]);
  useFocusWhen(reviewing, reviewHeading);

  const announcement = useNarration(run, narrate);
  const summary = useMemo(() => summarize(run), [run]);

  // Each finished run gets its own nonce (so a room of identical runs still counts every learner), and is saved with the missions it won.
  useEffect(() => {
    if (finished === 0) return;
    const fresh = makeNonce(randomUnit);
    setNonce(fresh);
    const won = missionsWon(batchMissions, run, values);
    setJustWon(won.filter((id) => !record.won[id]));
    record.save(
      { at: new Date().toISOString(), code: encodeResult(batchCode, seed, values, summarize(run), fresh), query, summary: savedSummary(values, run) },
      won,
    );
    // Runs once per finished run: `finished` counts them.
  }, [finished]);

  const code = useMemo(() => (reviewing && nonce ? encodeResult(batchCode, seed, values, summary, nonce) : ''), [reviewing, nonce, seed, values, summary]);
  const setValues = (over: Partial<BatchValues>) => setScenario({ ...scenario, values: { ...values, ...over } });

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    s: () => send({ type: 'sim.act', action: { type: 'ship' } }),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  const exportJson = () =>
    downloadText(`batch-run-seed-${seed}.json`, 'application/json', `${JSON.stringify(exportRun(SIM_ID, query, summary, log, table(run)), null, 2)}\n`);
  const exportCsv = () => downloadText(`batch-run-seed-${seed}.csv`, 'text/csv', toCsv(table(run)));
  const suite = values.defect === SUITES.strong ? 'strong' : values.defect === SUITES.weak ? 'weak' : 'custom';
  const advanced = Object.entries(batchFields as Fields).filter(([name, f]) => f.advanced && name !== 'vs');

  return (
    <div ref={root}>
      <SimShell sim={SIM_ID} state={state} problems={problems} onDismissProblems={dismissProblems} announcement={announcement}>
        {configuring && (
          <form
            className="sim-setup"
            aria-labelledby="setup-heading"
            onSubmit={(e) => {
              e.preventDefault();
              send({ type: 'run.start' });
            }}
          >
            <h3 id="setup-heading">Play a quarter</h3>
            <p>
              About {Math.round(values.rate * values.days)} changes will become ready over {values.days} working days. Each one has a{' '}
              {percent(values.defect / 100, 1)} chance of breaking production. You choose when to deploy; when a deploy breaks production, you choose how to
              recover.
            </p>
            {record.lastRun && (
              <p className="muted" data-last-run>
                Your last run ({String(record.lastRun.summary.policy ?? 'unknown policy')}): {String(record.lastRun.summary.changesDeployed)} changes in
                production, {String(record.lastRun.summary.outages)} outages, {Math.round(Number(record.lastRun.summary.downtimeMinutes) / 6) / 10} hours down.
              </p>
            )}
            <Predict
              question="with the same changes and the same tests, which team spends more hours with production down over the quarter?"
              options={PREDICTIONS}
              value={prediction}
              onChange={(guess) => send({ type: 'predict.set', guess })}
            />
            {locked.size > 0 && (
              <p className="sim-locked" data-locked>
                Your instructor fixed these settings for this challenge: {scenario.locked.join(', ')}.
              </p>
            )}
            <FieldInput
              name="policy"
              field={batchFields.policy}
              value={values.policy}
              locked={locked.has('policy')}
              onChange={(v) => setValues({ policy: v as PolicyChoice })}
            />
            <fieldset className="field field-choice" disabled={locked.has('defect')} data-field="suite">
              <legend>How good are your tests?</legend>
              <label className="choice">
                <input type="radio" name="suite" checked={suite === 'strong'} onChange={() => setValues({ defect: SUITES.strong })} />
                Strong suite: {SUITES.strong}% of changes break production
              </label>
              <label className="choice">
                <input type="radio" name="suite" checked={suite === 'weak'} onChange={() => setValues({ defect: SUITES.weak })} />
                Weak suite: {SUITES.weak}% of changes break production
              </label>
              <FieldInput
                name="defect"
                field={batchFields.defect}
                as="slider"
                value={values.defect}
                locked={locked.has('defect')}
                onChange={(v) => setValues({ defect: v as number })}
              />
            </fieldset>
            <button type="submit" className="button" disabled={!ready || prediction === null}>
              Start the quarter
            </button>
            {ready && prediction === null && <p className="muted">Make your prediction above to start.</p>}
            <Missions
              missions={batchMissions}
              won={record.won}
              justWon={[]}
              active={activeMission}
              onTry={(m) => {
                setActiveMission(m.id);
                setValues(m.setup as Partial<BatchValues>);
              }}
            />
            <details className="sim-more">
              <summary>More settings: arrivals, recovery times, migrations, seed</summary>
              <div className="setup-grid">
                {advanced.map(([name, field]) => (
                  <FieldInput
                    key={name}
                    name={name}
                    field={field}
                    value={values[name as keyof BatchValues]}
                    locked={locked.has(name)}
                    onChange={(v) => setValues({ [name]: v } as Partial<BatchValues>)}
                  />
                ))}
                <div className="field">
                  <label htmlFor="batch-seed">Seed (the dice){locked.has('seed') ? ' (fixed by your instructor)' : ''}</label>
                  <input
                    id="batch-seed"
                    type="number"
                    min={0}
                    max={2147483647}
                    value={seed}
                    disabled={locked.has('seed')}
                    onChange={(e) => {
                      const n = Math.round(Number(e.target.value));
                      if (e.target.value.trim() !== '' && n >= 0 && n <= 2147483647) setScenario({ ...scenario, seed: n });
                    }}
                  />
                  <button
                    type="button"
                    className="button secondary"
                    disabled={locked.has('seed')}
                    onClick={() => setScenario({ ...scenario, seed: Math.floor(randomUnit() * 2 ** 31) })}
                  >
                    New dice
                  </button>
                </div>
              </div>
            </details>
            <SharePanel fields={batchFields} scenario={scenario} pageUrl={pageUrl} challenge={challenge} />
          </form>
        )}

        {!configuring && (
          <RunView
            run={run}
            heading={`Your quarter: ${describePolicy(values.policy)}, ${percent(values.defect / 100, 1)} of changes defective`}
            headingRef={runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onShip={() => send({ type: 'sim.act', action: { type: 'ship' } })}
            onRecover={(how) => send({ type: 'sim.act', action: { type: 'recover', how } })}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review run={run} summary={summary} values={values} seed={seed} prediction={prediction} headingRef={reviewHeading} />
            <Missions
              missions={batchMissions}
              won={record.won}
              justWon={justWon}
              active={null}
              onTry={(m) => {
                setActiveMission(m.id);
                setValues(m.setup as Partial<BatchValues>);
              }}
            />
            <ResultCodeBox code={code} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
            <div className="sim-controls">
              <button type="button" className="button" onClick={() => send({ type: 'run.replay' })}>
                Replay the same quarter
              </button>
              <button type="button" className="button secondary" onClick={() => send({ type: 'run.configure' })}>
                Change setup
              </button>
            </div>
            <Compare values={values} seed={seed} played={run} onOtherChange={(vs) => setValues({ vs })} />
            {showSweep ? (
              <Sweep params={{ ...params, recovery: run.params.recovery }} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every deploy interval over 100 sets of dice
              </button>
            )}
          </>
        )}

        {!configuring && (
          <>
            {!reviewing && <Timeline run={run} title="Your quarter" />}
            <div className="sim-export" role="group" aria-label="Export this run">
              <button type="button" className="button secondary" onClick={exportJson}>
                Export JSON
              </button>
              <button type="button" className="button secondary" onClick={exportCsv}>
                Export CSV
              </button>
            </div>
            <RiskChart p={params.defectRate} seed={seed} deploys={run.deploys} />
          </>
        )}
      </SimShell>
    </div>
  );
}

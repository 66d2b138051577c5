// The handoff-pipeline island: predict, pick a way of working, watch items move and wait through six teams, review, compare the three ways on the same dice, sweep.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMachine } from '@xstate/react';
import { handoffMachine } from '../../machines/handoff.machine.ts';
import { MISSIONS, narrate, summarize, table, type HandoffState } from '../../models/handoff/index.ts';
import { handoffFields, handoffParams, type HandoffValues } from '../../schemas/handoff-scenario.ts';
import { handoffCode } from '../../sims/handoff.ts';
import { exportRun, toCsv } from '../../sim-kit/core/export.ts';
import type { Fields } from '../../sim-kit/core/fields.ts';
import { missionsWon } from '../../sim-kit/core/missions.ts';
import { encodeResult, makeNonce } from '../../sim-kit/core/result-code.ts';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';
import { Missions } from '../../sim-kit/react/Missions.tsx';
import { Predict } from '../../sim-kit/react/Predict.tsx';
import { ResultCodeBox } from '../../sim-kit/react/ResultCodeBox.tsx';
import { SharePanel } from '../../sim-kit/react/SharePanel.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useFocusWhen, useNarration, useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useScenario } from '../../sim-kit/react/use-scenario.ts';
import { useSimRecord } from '../../sim-kit/react/use-sim-record.ts';
import { downloadText } from '../../lib/download.ts';
import { Pipeline } from './Pipeline.tsx';
import { Compare, PREDICTIONS, Review, Sweep } from './Results.tsx';
import './handoff-sim.css';

const SIM_ID = 'handoff';
const randomUnit = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
const WAY_WORDS = { waterfall: 'waterfall', agile: 'agile', devops: 'DevOps' } as const;

/** The flat summary kept in saved progress. */
function savedSummary(values: HandoffValues, run: HandoffState) {
  const s = summarize(run);
  const r = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    way: values.way,
    fast: values.fast ? 1 : 0,
    items: s.items,
    live: s.live,
    leadMedianDays: r(s.leadMedian),
    flowEfficiency: s.flowEfficiency === null ? null : Math.round(s.flowEfficiency * 1000) / 1000,
    firstFeedbackDay: r(s.firstFeedbackDay),
    reworkLaps: s.reworkLaps,
    doorPeak: s.doorPeak,
  };
}

/** A short name for the setting being played ("waterfall, every team twice as fast"). */
function describe(values: HandoffValues): string {
  const parts: string[] = [WAY_WORDS[values.way]];
  if (values.batch > 0) parts.push(`${values.batch} per handoff`);
  if (values.cadence !== 'way') parts.push(`releases ${handoffFields.cadence.options.find((o) => o.value === values.cadence)!.label.toLowerCase()}`);
  if (values.wip > 0) parts.push(`at most ${values.wip} in progress`);
  if (values.fast) parts.push('every team twice as fast');
  return parts.join(', ');
}

export default function HandoffSim({ way }: { way?: HandoffValues['way'] }) {
  const { scenario, setScenario, problems, dismissProblems, query, ready, challenge } = useScenario(handoffFields, way ? { way } : {});
  const { seed, values } = scenario;
  const params = useMemo(() => handoffParams(values), [values]);
  const [snapshot, send] = useMachine(handoffMachine, { input: { seed, params } });
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
  const playing = snapshot.matches({ running: 'playing' });
  const state = configuring ? 'configure' : reviewing ? 'review' : 'running';
  const locked = new Set<string>(scenario.locked);

  useEffect(() => {
    root.current?.closest('.sim-embed')?.classList.add('sim-live');
    setPageUrl(`${window.location.origin}${window.location.pathname}`);
  }, []);

  useEffect(() => {
    send({ type: 'setup.set', seed, params });
  }, [send, seed, params]);

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

  useEffect(() => {
    if (finished === 0) return;
    const fresh = makeNonce(randomUnit);
    setNonce(fresh);
    const won = missionsWon(MISSIONS, run, values);
    setJustWon(won.filter((id) => !record.won[id]));
    record.save(
      { at: new Date().toISOString(), code: encodeResult(handoffCode, seed, values, summarize(run), fresh), query, summary: savedSummary(values, run) },
      won,
    );
    // Runs once per finished run: `finished` counts them.
  }, [finished]);

  const code = useMemo(() => (reviewing && nonce ? encodeResult(handoffCode, seed, values, summary, nonce) : ''), [reviewing, nonce, seed, values, summary]);
  const setValues = (over: Partial<HandoffValues>) => setScenario({ ...scenario, values: { ...values, ...over } });

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    s: () => send({ type: 'sim.act', action: { type: 'release' } }),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  const exportJson = () =>
    downloadText(`handoff-run-seed-${seed}.json`, 'application/json', `${JSON.stringify(exportRun(SIM_ID, query, summary, log, table(run)), null, 2)}\n`);
  const exportCsv = () => downloadText(`handoff-run-seed-${seed}.csv`, 'text/csv', toCsv(table(run)));
  const advanced = Object.entries(handoffFields as Fields).filter(([name]) => name !== 'way' && name !== 'fast');
  const onTry = (m: (typeof MISSIONS)[number]) => {
    setActiveMission(m.id);
    setValues(m.setup as Partial<HandoffValues>);
  };

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
            <h3 id="setup-heading">Run the pipeline</h3>
            <p>
              New ideas reach Product about {values.rate.toLocaleString('en')} a week for {values.weeks} weeks. Each passes through Product, Design,
              Engineering, QA, Release and Technical Operations. QA sends defects back to Engineering. The run ends when every idea is live.
            </p>
            {record.lastRun && (
              <p className="muted" data-last-run>
                Your last run ({String(record.lastRun.summary.way ?? 'unknown')}): median lead time {String(record.lastRun.summary.leadMedianDays)} working
                days, first production feedback on day {String(record.lastRun.summary.firstFeedbackDay)}.
              </p>
            )}
            <Predict
              question="in waterfall, which helps lead time more?"
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
              name="way"
              field={handoffFields.way}
              value={values.way}
              locked={locked.has('way')}
              onChange={(v) => setValues({ way: v as HandoffValues['way'] })}
            />
            <p className="muted">{handoffFields.way.description}</p>
            <FieldInput
              name="fast"
              field={handoffFields.fast}
              value={values.fast}
              locked={locked.has('fast')}
              onChange={(v) => setValues({ fast: v as boolean })}
            />
            <button type="submit" className="button" disabled={!ready || prediction === null}>
              Start the run
            </button>
            {ready && prediction === null && <p className="muted">Make your prediction above to start.</p>}
            <Missions missions={MISSIONS} won={record.won} justWon={[]} active={activeMission} onTry={onTry} />
            <details className="sim-more">
              <summary>More settings: batch size, release cadence, work-in-progress limit, how busy, arrivals, seed</summary>
              <div className="setup-grid">
                {advanced.map(([name, field]) => (
                  <FieldInput
                    key={name}
                    name={name}
                    field={field}
                    as={name === 'busy' ? 'slider' : 'box'}
                    value={values[name as keyof HandoffValues]}
                    locked={locked.has(name)}
                    onChange={(v) => setValues({ [name]: v } as Partial<HandoffValues>)}
                  />
                ))}
                <div className="field">
                  <label htmlFor="handoff-seed">Seed (the dice){locked.has('seed') ? ' (fixed by your instructor)' : ''}</label>
                  <input
                    id="handoff-seed"
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
            <SharePanel fields={handoffFields} scenario={scenario} pageUrl={pageUrl} challenge={challenge} />
          </form>
        )}

        {!configuring && (
          <Pipeline
            run={run}
            heading={`Your pipeline: ${describe(values)}`}
            headingRef={runHeading}
            playing={playing}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onRelease={() => send({ type: 'sim.act', action: { type: 'release' } })}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review run={run} params={params} seed={seed} heading={`Every idea live: ${describe(values)}`} prediction={prediction} headingRef={reviewHeading} />
            <Missions missions={MISSIONS} won={record.won} justWon={justWon} active={null} onTry={onTry} />
            <ResultCodeBox code={code} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
            <div className="sim-controls">
              <button type="button" className="button" onClick={() => send({ type: 'run.replay' })}>
                Replay the same run
              </button>
              <button type="button" className="button secondary" onClick={() => send({ type: 'run.configure' })}>
                Change setup
              </button>
            </div>
            <Compare params={params} seed={seed} />
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show lead time for every handoff batch size over 50 sets of dice
              </button>
            )}
          </>
        )}

        {!configuring && (
          <div className="sim-export" role="group" aria-label="Export this run">
            <button type="button" className="button secondary" onClick={exportJson}>
              Export JSON
            </button>
            <button type="button" className="button secondary" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
        )}
      </SimShell>
    </div>
  );
}

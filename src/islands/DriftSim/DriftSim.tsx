// The configuration-drift island: predict, set up, play a quarter of events fixed by hand or in the configuration, review it, compare on the same dice, sweep.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMachine } from '@xstate/react';
import { driftMachine } from '../../machines/drift.machine.ts';
import { MISSIONS, openAlarms, policyHow, summarize, table, type DriftState, type How } from '../../models/drift/index.ts';
import { driftFields, driftParams, type DriftValues } from '../../schemas/drift-scenario.ts';
import { driftCode, driftRun } from '../../sims/drift.ts';
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
import { narrateDrift } from './narration.ts';
import { PREDICTIONS, Review } from './Review.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Sweep } from './Sweep.tsx';
import './drift-sim.css';

const SIM_ID = 'drift';
const randomUnit = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
const MAIN_FIELDS = ['servers', 'hand', 'code'] as const;

/** The flat summary kept in saved progress. */
function savedSummary(values: DriftValues, run: DriftState) {
  const s = summarize(run);
  return {
    servers: values.servers,
    handFixes: s.handFixes,
    codeFixes: s.codeFixes,
    configurations: s.configurations,
    incidents: s.incidents,
    totalMinutes: s.totalMinutes,
    worstRebuildMinutes: s.worstRebuildMinutes,
    reverts: s.reverts,
  };
}

export default function DriftSim() {
  const { scenario, setScenario, problems, dismissProblems, query, ready, challenge } = useScenario(driftFields);
  const { seed, values } = scenario;
  const params = useMemo(() => driftParams(values), [values]);
  const [snapshot, send, actor] = useMachine(driftMachine, { input: { seed, params } });
  const { run, log, speed, prediction, finished } = snapshot.context;
  const record = useSimRecord(SIM_ID);
  const [pageUrl, setPageUrl] = useState('');
  const [nonce, setNonce] = useState('');
  const [justWon, setJustWon] = useState<string[]>([]);
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

  const announcement = useNarration(run, narrateDrift);
  const summary = useMemo(() => summarize(run), [run]);

  useEffect(() => {
    if (finished === 0) return;
    const fresh = makeNonce(randomUnit);
    setNonce(fresh);
    const won = missionsWon(MISSIONS, run, values);
    setJustWon(won.filter((id) => !record.won[id]));
    record.save(
      { at: new Date().toISOString(), code: encodeResult(driftCode, seed, values, summarize(run), fresh), query, summary: savedSummary(values, run) },
      won,
    );
    // Runs once per finished run: `finished` counts them.
  }, [finished]);

  const code = useMemo(() => (reviewing && nonce ? encodeResult(driftCode, seed, values, summary, nonce) : ''), [reviewing, nonce, seed, values, summary]);
  const setValues = (over: Partial<DriftValues>) => setScenario({ ...scenario, values: { ...values, ...over } });
  const fix = (how: How) => send({ type: 'sim.act', action: { type: 'fix', how } });
  const revert = () => send({ type: 'sim.act', action: { type: 'revert' } });

  /** The shortcut: every remaining event fixed one way (faulty reviewed changes reverted once found), each step logged like a click. */
  const decideRest = (how: How | 'default') => {
    for (let i = 0; i < 10_000; i++) {
      const now = actor.getSnapshot();
      if (now.matches('review') || now.matches('configure')) return;
      const current = now.context.run;
      if (driftRun.needsDecision(current)) {
        if (openAlarms(current).length) revert();
        else fix(how === 'default' ? policyHow(current.params, current.events[current.waiting[0]!]!) : how);
      } else send({ type: 'run.finish' });
    }
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    h: () => fix('hand'),
    c: () => fix('code'),
    v: revert,
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  const exportJson = () =>
    downloadText(`drift-run-seed-${seed}.json`, 'application/json', `${JSON.stringify(exportRun(SIM_ID, query, summary, log, table(run)), null, 2)}\n`);
  const exportCsv = () => downloadText(`drift-run-seed-${seed}.csv`, 'text/csv', toCsv(table(run)));
  const advanced = Object.entries(driftFields as Fields).filter(([name]) => !(MAIN_FIELDS as readonly string[]).includes(name));

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
            <h3 id="setup-heading">Run a fleet for a quarter</h3>
            <p>
              You look after {values.servers} web servers for {values.days} working days. About {Math.round(values.events * values.days)} events will need a
              change: incident hotfixes, security patches, debug tools installed in a hurry. For each, you fix the one server by hand (about {values.hand}{' '}
              minutes) or change the versioned configuration, have it reviewed and apply it to every server (about {values.code} minutes). A disk may die too.
            </p>
            {record.lastRun && (
              <p className="muted" data-last-run>
                Your last run: {String(record.lastRun.summary.handFixes)} fixes by hand, {String(record.lastRun.summary.codeFixes)} in the configuration,{' '}
                {Math.round(Number(record.lastRun.summary.totalMinutes) / 6) / 10} hours of team time.
              </p>
            )}
            <Predict
              question="over the whole quarter, which way of fixing costs the team more time in all?"
              options={PREDICTIONS}
              value={prediction}
              onChange={(guess) => send({ type: 'predict.set', guess })}
            />
            {locked.size > 0 && (
              <p className="sim-locked" data-locked>
                Your instructor fixed these settings for this challenge: {scenario.locked.join(', ')}.
              </p>
            )}
            <div className="setup-grid">
              {MAIN_FIELDS.map((name) => (
                <FieldInput
                  key={name}
                  name={name}
                  field={driftFields[name]}
                  value={values[name]}
                  locked={locked.has(name)}
                  onChange={(v) => setValues({ [name]: v } as Partial<DriftValues>)}
                />
              ))}
            </div>
            <button type="submit" className="button" disabled={!ready || prediction === null}>
              Start the quarter
            </button>
            {ready && prediction === null && <p className="muted">Make your prediction above to start.</p>}
            <Missions missions={MISSIONS} won={record.won} justWon={[]} active={null} onTry={() => undefined} />
            <details className="sim-more">
              <summary>More settings: events, incidents, rebuilds, faults, seed</summary>
              <div className="setup-grid">
                {advanced.map(([name, field]) => (
                  <FieldInput
                    key={name}
                    name={name}
                    field={field}
                    value={values[name as keyof DriftValues]}
                    locked={locked.has(name)}
                    onChange={(v) => setValues({ [name]: v } as Partial<DriftValues>)}
                  />
                ))}
                <div className="field">
                  <label htmlFor="drift-seed">Seed (the dice){locked.has('seed') ? ' (fixed by your instructor)' : ''}</label>
                  <input
                    id="drift-seed"
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
            <SharePanel fields={driftFields} scenario={scenario} pageUrl={pageUrl} challenge={challenge} />
          </form>
        )}

        {!configuring && (
          <RunPanel
            run={run}
            heading={`Your fleet: ${values.servers} servers, ${values.days} working days`}
            headingRef={runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            mixed={values.policy === 'mixed'}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onFix={fix}
            onRevert={revert}
            onDecideRest={decideRest}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review summary={summary} values={values} seed={seed} prediction={prediction} headingRef={reviewHeading} />
            <Missions missions={MISSIONS} won={record.won} justWon={justWon} active={null} onTry={() => undefined} />
            <ResultCodeBox code={code} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
            <div className="sim-controls">
              <button type="button" className="button" onClick={() => send({ type: 'run.replay' })}>
                Replay the same quarter
              </button>
              <button type="button" className="button secondary" onClick={() => send({ type: 'run.configure' })}>
                Change setup
              </button>
            </div>
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every share of hand fixes over 100 quarters
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

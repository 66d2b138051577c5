// The batch-size island: renders the batch machine's snapshot, sends the learner's events, and keeps the scenario in the URL.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMachine } from '@xstate/react';
import { batchMachine, type Speed } from '../../machines/batch.machine.ts';
import {
  adviceFor,
  canShip,
  deploysToCsv,
  exportRun,
  formatMinutes,
  narrate,
  restoreMinutes,
  summarize,
  type BatchState,
  type Policy,
} from '../../models/batch/index.ts';
import {
  DEFECT_PRESETS,
  defaultScenario,
  describePolicy,
  parseScenario,
  scenarioFields,
  scenarioToQuery,
  type Scenario,
  type ScenarioProblem,
} from '../../schemas/batch-scenario.ts';
import { percent } from '../../lib/charts.ts';
import { downloadText } from '../../lib/download.ts';
import { Compare } from './Compare.tsx';
import { PolicyPicker } from './PolicyPicker.tsx';
import { RiskChart } from './RiskChart.tsx';
import { ClusterBadge, Scorecard } from './Scorecard.tsx';
import { SharePanel } from './SharePanel.tsx';
import { ResultCode } from './ResultCode.tsx';
import { Timeline } from './Timeline.tsx';
import './batch-sim.css';

function withParams(s: Scenario, params: Partial<Scenario['params']>): Scenario {
  return { ...s, params: { ...s.params, ...params } };
}

export default function BatchSim() {
  const root = useRef<HTMLDivElement>(null);
  const ids = useId();
  const incidentHeading = useRef<HTMLHeadingElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  const wasIncident = useRef(false);
  const [hydrated, setHydrated] = useState(false);
  const [problems, setProblems] = useState<ScenarioProblem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [snapshot, send] = useMachine(batchMachine, { input: { scenario: defaultScenario() } });
  const { scenario, run, log, speed } = snapshot.context;
  const previous = useRef<BatchState>(run);
  const daily = scenario.params.policy.kind === 'every' && scenario.params.policy.days === 1;
  const other: Policy = scenario.vs ?? (daily ? { kind: 'every', days: 65 } : { kind: 'every', days: 1 });
  const query = scenarioToQuery(scenario);

  // After hydration: read the scenario from the URL, and let the static fallback go.
  useEffect(() => {
    root.current?.closest('.sim-embed')?.classList.add('sim-live');
    setHydrated(true);
    const parsed = parseScenario(window.location.search);
    setProblems(parsed.problems);
    send({ type: 'scenario.set', scenario: parsed.scenario });
  }, [send]);

  // Keep the address bar's query equal to the scenario, so the link always reproduces it.
  useEffect(() => {
    const url = new URL(window.location.href);
    const next = `?${query}`;
    if (url.search !== next) window.history.replaceState(null, '', `${url.pathname}${next}${url.hash}`);
  }, [query]);

  // Announce what happened since the last render.
  useEffect(() => {
    const message = narrate(previous.current, run);
    previous.current = run;
    if (message) setAnnouncement(message);
  }, [run]);

  const state = snapshot.value;
  const inIncident = snapshot.matches('incident');
  const inReview = snapshot.matches('review');
  const configuring = snapshot.matches('configure');
  const playing = snapshot.matches({ running: 'playing' });

  // Focus follows the action: to the outage when one starts, back to the controls once it is resolved.
  useEffect(() => {
    if (inIncident) incidentHeading.current?.focus();
    else if (wasIncident.current) playButton.current?.focus();
    wasIncident.current = inIncident;
  }, [inIncident]);
  useEffect(() => {
    if (inReview) reviewHeading.current?.focus();
  }, [inReview]);

  const summary = useMemo(() => summarize(run), [run]);

  // Projector view only (opt-in, so single-key shortcuts never surprise anyone else): P play/pause, N day, F next event, S ship, R restart.
  useEffect(() => {
    if (!('present' in document.documentElement.dataset)) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'p') send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' });
      else if (key === 'n') send({ type: 'run.step' });
      else if (key === 'f') send({ type: 'run.finish' });
      else if (key === 's') send({ type: 'deploy.ship' });
      else if (key === 'r') send({ type: inReview ? 'run.replay' : 'run.configure' });
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [send, configuring, playing, inReview]);
  const setScenario = (next: Scenario) => send({ type: 'scenario.set', scenario: next });
  const failedDeploy = run.incident === null ? null : run.deploys[run.incident]!;
  const shareUrl = typeof window === 'undefined' ? `?${query}` : `${window.location.origin}${window.location.pathname}?${query}`;
  const locked = new Set(scenario.locked);
  const presets = Object.entries(DEFECT_PRESETS).find(([, p]) => p === scenario.params.defectRate)?.[0];

  const exportJson = () => {
    const data = exportRun(run, scenario.seed, query, log);
    downloadText(`batch-run-seed-${scenario.seed}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
  };
  const exportCsv = () => downloadText(`batch-run-seed-${scenario.seed}.csv`, 'text/csv', deploysToCsv(exportRun(run, scenario.seed, query, log)));

  return (
    <div className="batch-sim" ref={root} data-state={typeof state === 'string' ? state : Object.keys(state)[0]}>
      {problems.length > 0 && (
        <div className="sim-problems" role="status">
          <p>Some settings in this link could not be used:</p>
          <ul>
            {problems.map((p) => (
              <li key={p.param} data-param={p.param}>
                {p.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button secondary" onClick={() => setProblems([])}>
            Dismiss
          </button>
        </div>
      )}

      <p className="sr-status visually-hidden" role="status" aria-live="polite" data-announcer>
        {announcement}
      </p>

      {configuring && (
        <form
          className="sim-setup"
          aria-labelledby="setup-heading"
          onSubmit={(e) => {
            e.preventDefault();
            send({ type: 'run.start' });
          }}
        >
          <h3 id="setup-heading">Set up your quarter</h3>
          {locked.size > 0 && (
            <p className="sim-locked" data-locked>
              Your instructor fixed these settings for this challenge: {scenario.locked.join(', ')}.
            </p>
          )}
          <PolicyPicker
            legend="When do you deploy?"
            disabled={locked.has('policy')}
            value={scenario.params.policy}
            onChange={(policy) => setScenario(withParams(scenario, { policy }))}
          />
          <fieldset disabled={locked.has('defect')}>
            <legend>How good are your tests?</legend>
            <label className="choice">
              <input
                type="radio"
                name="suite"
                checked={presets === 'strong'}
                onChange={() => setScenario(withParams(scenario, { defectRate: DEFECT_PRESETS.strong }))}
              />
              Strong suite: 2% of changes break production
            </label>
            <label className="choice">
              <input
                type="radio"
                name="suite"
                checked={presets === 'weak'}
                onChange={() => setScenario(withParams(scenario, { defectRate: DEFECT_PRESETS.weak }))}
              />
              Weak suite: 8% of changes break production
            </label>
            <div className="slider">
              <label htmlFor={`${ids}-defect`}>Chance a change breaks production</label>
              <output htmlFor={`${ids}-defect`}>{percent(scenario.params.defectRate, 1)}</output>
              <input
                id={`${ids}-defect`}
                type="range"
                min={0}
                max={20}
                step={0.5}
                value={scenario.params.defectRate * 100}
                onChange={(e) => setScenario(withParams(scenario, { defectRate: Number(e.target.value) / 100 }))}
              />
            </div>
          </fieldset>
          <div className="slider">
            <label htmlFor={`${ids}-rate`}>Changes ready per day</label>
            <output htmlFor={`${ids}-rate`}>{scenario.params.changesPerDay}</output>
            <input
              id={`${ids}-rate`}
              type="range"
              disabled={locked.has('rate')}
              min={0.5}
              max={12}
              step={0.5}
              value={scenario.params.changesPerDay}
              onChange={(e) => setScenario(withParams(scenario, { changesPerDay: Number(e.target.value) }))}
            />
          </div>
          <details>
            <summary>More settings: days, recovery times, seed</summary>
            <div className="setup-grid">
              {(
                [
                  ['days', 'days', 'Working days', 5, 130],
                  ['detectMinutes', 'detect', 'Minutes to notice an outage', 0, 1440],
                  ['rollbackMinutes', 'rollback', 'Minutes to roll back', 0, 1440],
                  ['findMinutesPerChange', 'find', 'Minutes per change to find the bad one', 0, 240],
                  ['fixMinutes', 'fix', 'Minutes to write and ship a fix', 0, 1440],
                ] as const
              ).map(([key, param, label, min, max]) => (
                <label key={key}>
                  {label}
                  <input
                    type="number"
                    disabled={locked.has(param)}
                    min={min}
                    max={max}
                    value={scenario.params[key]}
                    onChange={(e) => {
                      const n = Math.round(Number(e.target.value));
                      if (n >= min && n <= max) setScenario(withParams(scenario, { [key]: n }));
                    }}
                  />
                </label>
              ))}
              <label>
                Automatic runs recover by
                <select
                  value={scenario.params.recovery}
                  onChange={(e) => setScenario(withParams(scenario, { recovery: e.target.value === 'fix-forward' ? 'fix-forward' : 'rollback' }))}
                >
                  <option value="rollback">rolling back</option>
                  <option value="fix-forward">fixing forward</option>
                </select>
              </label>
              <label>
                Seed (the dice)
                <input
                  type="number"
                  disabled={locked.has('seed')}
                  min={0}
                  max={2147483647}
                  value={scenario.seed}
                  onChange={(e) => {
                    const n = Math.round(Number(e.target.value));
                    if (n >= 0 && n <= 2147483647) setScenario({ ...scenario, seed: n });
                  }}
                />
              </label>
              <button
                type="button"
                className="button secondary"
                disabled={locked.has('seed')}
                onClick={() => setScenario({ ...scenario, seed: Math.floor(Math.random() * 2 ** 31) })}
              >
                New dice
              </button>
            </div>
          </details>
          <details className="sim-params">
            <summary>What the link’s parameters mean</summary>
            <dl>
              {Object.entries(scenarioFields).map(([name, field]) => (
                <div key={name}>
                  <dt>
                    <code>{name}</code>
                  </dt>
                  <dd>{field.description}</dd>
                </div>
              ))}
            </dl>
          </details>
          <button type="submit" className="button" disabled={!hydrated}>
            Start the quarter
          </button>
          <SharePanel scenario={scenario} url={shareUrl} onLockChange={(locked) => setScenario({ ...scenario, locked })} />
        </form>
      )}

      {!configuring && (
        <section className="sim-run" aria-labelledby="run-heading">
          <h3 id="run-heading">
            Your quarter: {describePolicy(scenario.params.policy)}, {percent(scenario.params.defectRate, 1)} defective changes
          </h3>
          <dl className="sim-stats">
            <div>
              <dt>Day</dt>
              <dd data-stat="day">
                {run.day} of {run.params.days}
              </dd>
            </div>
            <div>
              <dt>Waiting to ship</dt>
              <dd data-stat="queue">{run.queue.length}</dd>
            </div>
            <div>
              <dt>Deploys</dt>
              <dd data-stat="deploys">{run.deploys.length}</dd>
            </div>
            <div>
              <dt>Outages</dt>
              <dd data-stat="outages">{summary.failedDeploys}</dd>
            </div>
            <div>
              <dt>Downtime</dt>
              <dd data-stat="downtime">{formatMinutes(summary.downtimeMinutes)}</dd>
            </div>
          </dl>
          <div className="queue" aria-hidden="true">
            {run.queue.slice(0, 150).map((id) => (
              <span key={id} className="queue-item" />
            ))}
            {run.queue.length > 150 && <span className="queue-more">+{run.queue.length - 150}</span>}
          </div>
          {!inReview && (
            <div className="sim-controls" role="group" aria-label="Run controls">
              <button
                type="button"
                className="button"
                ref={playButton}
                disabled={inIncident}
                onClick={() => send({ type: playing ? 'run.pause' : 'run.play' })}
              >
                {playing ? 'Pause' : 'Play'}
              </button>
              <button type="button" className="button secondary" disabled={inIncident} onClick={() => send({ type: 'run.step' })}>
                Step one day
              </button>
              <button type="button" className="button secondary" disabled={!canShip(run)} onClick={() => send({ type: 'deploy.ship' })}>
                Ship now ({run.queue.length})
              </button>
              <button type="button" className="button secondary" disabled={inIncident} onClick={() => send({ type: 'run.finish' })}>
                Run to the next event
              </button>
              <label>
                Speed
                <select value={speed} onChange={(e) => send({ type: 'speed.set', speed: e.target.value as Speed })}>
                  <option value="slow">Slow</option>
                  <option value="normal">Normal</option>
                  <option value="fast">Fast</option>
                </select>
              </label>
              <button type="button" className="button secondary" onClick={() => send({ type: 'run.configure' })}>
                Change setup
              </button>
            </div>
          )}

          {inIncident && failedDeploy && (
            <section className="sim-incident" aria-labelledby="incident-heading">
              <h4 id="incident-heading" ref={incidentHeading} tabIndex={-1}>
                Outage! Deploy {failedDeploy.id + 1} broke production
              </h4>
              <p>
                It shipped {failedDeploy.changeIds.length} change{failedDeploy.changeIds.length === 1 ? '' : 's'}, and {failedDeploy.defectIds.length} of them{' '}
                {failedDeploy.defectIds.length === 1 ? 'is' : 'are'} bad. You do not know which yet. How do you recover?
              </p>
              <div className="incident-choices">
                <button type="button" className="button" onClick={() => send({ type: 'incident.rollBack' })}>
                  Roll back the whole deploy
                </button>
                <span>
                  Back up in {formatMinutes(restoreMinutes(run.params, failedDeploy.changeIds.length, 'rollback'))}; all {failedDeploy.changeIds.length} changes
                  go back in the queue.
                </span>
                <button type="button" className="button" onClick={() => send({ type: 'incident.fixForward' })}>
                  Find the bad change and fix forward
                </button>
                <span>
                  Back up in about {formatMinutes(restoreMinutes(run.params, failedDeploy.changeIds.length, 'fix-forward'))}: {run.params.findMinutesPerChange}{' '}
                  minutes per change to find it; the good changes stay live.
                </span>
              </div>
            </section>
          )}

          {inReview && (
            <section className="sim-review" aria-labelledby="review-heading">
              <h4 id="review-heading" ref={reviewHeading} tabIndex={-1}>
                Quarter over: your run sits in the <ClusterBadge cluster={summary.cluster} /> cluster
              </h4>
              <Scorecard caption="Your quarter, by DORA's four keys and more" summaries={[{ label: 'Your run', summary }]} />
              <ResultCode scenario={scenario} summary={summary} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
              <h5>What to try next</h5>
              <ul>
                {adviceFor(summary, run.params).map((tip) => (
                  <li key={tip}>{tip}</li>
                ))}
              </ul>
              <div className="sim-controls">
                <button type="button" className="button" onClick={() => send({ type: 'run.replay' })}>
                  Replay the same quarter
                </button>
                <button type="button" className="button secondary" onClick={() => send({ type: 'run.configure' })}>
                  Change setup
                </button>
              </div>
            </section>
          )}

          <div className="sim-export" role="group" aria-label="Export this run">
            <button type="button" className="button secondary" onClick={exportJson}>
              Export JSON
            </button>
            <button type="button" className="button secondary" onClick={exportCsv}>
              Export CSV
            </button>
          </div>
          <Timeline run={run} title="Your quarter" />
        </section>
      )}

      <RiskChart p={scenario.params.defectRate} seed={scenario.seed} deploys={run.deploys} />
      <Compare scenario={scenario} other={other} onOtherChange={(policy) => send({ type: 'compare.set', policy })} />
    </div>
  );
}

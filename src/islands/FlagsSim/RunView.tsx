// The day being played: the pipeline, then the release with its counters, the flag (rollout, dark launch, kill switch), an alert waiting for a choice, and the charts.
import { useEffect, useRef, type RefObject } from 'react';
import { DARK_MINUTES, blastRadius, type FlagsState } from '../../models/flags/index.ts';
import { SHARES, alertWaiting, canStop } from '../../sims/flags.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { GapChart, LoadChart } from './DayCharts.tsx';
import { Pipeline } from './Pipeline.tsx';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

interface Props {
  run: FlagsState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  deciding: boolean;
  over: boolean;
  speed: Speed;
  autoPipeline: boolean;
  onAutoPipeline: (on: boolean) => void;
  onNextCommit: () => void;
  onPipelineRest: () => void;
  onPlay: () => void;
  onStep: () => void;
  onRunOn: () => void;
  onSpeed: (speed: Speed) => void;
  onRollout: (percent: number) => void;
  onDark: (percent: number) => void;
  onStop: () => void;
  onKeepGoing: () => void;
  onConfigure: () => void;
}

function ShareButtons({ label, current, disabled, onPick }: { label: string; current: number; disabled: boolean; onPick: (percent: number) => void }) {
  return (
    <div className="flags-shares" role="group" aria-label={label}>
      <span aria-hidden="true">{label}:</span>
      {SHARES.map((p) => (
        <button
          key={p}
          type="button"
          className="button secondary"
          aria-pressed={Math.abs(current * 100 - p) < 1e-9}
          aria-label={`${label} ${p}%`}
          disabled={disabled}
          onClick={() => onPick(p)}
        >
          {p}%
        </button>
      ))}
    </div>
  );
}

export function RunView(p: Props) {
  const { run, deciding, over } = p;
  const alertHeading = useRef<HTMLHeadingElement>(null);
  const runOn = useRef<HTMLButtonElement>(null);
  // The run view loads after hydration and appears on Start: it takes focus itself, so the run's heading is focused even if it came late.
  const headingRef = p.headingRef;
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }, [headingRef]);
  const alert = deciding && alertWaiting(run);
  useFocusWhen(alert, alertHeading);
  // After the choice the buttons that held focus are gone: focus moves on to the clock, so a keyboard user carries on from there.
  useFocusWhen(!alert && !over && run.phase === 'release' && run.alerts.length > 0, runOn);
  const full = run.params.release === 'full';
  const t = run.totals;
  const heading = (
    <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
      {p.heading}
    </h3>
  );

  if (run.phase === 'pipeline') {
    return (
      <section className="sim-run" aria-labelledby="run-heading">
        {heading}
        <Pipeline run={run} />
        <div className="sim-controls" role="group" aria-label="Pipeline controls">
          <button type="button" className="button" onClick={() => p.onAutoPipeline(!p.autoPipeline)}>
            {p.autoPipeline ? 'Pause the pipeline' : 'Play the pipeline'}
          </button>
          <button type="button" className="button secondary" onClick={p.onNextCommit}>
            Next commit
          </button>
          <button type="button" className="button secondary" onClick={p.onPipelineRest}>
            Run the rest of the pipeline
          </button>
        </div>
      </section>
    );
  }

  const latest = run.alerts.at(-1);
  const stats: Array<[string, string, string]> = [
    ['minute', 'Minute', `${Math.min(run.minute, run.params.minutes)} / ${run.params.minutes}`],
    ['flag', full ? 'Released to' : 'Feature on for', pct(run.rollout)],
    ['dark', 'Dark launch', full ? 'none (no flag)' : pct(run.dark)],
    ['exposed', 'Users who saw it', t.exposed.toLocaleString('en')],
    ['hurt', 'Users hurt', String(Math.round(blastRadius(run)))],
    ['load', 'Database load now', `${Math.round((run.log?.record.dbLoad ?? 0) * 100)}%`],
    ['peak', 'Peak load', `${Math.round(t.peakDbLoad * 100)}%`],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      {heading}
      <RunStats stats={stats} />
      <p className="muted">
        Users hurt is the blast radius: users affected a minute × the error rate the feature added × minutes, summed minute by minute.{' '}
        {full ? '' : `The dark launch, if any, runs for the first ${DARK_MINUTES} minutes; the rollout opens when it ends.`}
      </p>
      {alert && latest && (
        <section className="sim-incident" aria-labelledby="decision-heading">
          <h4 id="decision-heading" ref={alertHeading} tabIndex={-1}>
            {full ? `Alert at minute ${latest.minute}: roll back or keep going?` : `Alert at minute ${latest.minute}: kill switch or keep going?`}
          </h4>
          {run.alerts
            .filter((a) => a.minute === latest.minute)
            .map((a) => (
              <p key={a.kind} data-alert-message={a.kind}>
                {a.message}
              </p>
            ))}
          <p>
            {full
              ? `A full release has no kill switch: a rollback redeploys the old version and takes ${run.params.rollbackMinutes} minutes, during which everyone stays on the new code.`
              : 'The kill switch turns the new code off for everyone within the minute, with no deployment. An alert can be a false alarm.'}
          </p>
          <div className="sim-controls">
            <button type="button" className="button" onClick={p.onStop}>
              {full ? 'Roll back' : 'Press the kill switch'}
            </button>
            <button type="button" className="button secondary" onClick={p.onKeepGoing}>
              Keep going
            </button>
          </div>
        </section>
      )}
      {!over && !alert && (
        <>
          <RunControls
            playing={p.playing}
            speed={p.speed}
            onPlay={p.onPlay}
            onSpeed={p.onSpeed}
            step={{ label: 'Next minute', onClick: p.onStep }}
            finish={{ label: 'Run to the next alert', onClick: p.onRunOn, ref: runOn }}
          />
          <fieldset className="flags-flag">
            <legend>{full ? 'The release (no flag)' : 'The feature flag'}</legend>
            {full ? (
              <div className="sim-controls">
                <button type="button" className="button secondary" disabled={run.rollout > 0 || run.rollbackDoneAt !== null} onClick={() => p.onRollout(100)}>
                  Release to everyone now
                </button>
                <button type="button" className="button secondary" disabled={!canStop(run)} onClick={p.onStop}>
                  Roll back
                </button>
              </div>
            ) : (
              <>
                <ShareButtons label="Rollout" current={run.rollout} disabled={false} onPick={p.onRollout} />
                <ShareButtons label="Dark launch" current={run.dark} disabled={false} onPick={p.onDark} />
                <button type="button" className="button flags-kill" disabled={!canStop(run)} onClick={p.onStop}>
                  Kill switch
                </button>
              </>
            )}
            {run.pending && canStop(run) && <p className="muted">An alert is open, so the rollout plan holds: change the flag yourself.</p>}
          </fieldset>
        </>
      )}
      {run.alerts.length > 0 && (
        <section aria-labelledby="alerts-heading">
          <h4 id="alerts-heading">Alerts</h4>
          <ol className="flags-alerts" data-alerts>
            {run.alerts.map((a) => (
              <li key={a.kind}>
                Minute {a.minute}: {a.message}
              </li>
            ))}
          </ol>
        </section>
      )}
      <LoadChart run={run} />
      <GapChart run={run} />
      {!over && (
        <div className="sim-controls">
          <button type="button" className="button secondary" onClick={p.onConfigure}>
            Change setup
          </button>
        </div>
      )}
    </section>
  );
}

// The quarter being played: counters, the fleet, run controls, the waiting event with both fixes and their costs, and the one-step revert.
import { useRef, type RefObject } from 'react';
import { configurations, formatMinutes, openAlarms, revertTarget, serverName, step, summarize, type DriftState, type How } from '../../models/drift/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { Fleet } from './Fleet.tsx';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

const WHAT = { hotfix: 'An incident hotfix', patch: 'A security patch', debug: 'A debug tool installed in a hurry' } as const;

interface Props {
  run: DriftState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  deciding: boolean;
  over: boolean;
  speed: Speed;
  mixed: boolean;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onFix: (how: How) => void;
  onRevert: () => void;
  onDecideRest: (how: How | 'default') => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

export function RunPanel(p: Props) {
  const { run, deciding, over } = p;
  const s = summarize(run);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const finishButton = useRef<HTMLButtonElement>(null);
  useFocusWhen(deciding, decisionHeading);
  // After a decision the buttons that held focus are gone: focus moves on to the clock, so a keyboard user carries on from there.
  useFocusWhen(!deciding && !over && run.changes.length > 0, finishButton);
  const event = run.waiting.length ? run.events[run.waiting[0]!]! : null;
  const alarms = openAlarms(run);
  const target = revertTarget(run);
  const afterHand = event ? configurations(step(run, { type: 'fix', how: 'hand' }).configs) : 0;
  const stats: Array<[string, string, string]> = [
    ['day', 'Day', `${Math.min(run.day, run.params.days)} of ${run.params.days}`],
    ['configs', 'Configurations', String(s.configurations)],
    ['incidents', '“Works here, fails there”', String(s.incidents)],
    ['minutes', 'Team time', formatMinutes(s.totalMinutes)],
    ['rebuild', 'Worst rebuild', formatMinutes(s.worstRebuildMinutes)],
    ['fixes', 'Fixes by hand / in config', `${s.handFixes} / ${s.codeFixes}`],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
        {p.heading}
      </h3>
      <RunStats stats={stats} />
      <p className="muted">
        Rebuilding from the repository alone takes {formatMinutes(run.params.rebuildMinutes)}; each change made by hand on a server adds{' '}
        {formatMinutes(run.params.rediscoverMinutes)} to its rebuild.
      </p>
      {(event || alarms.length > 0) && (
        <section className="sim-incident" aria-labelledby="decision-heading">
          <h4 id="decision-heading" ref={decisionHeading} tabIndex={-1}>
            {event
              ? `Day ${event.day + 1}: ${WHAT[event.kind as keyof typeof WHAT].toLowerCase()} for ${serverName(event.server)}`
              : 'A reviewed change turned out faulty'}
          </h4>
          {alarms.length > 0 && (
            <div className="incident-choice">
              <p>A reviewed change broke something on every server. Left in place it costs {formatMinutes(run.params.brokenMinutesPerDay)} a day.</p>
              <button type="button" className="button" aria-describedby="revert-cost" onClick={p.onRevert}>
                Revert it in one step
              </button>{' '}
              <span id="revert-cost">{formatMinutes(run.params.revertMinutes)}, on every server at once.</span>
            </div>
          )}
          {event && (
            <div className="incident-choices">
              <div className="incident-choice">
                <button type="button" className="button" aria-describedby="cost-hand" onClick={() => p.onFix('hand')}>
                  Fix it by hand
                </button>
                <span id="cost-hand" data-cost="hand">
                  {formatMinutes(event.handMinutes)} now, on {serverName(event.server)} only. Nothing records it: its rebuild grows by{' '}
                  {formatMinutes(run.params.rediscoverMinutes)}, and the fleet would hold {plural(afterHand, 'configuration')}.
                </span>
              </div>
              <div className="incident-choice">
                <button type="button" className="button" aria-describedby="cost-code" onClick={() => p.onFix('code')}>
                  Change the configuration
                </button>
                <span id="cost-code" data-cost="code">
                  {formatMinutes(event.codeMinutes)} now: written in the repository, reviewed, applied to all {plural(run.params.servers, 'server')}, and
                  revertible in one step.
                </span>
              </div>
            </div>
          )}
        </section>
      )}
      <Fleet run={run} focus={event ? event.server : null} />
      {!over && !deciding && (
        <RunControls
          playing={p.playing}
          speed={p.speed}
          onPlay={p.onPlay}
          onSpeed={p.onSpeed}
          step={{ label: 'Step one day', onClick: p.onStep }}
          finish={{ label: 'Run to the next event', onClick: p.onFinish, ref: finishButton }}
        >
          <button type="button" className="button secondary" disabled={target === null} aria-describedby="revert-any" onClick={p.onRevert}>
            Revert the last reviewed change
          </button>
          <span id="revert-any" className="muted">
            {target === null ? 'No reviewed change to revert yet.' : `One step, ${formatMinutes(run.params.revertMinutes)}, on every server.`}
          </span>
        </RunControls>
      )}
      {!over && (
        <div className="sim-controls" role="group" aria-label="Decide the rest of the quarter">
          <span>Decide the rest of the quarter:</span>
          <button type="button" className="button secondary" onClick={() => p.onDecideRest('hand')}>
            All by hand
          </button>
          <button type="button" className="button secondary" onClick={() => p.onDecideRest('code')}>
            All in the configuration
          </button>
          {p.mixed && (
            <button type="button" className="button secondary" onClick={() => p.onDecideRest('default')}>
              As a mix
            </button>
          )}
          {!deciding && (
            <button type="button" className="button secondary" onClick={p.onConfigure}>
              Change setup
            </button>
          )}
        </div>
      )}
    </section>
  );
}

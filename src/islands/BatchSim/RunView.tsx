// The quarter being played: counters, the waiting queue, run controls with the live risk of shipping now, and the outage decision.
import { useRef, type RefObject } from 'react';
import {
  canShip,
  dayOf,
  expectedDiagnosisMinutes,
  failureProbability,
  isDown,
  recoveryCost,
  summarize,
  type BatchState,
  type Recovery,
} from '../../models/batch/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { duration, percent, plural } from '../../sim-kit/core/words.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

interface Props {
  run: BatchState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  deciding: boolean;
  /** The quarter is over: counters stay, controls go. */
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onShip: () => void;
  onRecover: (how: Recovery) => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

/** "Ship now: 53 changes, 66% chance of an outage, about 1 hour 30 minutes to find the bad one." */
export function shipRisk(run: BatchState): string {
  const n = run.queue.length;
  if (n === 0) return 'Nothing is waiting to ship.';
  const find = expectedDiagnosisMinutes(run.params, n);
  return `${plural(n, 'change')} waiting: ${percent(failureProbability(run.params.defectRate, n))} chance that shipping them now breaks production${n > 1 ? `, and about ${duration(find)} to find a bad one` : ''}.`;
}

export function RunView({
  run,
  heading,
  headingRef,
  playing,
  deciding,
  over,
  speed,
  onPlay,
  onStep,
  onFinish,
  onShip,
  onRecover,
  onSpeed,
  onConfigure,
}: Props) {
  const s = summarize(run);
  const incidentHeading = useRef<HTMLHeadingElement>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  useFocusWhen(deciding, incidentHeading);
  useFocusWhen(!deciding && run.deploys.some((d) => d.recovery !== null), playButton);
  const failed = run.incident === null ? null : run.deploys[run.incident]!;
  const costs = failed && (['rollback', 'fix-forward'] as const).map((how) => [how, recoveryCost(run, failed, how)] as const);
  const stats: Array<[string, string, string]> = [
    ['day', 'Day', `${dayOf(run)} of ${run.params.days}`],
    ['live', 'In production', `${s.changesDeployed} of ${s.changesReady}`],
    ['queue', 'Waiting to ship', String(run.queue.length)],
    ['deploys', 'Deploys', String(s.deploys)],
    ['outages', 'Outages', String(s.failedDeploys)],
    ['downtime', 'Downtime', duration(s.downtimeMinutes)],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <RunStats stats={stats} />
      <div className="queue" aria-hidden="true" data-down={isDown(run) ? 'yes' : 'no'}>
        {run.queue.slice(0, 120).map((id) => (
          <span key={id} className="queue-item" />
        ))}
        {run.queue.length > 120 && <span className="queue-more">+{run.queue.length - 120}</span>}
      </div>
      {!deciding && !over && (
        <RunControls
          playing={playing}
          speed={speed}
          onPlay={onPlay}
          onSpeed={onSpeed}
          step={{ label: 'Step one day', onClick: onStep }}
          finish={{ label: 'Run to the next outage', onClick: onFinish }}
          playRef={playButton}
          onConfigure={onConfigure}
        />
      )}
      {!deciding && !over && run.params.policy.kind !== 'windows' && (
        <div className="ship-now">
          <button type="button" className="button" disabled={!canShip(run)} aria-describedby="ship-risk" onClick={onShip}>
            Ship now
          </button>
          <p id="ship-risk" data-ship-risk>
            {shipRisk(run)}
          </p>
        </div>
      )}
      {failed && costs && (
        <section className="sim-incident" aria-labelledby="incident-heading">
          <h4 id="incident-heading" ref={incidentHeading} tabIndex={-1}>
            Outage! Deploy {failed.id + 1} broke production on day {Math.floor(failed.at) + 1}
          </h4>
          <p>
            It shipped {plural(failed.changeIds.length, 'change')}, and {failed.defectIds.length === 1 ? 'one is' : `${failed.defectIds.length} are`} bad.
            Nobody knows which yet. How do you recover?
          </p>
          <div className="incident-choices">
            {costs.map(([how, cost]) => (
              <div key={how} className="incident-choice">
                <button type="button" className="button" disabled={!cost.possible} aria-describedby={`cost-${how}`} onClick={() => onRecover(how)}>
                  {how === 'rollback' ? 'Roll back the whole deploy' : 'Find the bad change and fix forward'}
                </button>
                <span id={`cost-${how}`}>
                  {how === 'rollback'
                    ? cost.possible
                      ? `Back up in ${duration(cost.downtimeMinutes)}. All ${plural(failed.changeIds.length, 'change')} leave production until the bad one is found and fixed (${duration(cost.reshipAfterMinutes!)} in all).`
                      : 'Not possible: the deploy holds a database migration that cannot be undone.'
                    : `Back up in about ${duration(cost.downtimeMinutes)}: ${cost.diagnosisMinutes ? `${duration(cost.diagnosisMinutes)} to find it by ${run.params.diagnosis === 'bisect' ? 'bisecting' : 'reading change by change'}, then the fix` : 'it is the only change, so the fix starts at once'}. The good changes stay live.`}
                </span>
              </div>
            ))}
          </div>
        </section>
      )}
    </section>
  );
}

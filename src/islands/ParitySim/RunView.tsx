// The quarter being played: counters, the deploy controls, the board of where each change broke, and the version gap as it grows.
import type { RefObject } from 'react';
import { canDeploy, summarize, versionGapAt, type ParityState } from '../../models/parity/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { hours, plural } from '../../sim-kit/core/words.ts';
import { Board } from './Board.tsx';
import { GapChart } from './GapChart.tsx';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

interface Props {
  run: ParityState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onDeploy: () => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

/** The next scheduled deploy's day, or null when none is left in the run. */
function nextScheduled(run: ParityState): number | null {
  const { every, days } = run.params;
  const next = (Math.floor(run.day / every) + 1) * every;
  return next <= days ? next : null;
}

export function RunView(p: Props) {
  const { run, over } = p;
  const s = summarize(run);
  const next = nextScheduled(run);
  const last = run.deploys.at(-1);
  const stats: Array<[string, string, string]> = [
    ['day', 'Day', `${Math.min(run.day, run.params.days)} of ${run.params.days}`],
    ['waiting', 'Waiting to ship', String(run.queue.length)],
    ['deploys', 'Deploys', String(s.deploys)],
    ['desk', 'Caught at a desk', String(s.failedDevelopment)],
    ['staging', 'Caught in staging', String(s.failedStaging)],
    ['production', 'Failed in production', String(s.failedProduction)],
    ['hours', 'Time finding failures', hours(s.findHours * 60)],
    ['gap', 'Versions ahead now', String(versionGapAt(run, run.day))],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
        {p.heading}
      </h3>
      <RunStats stats={stats} />
      <p data-last-deploy>
        {last
          ? `Last deploy: day ${Math.ceil(last.at)}, ${plural(last.changeIds.length, 'change')}; staging caught ${last.stagingIds.length}, ${last.productionIds.length} failed in production; development had been ${plural(last.versionGap, 'version')} ahead.`
          : 'No deploy yet: production still runs the versions it started with.'}
      </p>
      {!over && (
        <RunControls
          playing={p.playing}
          speed={p.speed}
          onPlay={p.onPlay}
          onSpeed={p.onSpeed}
          step={{ label: 'Step one day', onClick: p.onStep }}
          finish={{ label: 'Run to the end', onClick: p.onFinish }}
          onConfigure={p.onConfigure}
        >
          <button type="button" className="button secondary" disabled={!canDeploy(run)} aria-describedby="deploy-now-what" onClick={p.onDeploy}>
            Deploy now
          </button>
          <span id="deploy-now-what" className="muted">
            {canDeploy(run) ? `Ships the ${plural(run.queue.length, 'waiting change')} today.` : 'Nothing waits to ship.'}{' '}
            {next === null ? 'No scheduled deploy is left.' : `Next scheduled deploy: end of day ${next}.`}
          </span>
        </RunControls>
      )}
      <Board run={run} />
      <GapChart run={run} />
    </section>
  );
}

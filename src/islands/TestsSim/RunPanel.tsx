// The builds being played: counters, the red build waiting for a response (what it costs either way, and how much the team still trusts reds), the build strip and the run controls.
import { useRef, type RefObject } from 'react';
import { ignoreChance, levelName, summarize, type BuildResult, type Response, type TestsState } from '../../models/tests/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { list, percent, plural } from '../../sim-kit/core/words.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { shortMinutes } from './Portfolio.tsx';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

/** How one build ended, for its square in the strip: the class, and words for the legend. */
export function buildMark(b: BuildResult): 'clean' | 'caught' | 'escaped' | 'flaky' {
  if (b.outcome === 'caught') return 'caught';
  if (b.outcome === 'escaped' || b.outcome === 'ignored') return 'escaped';
  return b.red === 'false' ? 'flaky' : 'clean';
}

export const MARK_WORDS = {
  clean: 'green, nothing wrong',
  flaky: 'a false alarm (flaky red)',
  caught: 'defect caught',
  escaped: 'defect shipped',
} as const;

/** One square per build played so far, shaped and coloured by how it ended (never colour alone: the legend and the summary say it in words). */
export function BuildStrip({ run }: { run: TestsState }) {
  const s = summarize(run);
  const counts = { clean: 0, flaky: 0, caught: 0, escaped: 0 };
  for (const b of run.results) counts[buildMark(b)]++;
  return (
    <figure className="build-strip" data-strip>
      <figcaption>
        {plural(s.builds, 'build')} of {run.params.builds} so far:{' '}
        {(Object.keys(counts) as Array<keyof typeof counts>).map((k, i, all) => (
          <span key={k} className="strip-key">
            <span className={`b b-${k}`} aria-hidden="true" /> {counts[k]} {MARK_WORDS[k]}
            {i < all.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </figcaption>
      <ol aria-hidden="true">
        {run.results.map((b) => (
          <li key={b.id} className={`b b-${buildMark(b)}`} />
        ))}
      </ol>
    </figure>
  );
}

interface Props {
  run: TestsState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  deciding: boolean;
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onRespond: (how: Response) => void;
  onDecideRest: (how: Response | 'team') => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

export function RunPanel(p: Props) {
  const { run, deciding, over } = p;
  const s = summarize(run);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const finishButton = useRef<HTMLButtonElement>(null);
  useFocusWhen(deciding, decisionHeading);
  // After a response the buttons that held focus are gone: focus moves on to the clock, so a keyboard user carries on from there.
  // (True from the start, so it fires only when a decision ends, never on an ordinary build.)
  useFocusWhen(!deciding && !over, finishButton);
  const red = run.awaiting;
  const remembered = run.recentReds.length;
  const falseOnes = run.recentReds.filter(Boolean).length;
  const stats: Array<[string, string, string]> = [
    ['build', 'Build', `${Math.min(run.results.length + (red ? 1 : 0), run.params.builds)} of ${run.params.builds}`],
    ['caught', 'Defects caught', String(s.caught)],
    ['escaped', 'Defects shipped', String(s.escaped)],
    ['flaky', 'Flaky failures', String(s.flakyFailures)],
    ['ignored', 'Reds ignored', String(s.ignoredReds)],
    ['pipeline', 'Pipeline minutes', String(Math.round(s.pipelineMinutes))],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
        {p.heading}
      </h3>
      <RunStats stats={stats} />
      {red && (
        <section className="sim-incident" aria-labelledby="decision-heading">
          <h4 id="decision-heading" ref={decisionHeading} tabIndex={-1}>
            Build {red.id + 1} is red: {list([...new Set([...red.caughtAt, ...red.flakyAt])].map(levelName))} tests failed
          </h4>
          <p data-trust>
            {remembered === 0
              ? 'This is the first red build: the team has no reason yet to doubt it.'
              : `Of the last ${plural(remembered, 'red build')}, ${falseOnes} turned out to be false alarms. Left to itself, the team would wave this one through with a ${percent(ignoreChance(run))} chance.`}
          </p>
          <div className="incident-choices">
            <button type="button" className="button" aria-describedby="cost-investigate" onClick={() => p.onRespond('investigate')}>
              Investigate
            </button>
            <span id="cost-investigate" data-cost="investigate">
              If a test caught a real defect, it is fixed before it ships. If it was a false alarm, a rerun costs another {shortMinutes(red.minutes)} of
              pipeline.
            </span>
            <button type="button" className="button secondary" aria-describedby="cost-ignore" onClick={() => p.onRespond('ignore')}>
              Ignore it and merge
            </button>
            <span id="cost-ignore" data-cost="ignore">
              Costs nothing now. If the red was real, its defect ships to production.
            </span>
          </div>
        </section>
      )}
      <BuildStrip run={run} />
      {!over && !deciding && (
        <RunControls
          playing={p.playing}
          speed={p.speed}
          onPlay={p.onPlay}
          onSpeed={p.onSpeed}
          step={{ label: 'Step one build', onClick: p.onStep }}
          finish={{ label: 'Run to the next red build', onClick: p.onFinish, ref: finishButton }}
        />
      )}
      {!over && (
        <div className="sim-controls" role="group" aria-label="Decide the rest of the run">
          <span>Decide the rest of the run:</span>
          <button type="button" className="button secondary" onClick={() => p.onDecideRest('team')}>
            As the team would
          </button>
          <button type="button" className="button secondary" onClick={() => p.onDecideRest('investigate')}>
            Investigate every red
          </button>
          <button type="button" className="button secondary" onClick={() => p.onDecideRest('ignore')}>
            Ignore every red
          </button>
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

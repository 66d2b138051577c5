// The quarter being played: counters, run controls, and the waiting incident with every answer open to it and what each would cost.
import { useRef, type RefObject } from 'react';
import { summarize, type CapstoneState, type Response } from '../../models/capstone/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { duration, hours, plural } from '../../sim-kit/core/words.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { responseCosts, type ResponseCost } from './analysis.ts';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

const clock = (hour: number) => `${String(Math.floor(hour) % 24).padStart(2, '0')}:${String(Math.floor((hour % 1) * 60)).padStart(2, '0')}`;
export const dollars = (n: number) => `$${Math.round(n).toLocaleString('en')}`;

export const ANSWER_LABELS: Record<Response, string> = {
  kill: 'Switch the bad change off',
  rollback: 'Roll back the whole deploy',
  'fix-forward': 'Find the bad change and fix forward',
  restore: 'Rebuild the server',
};

function costWords(c: ResponseCost, changes: number): string {
  const back = `Service back in ${duration(c.minutes)}`;
  switch (c.how) {
    case 'kill':
      return `${back}, and only a small share of users met it (${duration(c.downtime)} of downtime counted). Only the bad change comes out; it ships again once fixed.`;
    case 'rollback':
      return `${back}. All ${plural(changes, 'change')} in the deploy come out and wait for the next deploy.`;
    case 'fix-forward':
      return `${back}: reading each of the ${plural(changes, 'change')} in the deploy to find the bad one, then writing the fix. The good changes stay live.`;
    case 'restore':
      return `${back}, counting the time to notice.`;
  }
}

interface Props {
  run: CapstoneState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  deciding: boolean;
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onAnswer: (how: Response) => void;
  onAnswerRest: () => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

export function Quarter(p: Props) {
  const { run, deciding, over } = p;
  const s = summarize(run);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const finishButton = useRef<HTMLButtonElement>(null);
  useFocusWhen(deciding, decisionHeading);
  // After an answer the buttons that held focus are gone: focus moves on to the clock, so a keyboard user carries on from there.
  useFocusWhen(!deciding && !over && run.incidents.length > 0, finishButton);
  const incident = run.open.length ? run.incidents[run.open[0]!]! : null;
  const deploy = incident?.deployId != null ? run.deploys[incident.deployId]! : null;
  const costs = incident ? responseCosts(run) : [];
  const stats: Array<[string, string, string]> = [
    ['day', 'Day', `${Math.min(run.day, run.params.days)} of ${run.params.days}`],
    ['live', 'Features live', String(s.featuresLive)],
    ['deploys', 'Deploys (failed)', `${s.deploys} (${s.failedDeploys})`],
    ['incidents', 'Incidents (at night)', `${s.outages} (${s.nightPages})`],
    ['downtime', 'Downtime', hours(s.downtimeMinutes ?? 0)],
    ['spend', 'Spend this quarter', dollars(s.spend ?? 0)],
  ];
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
        {p.heading}
      </h3>
      <RunStats stats={stats} />
      <p className="muted">
        Upkeep takes {s.toilHoursPerWeek} hours of the team’s 240 a week, leaving {s.capacityPercent}% of its time for building features.
      </p>
      {incident && (
        <section className="sim-incident" aria-labelledby="decision-heading" data-incident={incident.kind}>
          <h4 id="decision-heading" ref={decisionHeading} tabIndex={-1}>
            Incident {incident.id + 1}, day {Math.floor(incident.at) + 1} at {clock(incident.hour)}
            {incident.night ? ', at night: the pager wakes someone' : ''}
          </h4>
          <p>
            {deploy
              ? `Deploy ${deploy.id + 1} broke production. It shipped ${plural(deploy.changeIds.length, 'change')}, and nobody knows yet which is bad. How do you answer?`
              : 'A server failed and took the service down with it. It has to be rebuilt.'}
          </p>
          <div className="incident-choices">
            {costs.map((c) => (
              <div key={c.how} className="incident-choice">
                <button type="button" className="button" aria-describedby={`cost-${c.how}`} onClick={() => p.onAnswer(c.how)}>
                  {ANSWER_LABELS[c.how]}
                </button>
                <span id={`cost-${c.how}`} data-cost={c.how}>
                  {costWords(c, deploy?.changeIds.length ?? 0)}
                </span>
              </div>
            ))}
          </div>
        </section>
      )}
      {!over && !deciding && (
        <RunControls
          playing={p.playing}
          speed={p.speed}
          onPlay={p.onPlay}
          onSpeed={p.onSpeed}
          step={{ label: 'Step one day', onClick: p.onStep }}
          finish={{ label: 'Run to the next incident', onClick: p.onFinish, ref: finishButton }}
          onConfigure={p.onConfigure}
        />
      )}
      {!over && (
        <div className="sim-controls" role="group" aria-label="Answer the rest of the quarter">
          <button type="button" className="button secondary" aria-describedby="answer-rest" onClick={p.onAnswerRest}>
            Answer the rest for me
          </button>
          <span id="answer-rest" className="muted">
            Plays to the end, answering each incident the usual way: the kill switch if there is one, else a rollback; a failed server is rebuilt.
          </span>
        </div>
      )}
    </section>
  );
}

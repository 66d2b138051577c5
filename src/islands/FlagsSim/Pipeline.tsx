// The pipeline as the learner watches it: each commit promoted stage by stage with no person in between, stopped at the first stage that catches it, with the reason.
import { STAGES, STAGE_NAMES, type FlagsState, type Stage } from '../../models/flags/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

/** Short stage names for the chips (the full name is read out). */
const SHORT: Record<Stage, string> = { build: 'Build', unit: 'Unit', integration: 'Integr.', staging: 'Staging', preprod: 'Pre-prod', production: 'Prod' };

/** What happened to a commit at one stage: passed, stopped here, never reached, or still to come. */
export function stageMark(stoppedAt: Stage | null, done: boolean, stage: Stage): 'pass' | 'stop' | 'skip' | 'todo' {
  if (!done) return 'todo';
  if (stoppedAt === null) return 'pass';
  const here = STAGES.indexOf(stage);
  const stop = STAGES.indexOf(stoppedAt);
  return here < stop ? 'pass' : here === stop ? 'stop' : 'skip';
}

const WORD = { pass: 'passed', stop: 'stopped here', skip: 'not reached', todo: 'waiting' } as const;
const SIGN = { pass: '✓', stop: '✗', skip: '–', todo: '·' } as const;

export function Pipeline({ run }: { run: FlagsState }) {
  const done = run.commits.filter((c) => c.done);
  const stopped = done.filter((c) => c.stoppedAt !== null).length;
  return (
    <figure className="flags-pipeline" data-pipeline>
      <figcaption>
        The pipeline: {done.length} of {plural(run.commits.length, 'commit')} through, {stopped} stopped. Each passing stage promotes the commit to the next
        with nobody approving it; the first stage that fails stops it and says why.
      </figcaption>
      <ol>
        {run.commits.map((c) => (
          <li key={c.id} data-commit={c.id + 1} data-outcome={!c.done ? 'waiting' : c.stoppedAt === null ? 'production' : 'stopped'}>
            <span className="flags-commit">Commit {c.id + 1}</span>
            <span className="flags-stages">
              {STAGES.map((s) => {
                const mark = stageMark(c.stoppedAt, c.done, s);
                return (
                  <span key={s} className={`flags-stage flags-${mark}`}>
                    <span aria-hidden="true">
                      {SIGN[mark]} {SHORT[s]}
                    </span>
                    <span className="visually-hidden">
                      {STAGE_NAMES[s]}: {WORD[mark]}.
                    </span>
                  </span>
                );
              })}
            </span>
            {c.done && (
              <span className="flags-why">
                {c.stoppedAt === null
                  ? 'Reached production, behind the flag: whatever it hides, only real traffic can show.'
                  : `Stopped at ${STAGE_NAMES[c.stoppedAt]}: ${c.reason}.`}
              </span>
            )}
          </li>
        ))}
      </ol>
    </figure>
  );
}

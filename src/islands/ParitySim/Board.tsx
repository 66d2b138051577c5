// The per-change view of a run: every change that leaned on a difference, as a lettered token in the environment where it broke, with what the finds cost there.
import type { Change, Env, ParityState } from '../../models/parity/index.ts';
import { duration, plural } from '../../sim-kit/core/words.ts';
import { FAMILY_LETTER, FAMILY_NAME } from './view.ts';

const LANES: Array<{ env: Env; title: string }> = [
  { env: 'development', title: "Development: caught at a developer's desk" },
  { env: 'staging', title: 'Staging: caught before release' },
  { env: 'production', title: 'Production: a night-time page' },
];

function Token({ change }: { change: Change }) {
  return (
    <li
      className={`token token-${change.family}`}
      title={`Change ${change.id + 1}: ${FAMILY_NAME[change.family].toLowerCase()}, ${duration(change.findMinutes)} to find`}
    >
      {FAMILY_LETTER[change.family]}
    </li>
  );
}

export function Board({ run }: { run: ParityState }) {
  const written = run.changes.slice(0, run.arrived);
  const waiting = run.queue.length;
  return (
    <section className="board" aria-labelledby="board-heading" data-board>
      <h4 id="board-heading">Where each change broke</h4>
      <p className="muted">
        One token per change that leaned on a difference, lettered by the difference (C services split, S network rules, L library, N neighbour, D data).{' '}
        {plural(waiting, 'change')} waiting for the next deploy.
      </p>
      <ol className="lanes">
        {LANES.map(({ env, title }) => {
          const failed = written.filter((c) => c.failedIn === env);
          const minutes = failed.reduce((sum, c) => sum + c.findMinutes, 0);
          return (
            <li key={env} className={`lane lane-${env}`} data-lane={env}>
              <p className="lane-title">
                <strong>{title}</strong>{' '}
                <span data-lane-count>
                  {plural(failed.length, 'failure')}, {duration(minutes)} to find
                </span>
              </p>
              <ul className="tokens" aria-hidden="true">
                {failed.map((c) => (
                  <Token key={c.id} change={c} />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

// The frame every sim island shares: the problems banner for a bad link, the live region, and the sim's own content.
import type { ReactNode } from 'react';
import type { Problem } from '../core/fields.ts';
import './sim.css';

interface Props {
  /** Class and data-sim for styling and tests. */
  sim: string;
  state: string;
  problems: Problem[];
  onDismissProblems: () => void;
  /** The latest sentence for screen readers. */
  announcement: string;
  children: ReactNode;
}

export function SimShell({ sim, state, problems, onDismissProblems, announcement, children }: Props) {
  return (
    <div className={`sim sim-${sim}`} data-sim={sim} data-state={state}>
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
          <button type="button" className="button secondary" onClick={onDismissProblems}>
            Dismiss
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-announcer>
        {announcement}
      </p>
      {children}
    </div>
  );
}

// The missions panel: each goal, whether it is won (saved in progress), and a button that sets it up.
import type { Mission } from '../core/missions.ts';

interface Props<V, S> {
  missions: ReadonlyArray<Mission<V, S>>;
  /** Mission id -> date won. */
  won: Readonly<Record<string, string>>;
  /** Ids won by the run just finished, to celebrate. */
  justWon: readonly string[];
  onTry: (mission: Mission<V, S>) => void;
  active: string | null;
}

export function Missions<V, S>({ missions, won, justWon, onTry, active }: Props<V, S>) {
  const count = missions.filter((m) => won[m.id]).length;
  return (
    <section className="sim-missions" aria-labelledby="missions-heading">
      <h4 id="missions-heading">
        Missions{' '}
        <span className="muted">
          ({count} of {missions.length} won)
        </span>
      </h4>
      <ul>
        {missions.map((m) => (
          <li key={m.id} data-mission={m.id} data-won={won[m.id] ? 'yes' : 'no'}>
            <strong>{m.title}</strong>
            {won[m.id] ? <span className="badge badge-ok"> won</span> : null}
            {justWon.includes(m.id) ? <span className="badge badge-ok"> just now!</span> : null}
            <p>{m.goal}</p>
            {m.setup && (
              <button type="button" className="button secondary" aria-pressed={active === m.id} onClick={() => onTry(m)}>
                {active === m.id ? 'Set up: start the run' : 'Set this mission up'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

// Servers as pictures with words: the sandbox servers a definition or the commands made, and the production fleet with what patching and the release did to it.
import { fleetName, DATABASE_PORT, type Server } from '../../models/provision/index.ts';
import { list, plural } from '../../sim-kit/core/words.ts';
import { portWords } from './Definition.tsx';

/** The servers one way made; those beyond what the definition asks for are marked "extra" in words and by a dashed border. */
export function ServerList({ servers, wanted, caption, kind }: { servers: readonly Server[]; wanted: number; caption: string; kind: string }) {
  return (
    <figure className="pv-servers" data-servers={kind}>
      <figcaption>{caption}</figcaption>
      {servers.length === 0 ? (
        <p className="muted">No servers yet.</p>
      ) : (
        <ul>
          {servers.map((s, i) => (
            <li key={s.name} data-extra={i >= wanted ? 'yes' : undefined} data-open-db={s.ports.includes(DATABASE_PORT) ? 'yes' : undefined}>
              <strong>{s.name}</strong> {s.size}, ports {portWords(s.ports)}
              {i >= wanted ? <span className="pv-flag"> (extra)</span> : null}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** "app-7, app-31 and 3 more". */
export function fleetNames(indices: readonly number[], shown = 8): string {
  const names = indices.slice(0, shown).map(fleetName);
  return indices.length > shown ? `${names.join(', ')} and ${indices.length - shown} more` : list(names);
}

interface FleetProps {
  fleet: number;
  /** Indices the patch missed, or null before patching. */
  missed: readonly number[] | null;
  /** Servers with the database port open after the release (all or none), or null before it. */
  exposed: number | null;
}

/** The production fleet: one square per server (drawn only; the sentence above says it all in words). */
export function FleetGrid({ fleet, missed, exposed }: FleetProps) {
  const missedSet = new Set(missed ?? []);
  const patched = missed === null ? null : fleet - missed.length;
  const sentence =
    patched === null
      ? `The fleet: ${plural(fleet, 'server')}, none patched yet.`
      : `The fleet: ${patched} of ${plural(fleet, 'server')} patched${missed!.length ? `; ${missed!.length} missed: ${fleetNames(missed!)}` : ', none missed'}.`;
  const release = exposed === null ? '' : exposed > 0 ? ` All ${exposed} now expose the database port ${DATABASE_PORT}.` : ` None exposes the database port.`;
  return (
    <figure className="pv-fleet" data-fleet>
      <figcaption data-fleet-summary>
        {sentence}
        {release}
      </figcaption>
      <div className="pv-fleet-grid" aria-hidden="true" data-exposed={exposed ? 'yes' : undefined}>
        {Array.from({ length: fleet }, (_, i) => (
          <span key={i} className="pv-cell" data-cell={missed === null ? 'waiting' : missedSet.has(i) ? 'missed' : 'patched'} title={fleetName(i)} />
        ))}
      </div>
      <p className="pv-key muted" aria-hidden="true">
        <span className="pv-cell" data-cell="waiting" /> not patched yet <span className="pv-cell" data-cell="patched" /> patched{' '}
        <span className="pv-cell" data-cell="missed" /> missed{exposed ? ', and a red ring: database port open' : ''}
      </p>
    </figure>
  );
}

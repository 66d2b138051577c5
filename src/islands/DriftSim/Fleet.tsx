// The fleet as tiles, one per server: colour, letter and words name its configuration (never colour alone), with its rebuild time.
import { configGroups, rebuildMinutesFor, serverName, unrecordedOn, type DriftState } from '../../models/drift/index.ts';
import { plural } from '../../sim-kit/core/words.ts';

/** A rebuild time short enough for a tile: "30 min", "2 h 15 min". */
export function shortMinutes(m: number): string {
  const h = Math.floor(m / 60);
  const rest = Math.round(m % 60);
  return h ? `${h} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

/** The letter of a configuration group: A is the repository's own configuration, B, C, ... the others. */
export const groupLetter = (group: number) => String.fromCharCode(65 + group);

/** The server an event waits on, if any, to mark on its tile. */
export function Fleet({ run, focus }: { run: DriftState; focus: number | null }) {
  const groups = configGroups(run);
  const used = new Set(groups);
  return (
    <figure className="fleet" data-fleet>
      <figcaption>
        The fleet: {plural(run.params.servers, 'server')}, {plural(used.size, 'configuration')}. Servers with the same letter and colour share a configuration;
        A is the one in the repository.
      </figcaption>
      <ul className="fleet-tiles">
        {groups.map((group, server) => {
          const unrecorded = unrecordedOn(run, server);
          const rebuild = rebuildMinutesFor(run, server);
          return (
            <li
              key={server}
              className={`tile tile-g${group === 0 ? 0 : ((group - 1) % 7) + 1}`}
              data-server={serverName(server)}
              data-group={groupLetter(group)}
              data-event={focus === server ? 'yes' : undefined}
            >
              <span className="tile-name">{serverName(server)}</span>
              <span className="tile-letter" aria-hidden="true">
                {groupLetter(group)}
              </span>
              <span className="visually-hidden">
                , configuration {groupLetter(group)}
                {group === 0 ? ' (as in the repository)' : ''},
              </span>
              <span className="tile-detail">
                {unrecorded ? `${plural(unrecorded, 'hand change')}, ` : ''}rebuild {shortMinutes(rebuild)}
              </span>
              {focus === server && <span className="tile-flag"> event waiting here</span>}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

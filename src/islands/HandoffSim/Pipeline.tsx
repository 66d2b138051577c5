// The pipeline as it runs: a row per station with its items as small squares (working filled, waiting hollow), and working against waiting days per station.
import type { RefObject } from 'react';
import { STATIONS, STATION_LABELS, canRelease, dayOf, stationTimes, summarize, type HandoffState, type Item } from '../../models/handoff/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

/** Whether a station is working on this item right now (not waiting for the team's other work or its batch mates). */
export function isWorking(run: HandoffState, item: Item): boolean {
  if (item.station < 0 || item.station > 5 || (item.status !== 'working' && item.status !== 'releasing')) return false;
  const work = run.stations[item.station]!.work;
  if (work === null || work.startsAt > run.now) return false;
  return work.item === item.id || (work.item === -1 && work.job.items.includes(item.id));
}

const round = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en');

function Squares({ run, items }: { run: HandoffState; items: Item[] }) {
  return (
    <span className="tokens">
      {items.slice(0, 60).map((item) => (
        <span key={item.id} className={isWorking(run, item) ? 'token token-working' : 'token token-waiting'} />
      ))}
      {items.length > 60 && <span className="token-more">+{items.length - 60}</span>}
    </span>
  );
}

interface Props {
  run: HandoffState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  playing: boolean;
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onFinish: () => void;
  onRelease: () => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

export function Pipeline({ run, heading, headingRef, playing, over, speed, onPlay, onStep, onFinish, onRelease, onSpeed, onConfigure }: Props) {
  const s = summarize(run);
  const times = stationTimes(run);
  const at = (k: number) =>
    run.items.filter((i) => i.station === k && i.status !== 'live' && i.status !== 'door' && i.status !== 'backlog' && i.status !== 'upcoming');
  const backlog = run.items.filter((i) => i.status === 'backlog');
  const door = run.items.filter((i) => i.status === 'door');
  const arrived = run.items.filter((i) => i.status !== 'upcoming').length;
  const stats: Array<[string, string, string]> = [
    ['day', 'Day', String(run.now === 0 ? 0 : dayOf(run.now))],
    ['arrived', 'Ideas so far', String(arrived)],
    ['live', 'Live', `${s.live} of ${s.items}`],
    ['door', 'Waiting at the door to Release', String(run.door.length)],
    ['laps', 'Rework laps', String(s.reworkLaps)],
    ['releases', 'Releases', String(s.releases)],
  ];
  const rows: Array<{ key: string; label: string; items: Item[]; working?: number; waiting?: number }> = [
    { key: 'backlog', label: 'Backlog (not started)', items: backlog },
    ...STATIONS.map((station, k) => ({
      key: station,
      label: STATION_LABELS[station],
      items: at(k),
      working: times[k]!.working,
      waiting: times[k]!.waiting,
    })),
    { key: 'door', label: 'Door to Release', items: door },
  ];
  // The door's waiting counts as Release waiting in the model; show it on the door's row only.
  return (
    <section className="sim-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <RunStats stats={stats} />
      <div className="pipeline-wrap" role="region" aria-label="The pipeline, station by station" tabIndex={0}>
        <table className="pipeline" data-pipeline>
          <caption>
            Where the items are on day {run.now === 0 ? 0 : dayOf(run.now)}, and each team’s days so far.{' '}
            <span className="pipeline-key">
              <span className="token token-working" aria-hidden="true" /> being worked on
            </span>{' '}
            <span className="pipeline-key">
              <span className="token token-waiting" aria-hidden="true" /> waiting
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Station</th>
              <th scope="col">Items now</th>
              <th scope="col">Days working</th>
              <th scope="col">Days waiting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const working = row.items.filter((i) => isWorking(run, i)).length;
              return (
                <tr key={row.key} data-station={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <span className="visually-hidden">
                      {row.items.length === 0
                        ? 'none'
                        : `${plural(row.items.length, 'item')}: ${working} being worked on, ${row.items.length - working} waiting`}
                    </span>
                    <span aria-hidden="true">
                      <Squares run={run} items={row.items} />
                    </span>
                  </td>
                  <td>{row.working === undefined ? '' : round(row.working)}</td>
                  <td>{row.waiting === undefined ? '' : round(row.waiting)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!over && (
        <RunControls
          playing={playing}
          speed={speed}
          onPlay={onPlay}
          onSpeed={onSpeed}
          step={{ label: 'Step one day', onClick: onStep }}
          finish={{ label: 'Run to the end', onClick: onFinish }}
          onConfigure={onConfigure}
        />
      )}
      {!over && (
        <div className="ship-now">
          <button type="button" className="button" disabled={!canRelease(run)} aria-describedby="release-note" onClick={onRelease}>
            Release now
          </button>
          <p id="release-note" data-release-note>
            {run.door.length === 0
              ? 'Nothing is waiting at the door to Release.'
              : `${plural(run.door.length, 'finished item')} ${run.door.length === 1 ? 'waits' : 'wait'} at the door. Release now packages ${run.door.length === 1 ? 'it' : 'them'} off the calendar.`}
          </p>
        </div>
      )}
    </section>
  );
}

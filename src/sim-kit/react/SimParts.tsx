// The parts every sim island lays out the same way: the setup form, the run's counters and controls, the same-dice comparison, the review's footer and the exports.
import type { ReactNode, Ref } from 'react';
import type { Fields, Values } from '../core/fields.ts';
import type { Mission } from '../core/missions.ts';
import { SEED_MAX } from '../core/fields.ts';
import type { Speed } from '../machine/run.machine.ts';
import { FieldInput } from './FieldInput.tsx';
import { Missions } from './Missions.tsx';
import { Predict } from './Predict.tsx';
import { ResultCodeBox } from './ResultCodeBox.tsx';
import { SharePanel } from './SharePanel.tsx';
import { randomUnit, type useSimSession } from './use-sim-session.ts';

// The session's shape, whatever the sim: the parts read only what every session has.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySession = ReturnType<typeof useSimSession<any, any, any, any, any, any, any>>;

/** One setting as a labelled input that follows the scenario and respects the instructor's lock. */
export function SettingInput({ session, name, as }: { session: AnySession; name: string; as?: 'box' | 'slider' }) {
  const field = (session.fields as Fields)[name];
  if (!field) throw new Error(`The ${session.simId} sim has no setting named "${name}".`);
  return (
    <FieldInput
      name={name}
      field={field}
      as={as}
      value={(session.values as Record<string, unknown>)[name]}
      locked={session.locked.has(name)}
      onChange={(v) => session.setValues({ [name]: v } as Partial<Values<Fields>>)}
    />
  );
}

interface SetupProps<F extends Fields, V, S> {
  session: AnySession;
  fields: F;
  heading: string;
  /** What the run is, in a sentence or two with the current numbers. */
  intro: ReactNode;
  /** The learner's last saved run in a sentence, or null when there is none. */
  lastRun: ReactNode;
  question: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The few settings of the guided first run. */
  main: readonly string[];
  /** Settings drawn as sliders rather than boxes. */
  sliders?: readonly string[];
  /** Extra guided controls drawn after the main settings (a preset picker, a short explanation). */
  children?: ReactNode;
  startLabel: string;
  missions: ReadonlyArray<Mission<V, S>>;
  activeMission?: string | null;
  onTryMission?: (mission: Mission<V, S>) => void;
  /** The "More settings" summary, naming what is inside. */
  more: string;
  /** Settings kept out of both the guided run and "More settings" (a comparison's own choice). */
  hidden?: readonly string[];
}

export function SetupForm<F extends Fields, V, S>(props: SetupProps<F, V, S>) {
  const { session, fields, main, sliders = [], hidden = [] } = props;
  const kind = (name: string) => (sliders.includes(name) ? 'slider' : 'box');
  const advanced = Object.entries(fields as Fields).filter(([name]) => !main.includes(name) && !hidden.includes(name));
  const tryMission = props.onTryMission ?? ((m: Mission<V, S>) => m.setup && session.setValues(m.setup as Partial<Values<Fields>>));
  return (
    <form
      className="sim-setup"
      aria-labelledby="setup-heading"
      onSubmit={(e) => {
        e.preventDefault();
        session.send({ type: 'run.start' });
      }}
    >
      <h3 id="setup-heading">{props.heading}</h3>
      <p>{props.intro}</p>
      {props.lastRun && (
        <p className="muted" data-last-run>
          {props.lastRun}
        </p>
      )}
      <Predict
        question={props.question}
        options={props.options}
        value={session.prediction}
        onChange={(guess) => session.send({ type: 'predict.set', guess })}
      />
      {session.locked.size > 0 && (
        <p className="sim-locked" data-locked>
          Your instructor fixed these settings for this challenge: {session.scenario.locked.join(', ')}.
        </p>
      )}
      <div className="setup-grid">
        {main.map((name) => (
          <SettingInput key={name} session={session} name={name} as={kind(name)} />
        ))}
      </div>
      {props.children}
      <button type="submit" className="button" disabled={!session.ready || session.prediction === null}>
        {props.startLabel}
      </button>
      {session.ready && session.prediction === null && <p className="muted">Make your prediction above to start.</p>}
      <Missions missions={props.missions} won={session.record.won} justWon={[]} active={props.activeMission ?? null} onTry={tryMission} />
      <details className="sim-more">
        <summary>More settings: {props.more}</summary>
        <div className="setup-grid">
          {advanced.map(([name]) => (
            <SettingInput key={name} session={session} name={name} as={kind(name)} />
          ))}
          <SeedInput session={session} />
        </div>
      </details>
      <SharePanel fields={fields} scenario={session.scenario} pageUrl={session.pageUrl} challenge={session.challenge} query={session.query} />
    </form>
  );
}

/** The dice: a seed box and a "New dice" button, both locked when the instructor fixed the seed. */
function SeedInput({ session }: { session: AnySession }) {
  const lockedSeed = session.locked.has('seed');
  const id = `${session.simId}-seed`;
  return (
    <div className="field">
      <label htmlFor={id}>Seed (the dice){lockedSeed ? ' (fixed by your instructor)' : ''}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={SEED_MAX}
        value={session.seed}
        disabled={lockedSeed}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (e.target.value.trim() !== '' && n >= 0 && n <= SEED_MAX) session.setScenario({ ...session.scenario, seed: n });
        }}
      />
      <button
        type="button"
        className="button secondary"
        disabled={lockedSeed}
        onClick={() => session.setScenario({ ...session.scenario, seed: Math.floor(randomUnit() * 2 ** 31) })}
      >
        New dice
      </button>
    </div>
  );
}

interface ReviewFooterProps<V, S> {
  session: AnySession;
  missions: ReadonlyArray<Mission<V, S>>;
  onTryMission?: (mission: Mission<V, S>) => void;
  /** "Replay the same quarter". */
  replayLabel: string;
}

/** Under the review: the missions with what this run won, the result code for the class, and replay or change setup. */
export function ReviewFooter<V, S>({ session, missions, onTryMission, replayLabel }: ReviewFooterProps<V, S>) {
  const tryMission = onTryMission ?? ((m: Mission<V, S>) => m.setup && session.setValues(m.setup as Partial<Values<Fields>>));
  return (
    <>
      <Missions missions={missions} won={session.record.won} justWon={session.justWon} active={null} onTry={tryMission} />
      <ResultCodeBox code={session.code} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
      <div className="sim-controls">
        <button type="button" className="button" onClick={() => session.send({ type: 'run.replay' })}>
          {replayLabel}
        </button>
        <button type="button" className="button secondary" onClick={() => session.send({ type: 'run.configure' })}>
          Change setup
        </button>
      </div>
    </>
  );
}

/** The run as a JSON file (settings, actions, summary) or a CSV table. */
export function RunExports({ session }: { session: AnySession }) {
  return (
    <div className="sim-export" role="group" aria-label="Export this run">
      <button type="button" className="button secondary" onClick={session.exportJson}>
        Export JSON
      </button>
      <button type="button" className="button secondary" onClick={session.exportCsv}>
        Export CSV
      </button>
    </div>
  );
}

/** One counter: a key for tests and announcements (`data-stat`), its label and its value as shown. */
export type Stat = readonly [key: string, label: string, value: string];

/** The run's counters (`data-stat`) or the review's headline tiles (`data-tile`) as a description list. */
export function RunStats({ stats, tag = 'stat' }: { stats: readonly Stat[]; tag?: 'stat' | 'tile' }) {
  return (
    <dl className="sim-stats">
      {stats.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd {...{ [`data-${tag}`]: key }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface RunControlsProps {
  playing: boolean;
  speed: Speed;
  onPlay: () => void;
  onSpeed: (speed: Speed) => void;
  /** The step's name in the sim's own unit: "Step one day", "Next minute". */
  step: { label: string; onClick: () => void };
  /** Where a fast run stops: "Run to the next outage", "Run to the end". */
  finish: { label: string; onClick: () => void; ref?: Ref<HTMLButtonElement> };
  playRef?: Ref<HTMLButtonElement>;
  /** Shown with "Change setup" at the end when given. */
  onConfigure?: () => void;
  /** The sim's own actions, after running on and before the speed. */
  children?: ReactNode;
}

/** Play or pause, one step, run on, the sim's own actions, the speed and "Change setup", as one labelled group. */
export function RunControls(p: RunControlsProps) {
  return (
    <div className="sim-controls" role="group" aria-label="Run controls">
      <button type="button" className="button" ref={p.playRef} onClick={p.onPlay}>
        {p.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button secondary" onClick={p.step.onClick}>
        {p.step.label}
      </button>
      <button type="button" className="button secondary" ref={p.finish.ref} onClick={p.finish.onClick}>
        {p.finish.label}
      </button>
      {p.children}
      <label>
        Speed
        <select value={p.speed} onChange={(e) => p.onSpeed(e.target.value as Speed)}>
          <option value="slow">Slow</option>
          <option value="normal">Normal</option>
          <option value="fast">Fast</option>
        </select>
      </label>
      {p.onConfigure && (
        <button type="button" className="button secondary" onClick={p.onConfigure}>
          Change setup
        </button>
      )}
    </div>
  );
}

/** One way of playing the same dice: its column heading and its summary. */
export interface CompareColumn<S> {
  label: string;
  summary: S;
}

/** The same dice played several ways: one column per way, one row per measure, scrollable by keyboard on a phone. */
export function CompareTable<S>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly CompareColumn<S>[];
  rows: readonly (readonly [string, (s: S) => string])[];
}) {
  return (
    <div className="table-scroll" role="region" aria-label={`${caption}, scrollable`} tabIndex={0}>
      <table className="scorecard" data-compare>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, read]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((c) => (
                <td key={c.label}>{read(c.summary)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

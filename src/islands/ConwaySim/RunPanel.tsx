// The run being played (below the heading the island draws): counters, run controls, the latest feature with its seams, the reorganise panel (the inverse Conway manoeuvre) and the incidents chart.
import { useRef, useState } from 'react';
import { isOver, presetOrg, PRESETS, summarize, table, teamNames, type ConwayState, type Org, type OrgPreset } from '../../models/conway/index.ts';
import type { Speed } from '../../sim-kit/machine/run.machine.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { Architecture } from './Architecture.tsx';
import { OrgEditor, OrgPicture } from './OrgEditor.tsx';
import { describeOrg, list } from './words.ts';
import { RunStats, RunControls } from '../../sim-kit/react/SimParts.tsx';

const days = (d: number | null) => (d === null ? '–' : `${(Math.round(d * 10) / 10).toLocaleString('en')} d`);
const tenth = (n: number | null) => (n === null ? '–' : (Math.round(n * 10) / 10).toLocaleString('en'));

interface Props {
  run: ConwayState;
  playing: boolean;
  over: boolean;
  speed: Speed;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onFinish: () => void;
  onReorganise: (org: Org) => void;
  onSpeed: (speed: Speed) => void;
  onConfigure: () => void;
}

/** The latest feature in words: what it touched, the teams, the wait, and each seam it crossed. */
function LatestFeature({ run }: { run: ConwayState }) {
  if (run.built === 0) return <p className="muted">No feature built yet. Build the first one to see which teams it needs.</p>;
  const f = run.features[run.built - 1]!;
  const b = f.built!;
  const names = teamNames(run.orgs[b.generation]!);
  const teams = [...new Set(Object.values(b.builders))].map((t) => names[t]!);
  return (
    <div className="latest" data-latest>
      <p>
        <strong>
          Feature {f.id + 1} ({f.domain}
          {f.cross ? `, calling ${f.cross}` : ''})
        </strong>{' '}
        needed {plural(b.teams, 'team')} ({list(teams)}), waited {days(b.delayDays)} on other teams and took {days(b.leadDays)}.
      </p>
      {b.seams.length > 0 && (
        <ul>
          {b.seams.map((s) => (
            <li key={s.slot} data-incident={s.incident ? 'yes' : 'no'}>
              {s.a} meets {s.b} (
              {s.talk === 'same'
                ? 'one team, split code'
                : s.talk === 'none'
                  ? 'teams that do not talk'
                  : `teams that talk ${s.talk === 'daily' ? 'daily' : 'through tickets'}`}
              ): {s.incident ? <strong className="seam-bad">incident: {s.incident}</strong> : 'no incident'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Incidents so far, at the dev-ops seam and elsewhere, against features built, with each reorganisation marked. */
export function IncidentsChart({ run }: { run: ConwayState }) {
  const rows = table(run).rows;
  let devops = 0;
  let other = 0;
  const points = rows.map((r, i) => {
    devops += Number(r[8]);
    other += Number(r[9]);
    return { x: i + 1, devops, other };
  });
  const top = Math.max(4, devops, other);
  return (
    <Chart
      caption={`Incidents as features are built: ${devops} at the dev-ops seam (solid line) and ${other} at other seams (dashed line) after ${plural(points.length, 'feature')}${run.reorganisedAt.length ? `; dotted lines mark reorganisations after feature ${list(run.reorganisedAt.map(String))}` : ''}.`}
      xDomain={[0, run.features.length]}
      yDomain={[0, top]}
      xLabel="Features built"
      yLabel="incidents so far"
      height={200}
      table={
        <DataTable
          caption="Each feature built"
          columns={['Feature', 'Area', 'Teams', 'Waiting (days)', 'Lead time (days)', 'Dev-ops incidents', 'Other incidents']}
          rows={rows.map((r) => [r[0]!, r[1]!, r[3]!, r[5]!, r[6]!, r[8]!, r[9]!])}
        />
      }
    >
      {({ x, y, margin, height }) => (
        <>
          {run.reorganisedAt.map((at) => (
            <line key={at} x1={x(at)} x2={x(at)} y1={margin.top} y2={height - margin.bottom} stroke="var(--muted)" strokeDasharray="2 3" />
          ))}
          <Line points={[[0, 0], ...points.map((p) => [p.x, p.devops] as const)]} x={x} y={y} />
          <Line points={[[0, 0], ...points.map((p) => [p.x, p.other] as const)]} x={x} y={y} stroke="var(--fg)" width={2} dash="6 4" />
        </>
      )}
    </Chart>
  );
}

export function RunPanel(props: Props) {
  const { run, over, playing } = props;
  const s = summarize(run);
  const [draft, setDraft] = useState<Org | null>(null);
  const reorgHeading = useRef<HTMLHeadingElement>(null);
  const reorgButton = useRef<HTMLButtonElement>(null);
  useFocusWhen(draft !== null, reorgHeading);
  const stats: Array<[string, string, string]> = [
    ['built', 'Features built', `${run.built} of ${run.features.length}`],
    ['teams', 'Teams per feature', tenth(s.teamsPerFeature)],
    ['wait', 'Waiting per feature', days(s.delayDays)],
    ['lead', 'Days per feature', days(s.leadDays)],
    ['devops', 'Dev-ops incidents', String(s.devopsIncidents)],
    ['other', 'Other incidents', String(s.otherIncidents)],
  ];
  const openReorg = () => {
    props.onPause();
    setDraft(run.org);
  };
  const closeReorg = () => {
    setDraft(null);
    requestAnimationFrame(() => reorgButton.current?.focus());
  };
  return (
    <>
      <RunStats stats={stats} />
      {!over && draft === null && (
        <RunControls
          playing={playing}
          speed={props.speed}
          onPlay={playing ? props.onPause : props.onPlay}
          onSpeed={props.onSpeed}
          step={{ label: 'Build the next feature', onClick: props.onStep }}
          finish={{ label: 'Build the rest', onClick: props.onFinish }}
          onConfigure={props.onConfigure}
        >
          <button type="button" className="button secondary" ref={reorgButton} onClick={openReorg} disabled={isOver(run)}>
            Reorganise…
          </button>
        </RunControls>
      )}
      {draft !== null && !over && (
        <section className="conway-reorg" aria-labelledby="reorg-heading" data-reorg>
          <h4 id="reorg-heading" ref={reorgHeading} tabIndex={-1}>
            Reorganise after feature {run.built}: the inverse Conway manoeuvre
          </h4>
          <p>
            Shape the teams for the system you want. People move at once; the code does not. A part moves to a new team only after that team has worked on it a
            few times, so the architecture follows over the next features.
          </p>
          <div className="sim-controls" role="group" aria-label="Start from a named organisation">
            {(Object.keys(PRESETS) as OrgPreset[]).map((p) => (
              <button key={p} type="button" className="button secondary" onClick={() => setDraft(presetOrg(p))}>
                Start from: {PRESETS[p].label}
              </button>
            ))}
          </div>
          <OrgEditor org={draft} onChange={setDraft} label="The new organisation" />
          <div className="sim-controls">
            <button
              type="button"
              className="button"
              onClick={() => {
                props.onReorganise(draft);
                closeReorg();
              }}
            >
              Reorganise from the next feature
            </button>
            <button type="button" className="button secondary" onClick={closeReorg}>
              Cancel
            </button>
          </div>
        </section>
      )}
      <LatestFeature run={run} />
      <div className="conway-pictures">
        <section aria-labelledby="org-now-heading">
          <h4 id="org-now-heading">Your organisation{run.reorganisedAt.length ? ' now' : ''}</h4>
          <OrgPicture org={run.org} caption={describeOrg(run.org)} />
        </section>
        <Architecture run={run} />
      </div>
      <IncidentsChart run={run} />
    </>
  );
}

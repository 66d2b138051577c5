// The metrics dashboard island: the learner's saved runs from every sim on a wall they choose, the four keys in their 2024 bands, and one number gamed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { dashboardMachine } from '../../machines/dashboard.machine.ts';
import { SAMPLE_RUNS, baseline, csvRows, dashboardMissions, gameTarget, wallCsvRows, type GameRow } from '../../models/dashboard/index.ts';
import { downloadText } from '../../lib/download.ts';
import {
  DASHBOARD_ID,
  dashboardCode,
  dashboardFields,
  missionState,
  narrateSplit,
  narrateWall,
  runsFromProgress,
  savedSummary,
  summarizeWall,
  wallFromMask,
} from '../../sims/dashboard.ts';
import { toCsv } from '../../sim-kit/core/export.ts';
import { missionsWon } from '../../sim-kit/core/missions.ts';
import { encodeResult, makeNonce } from '../../sim-kit/core/result-code.ts';
import { Missions } from '../../sim-kit/react/Missions.tsx';
import { ResultCodeBox } from '../../sim-kit/react/ResultCodeBox.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useFocusWhen, useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useActor } from '../../sim-kit/react/use-actor.ts';
import { useScenario } from '../../sim-kit/react/use-scenario.ts';
import { useProgress } from '../../sim-kit/react/use-progress.ts';
import { useSimRecord } from '../../sim-kit/react/use-sim-record.ts';
import { randomUnit } from '../../sim-kit/react/use-sim-session.ts';
import { Setup } from './Setup.tsx';
import { Target } from './Target.tsx';
import { Wall } from './Wall.tsx';
import './dashboard-sim.css';

const SPLITS = Array.from({ length: dashboardFields.split.max }, (_, i) => i + 1);

export default function DashboardSim() {
  const { scenario, setScenario, problems, dismissProblems, query, ready } = useScenario(dashboardFields);
  const { values } = scenario;
  const [snapshot, send] = useActor(dashboardMachine, {});
  const { prediction, targetGuess, chosen, built } = snapshot.context;
  const progress = useProgress();
  const runs = useMemo(() => runsFromProgress(progress), [progress]);
  const record = useSimRecord(DASHBOARD_ID);
  const [announcement, setAnnouncement] = useState('');
  const [nonce, setNonce] = useState('');
  const [justWon, setJustWon] = useState<string[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const setupHeading = useRef<HTMLHeadingElement>(null);
  const wallHeading = useRef<HTMLHeadingElement>(null);
  const targetHeading = useRef<HTMLHeadingElement>(null);

  const setup = snapshot.matches('setup');
  const targeting = snapshot.matches({ wall: 'target' });
  const phase = setup ? 'setup' : targeting ? 'target' : 'wall';
  const setValues = (over: Partial<typeof values>) => setScenario({ ...scenario, values: { ...values, ...over } });

  // The static fallback steps aside once the island is live.
  useEffect(() => {
    root.current?.closest('.sim-embed')?.classList.add('sim-live');
  }, []);

  // The wall the learner put up last time comes back, once, if they have not started choosing in this visit.
  const restored = useRef(false);
  useEffect(() => {
    const mask = record.lastRun?.summary.wall;
    if (restored.current || typeof mask !== 'number' || built > 0) return;
    restored.current = true;
    const ids = wallFromMask(mask);
    if (ids.length) send({ type: 'metrics.set', ids });
  }, [record.lastRun, built, send]);

  const summary = useMemo(() => summarizeWall(runs, chosen, values.window, prediction), [runs, chosen, values.window, prediction]);
  const shown = summary.wall.sample ? SAMPLE_RUNS : runs;

  // Each time the wall goes up it is saved as a run, with a fresh nonce for its result code and the missions it wins.
  useEffect(() => {
    if (built === 0) return;
    const fresh = makeNonce(randomUnit);
    setNonce(fresh);
    const won = missionsWon(dashboardMissions, missionState(runs, chosen), { window: values.window });
    setJustWon(won.filter((id) => !record.won[id]));
    record.save(
      { at: new Date().toISOString(), code: encodeResult(dashboardCode, scenario.seed, values, summary, fresh), query, summary: savedSummary(values, summary) },
      won,
    );
    setAnnouncement(narrateWall(summary));
    // Runs once per wall put up: `built` counts them.
  }, [built]);

  const code = useMemo(
    () => (!setup && nonce ? encodeResult(dashboardCode, scenario.seed, values, summary, nonce) : ''),
    [setup, nonce, scenario.seed, values, summary],
  );

  const game = useMemo(() => {
    const base = baseline(runs, values.window);
    return { rows: base.deploysPerDay > 0 ? gameTarget(base, SPLITS) : null, sample: base.sample };
  }, [runs, values.window]);
  const rows: GameRow[] | null = game.rows;
  const splitLocked = scenario.locked.includes('split');
  const setSplit = (split: number) => {
    const next = Math.min(dashboardFields.split.max, Math.max(1, split));
    if (splitLocked || next === values.split) return;
    setValues({ split: next });
    if (rows) setAnnouncement(narrateSplit(rows[next - 1]!));
  };

  useFocusWhen(phase === 'wall', wallHeading);
  useFocusWhen(phase === 'target', targetHeading);
  useFocusWhen(phase === 'setup' && built > 0, setupHeading);

  useProjectorKeys({
    w: () => send({ type: setup ? 'wall.build' : 'wall.edit' }),
    t: () => send({ type: targeting ? 'target.close' : 'target.open' }),
    '+': () => targeting && setSplit(values.split + 1),
    '=': () => targeting && setSplit(values.split + 1),
    '-': () => targeting && setSplit(values.split - 1),
  });

  const exportCsv = (name: string, table: string[][]) =>
    downloadText(`dashboard-${name}${summary.wall.sample ? '-sample' : ''}.csv`, 'text/csv', toCsv({ columns: table[0]!, rows: table.slice(1) }));

  return (
    <div ref={root}>
      <SimShell sim="dashboard" state={phase} problems={problems} onDismissProblems={dismissProblems} announcement={announcement}>
        {setup && (
          <Setup
            runs={runs}
            prediction={prediction}
            chosen={chosen}
            scenario={scenario}
            ready={ready}
            won={record.won}
            headingRef={setupHeading}
            onPredict={(guess) => send({ type: 'predict.set', guess })}
            onToggle={(id) => send({ type: 'metric.toggle', id })}
            onSetMetrics={(ids) => send({ type: 'metrics.set', ids })}
            onWindow={(window) => setValues({ window })}
            onBuild={() => send({ type: 'wall.build' })}
          />
        )}

        {!setup && (
          <>
            <Wall summary={summary} runs={shown} headingRef={wallHeading} />
            {targeting ? (
              <Target
                rows={rows}
                split={values.split}
                splitLocked={splitLocked}
                sample={game.sample}
                guess={targetGuess}
                headingRef={targetHeading}
                onGuess={(guess) => {
                  send({ type: 'target.predict', guess });
                  if (rows) setAnnouncement(narrateSplit(rows[values.split - 1]!));
                }}
                onSplit={setSplit}
                onClose={() => send({ type: 'target.close' })}
              />
            ) : (
              <div className="sim-controls">
                <button type="button" className="button" onClick={() => send({ type: 'target.open' })}>
                  Target one number
                </button>
              </div>
            )}
            <Missions missions={dashboardMissions} won={record.won} justWon={justWon} active={null} onTry={() => undefined} />
            <ResultCodeBox code={code} debriefHref={`${import.meta.env.BASE_URL.replace(/\/$/, '')}/instructor/debrief/`} />
            <div className="sim-controls">
              <button type="button" className="button secondary" onClick={() => send({ type: 'wall.edit' })}>
                Change the wall
              </button>
            </div>
            <div className="sim-export" role="group" aria-label="Export the dashboard">
              <button type="button" className="button secondary" onClick={() => exportCsv('runs', csvRows(runs))}>
                Export the runs (CSV)
              </button>
              <button type="button" className="button secondary" onClick={() => exportCsv('wall', wallCsvRows(summary.wall))}>
                Export the wall (CSV)
              </button>
            </div>
          </>
        )}
      </SimShell>
    </div>
  );
}

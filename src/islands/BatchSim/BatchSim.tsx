// The batch-size island: predict, set up, play a quarter, review it, compare on the same dice, sweep; the kit does the plumbing.
import { Suspense, lazy, useEffect, useState } from 'react';
import { batchMachine } from '../../machines/batch.machine.ts';
import { batchMissions, narrate, summarize, table, type BatchAction, type BatchState, type MissionValues } from '../../models/batch/index.ts';
import { batchFields, batchParams, describePolicy, SUITES, type BatchValues } from '../../schemas/batch-scenario.ts';
import { batchCode, batchRun, savedSummary } from '../../sims/batch.ts';
import { percent } from '../../sim-kit/core/words.ts';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { PREDICTIONS } from './predictions.ts';
import { RiskChart } from './RiskChart.tsx';
import { RunView } from './RunView.tsx';
import { Timeline } from './Timeline.tsx';

// The review, the comparison and the sweep appear only after a run: the review starts loading when a run starts, so it is
// there (and its heading can take focus) when the run ends, and none of them weighs on the lesson's first load.
const loadReview = () => import('./Review.tsx');
const Review = lazy(() => loadReview().then((m) => ({ default: m.Review })));
const Compare = lazy(() => import('./Compare.tsx').then((m) => ({ default: m.Compare })));
const Sweep = lazy(() => import('./Sweep.tsx').then((m) => ({ default: m.Sweep })));

const SPEC: SimSpec<typeof batchFields, ReturnType<typeof batchParams>, BatchState, BatchAction, ReturnType<typeof summarize>, MissionValues> = {
  id: 'batch',
  fields: batchFields,
  machine: batchMachine,
  run: batchRun,
  params: batchParams,
  summarize,
  code: batchCode,
  missions: batchMissions,
  narrate,
  saved: savedSummary,
  table,
};

export default function BatchSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, params, configuring, reviewing, deciding, playing, speed, record, summary, prediction, locked, send } = session;
  const [activeMission, setActiveMission] = useState<string | null>(null);
  const [showSweep, setShowSweep] = useState(false);
  const onTry = (m: (typeof batchMissions)[number]) => {
    setActiveMission(m.id);
    session.setValues(m.setup as Partial<BatchValues>);
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    s: () => session.act({ type: 'ship' }),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  useEffect(() => {
    if (!configuring) void loadReview();
  }, [configuring]);

  const suite = values.defect === SUITES.strong ? 'strong' : values.defect === SUITES.weak ? 'weak' : 'custom';

  return (
    <div ref={session.root}>
      <SimShell sim="batch" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            session={session}
            fields={batchFields}
            heading="Play a quarter"
            intro={
              <>
                About {Math.round(values.rate * values.days)} changes will become ready over {values.days} working days. Each one has a{' '}
                {percent(values.defect / 100, 1)} chance of breaking production. You choose when to deploy; when a deploy breaks production, you choose how to
                recover.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run ({String(record.lastRun.summary.policy ?? 'unknown policy')}): {String(record.lastRun.summary.changesDeployed)} changes in
                  production, {String(record.lastRun.summary.outages)} outages, {Math.round(Number(record.lastRun.summary.downtimeMinutes) / 6) / 10} hours
                  down.
                </>
              )
            }
            question="with the same changes and the same tests, which team spends more hours with production down over the quarter?"
            options={PREDICTIONS}
            main={['policy']}
            hidden={['defect', 'vs']}
            startLabel="Start the quarter"
            missions={batchMissions}
            activeMission={activeMission}
            onTryMission={onTry}
            more="arrivals, recovery times, migrations, maintenance windows, seed"
          >
            <fieldset className="field field-choice" disabled={locked.has('defect')} data-field="suite">
              <legend>How good are your tests?</legend>
              <label className="choice">
                <input type="radio" name="suite" checked={suite === 'strong'} onChange={() => session.setValues({ defect: SUITES.strong })} />
                Strong suite: {SUITES.strong}% of changes break production
              </label>
              <label className="choice">
                <input type="radio" name="suite" checked={suite === 'weak'} onChange={() => session.setValues({ defect: SUITES.weak })} />
                Weak suite: {SUITES.weak}% of changes break production
              </label>
              <FieldInput
                name="defect"
                field={batchFields.defect}
                as="slider"
                value={values.defect}
                locked={locked.has('defect')}
                onChange={(v) => session.setValues({ defect: v as number })}
              />
            </fieldset>
          </SetupForm>
        )}

        {!configuring && (
          <RunView
            run={run}
            heading={`Your quarter: ${describePolicy(values.policy)}, ${percent(values.defect / 100, 1)} of changes defective`}
            headingRef={session.runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onShip={() => session.act({ type: 'ship' })}
            onRecover={(how) => session.act({ type: 'recover', how })}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Suspense fallback={<p className="muted">Loading the review…</p>}>
              <Review run={run} summary={summary} values={values} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            </Suspense>
            <ReviewFooter session={session} missions={batchMissions} onTryMission={onTry} replayLabel="Replay the same quarter" />
            <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
              <Compare values={values} seed={seed} played={run} onOtherChange={(vs) => session.setValues({ vs })} />
              {showSweep ? (
                <Sweep params={{ ...params, recovery: run.params.recovery }} />
              ) : (
                <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                  Show every deploy interval over 100 sets of dice
                </button>
              )}
            </Suspense>
          </>
        )}

        {!configuring && (
          <>
            {!reviewing && <Timeline run={run} title="Your quarter" />}
            <RunExports session={session} />
            <RiskChart p={params.defectRate} seed={seed} deploys={run.deploys} />
          </>
        )}
      </SimShell>
    </div>
  );
}

// The feature-flag island: predict, set the release plan, watch the pipeline, play the release day behind a flag, review, compare on the same dice, sweep.
import { Suspense, lazy, useEffect, useState } from 'react';
import { flagsMachine } from '../../machines/flags.machine.ts';
import { flagsMissions, narrate, summarize, table, type FlagsAction, type FlagsState, type FlagsValues } from '../../models/flags/index.ts';
import { flagsFields, flagsParams, type FlagsScenarioValues } from '../../schemas/flags-scenario.ts';
import { alertWaiting, canStop, flagsCode, flagsRun, planStep, savedSummary } from '../../sims/flags.ts';
import { SPEEDS, type RunContext } from '../../sim-kit/machine/run.machine.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { PREDICTIONS } from './analysis.ts';
import { Sweep } from './Sweep.tsx';
import './flags-sim.css';

// The review loads only once a day is under way (the page's up-front JavaScript stays within its budget).
// The run view loads once the island is interactive (before anyone can press Start); the review once a run starts.
const loadRunView = () => import('./RunView.tsx');
const RunView = lazy(() => loadRunView().then((m) => ({ default: m.RunView })));
const loadReview = () => import('./Review.tsx');
const Review = lazy(() => loadReview().then((m) => ({ default: m.Review })));

const SPEC: SimSpec<typeof flagsFields, ReturnType<typeof flagsParams>, FlagsState, FlagsAction, ReturnType<typeof summarize>, FlagsValues> = {
  id: 'flags',
  fields: flagsFields,
  machine: flagsMachine,
  run: flagsRun,
  params: flagsParams,
  summarize,
  code: flagsCode,
  missions: flagsMissions,
  narrate,
  saved: savedSummary,
  table,
};

/** The plan in a few words ("behind a flag, 5% dark launch, rollout 25%, stepped up"). */
function describe(v: FlagsScenarioValues): string {
  if (v.release === 'full') return 'a full release, no flag';
  const parts = ['behind a flag'];
  if (v.dark !== '0') parts.push(`${v.dark}% dark launch`);
  parts.push(`rollout ${v.rollout}%`);
  if (v.plan === 'ramp') parts.push('stepped up every half hour');
  return parts.join(', ');
}

export default function FlagsSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, params, configuring, reviewing, deciding, playing, speed, record, prediction, send, actor, act } = session;
  const [autoPipeline, setAutoPipeline] = useState(true);
  const [showSweep, setShowSweep] = useState(false);
  const current = () => actor.getSnapshot().context as RunContext<unknown, FlagsState, FlagsAction>;

  useEffect(() => {
    void loadRunView();
  }, []);
  useEffect(() => {
    if (!configuring) void loadReview();
  }, [configuring]);

  // The pipeline promotes commits by itself at the chosen speed, and each due step of the release plan is applied at once (and logged).
  useEffect(() => {
    if (!deciding) return;
    const now = current().run;
    const plan = planStep(now);
    if (plan) {
      act(plan);
      return;
    }
    if (now.phase !== 'pipeline' || !autoPipeline) return;
    const timer = setTimeout(() => act({ type: 'next' }), SPEEDS[speed]);
    return () => clearTimeout(timer);
  }, [deciding, run, autoPipeline, speed]);

  /** Runs on until an alert waits for a choice or the day ends: the pipeline's commits and the plan's steps are taken as they come. */
  const runOn = (stopAtRelease = false) => {
    for (let i = 0; i < 5_000; i++) {
      const snap = actor.getSnapshot();
      if (snap.matches('review') || snap.matches('configure')) return;
      const now = (snap.context as RunContext<unknown, FlagsState, FlagsAction>).run;
      if (stopAtRelease && now.phase === 'release') return;
      if (snap.matches('decision')) {
        const plan = planStep(now);
        if (plan) act(plan);
        else if (now.phase === 'pipeline') act({ type: 'next' });
        else return;
      } else send({ type: 'run.finish' });
    }
  };
  const stop = () => act(current().run.params.release === 'full' ? { type: 'rollback' } : { type: 'kill' });
  const keepGoing = () => {
    if (alertWaiting(current().run)) act({ type: 'tick' });
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => (run.phase === 'pipeline' ? act({ type: 'next' }) : send({ type: 'run.step' })),
    f: () => runOn(),
    k: () => canStop(current().run) && stop(),
    g: keepGoing,
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell sim="flags" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            session={session}
            fields={flagsFields}
            heading="Ship a feature"
            intro={
              <>
                Your feature is {values.commits} commits. Each goes through the pipeline (build, unit tests, integration, staging, pre-production, production)
                with nobody approving it, and some carry hidden problems. Then comes a release day of {values.minutes} minutes with about{' '}
                {values.traffic.toLocaleString('en')} users a minute. You choose how the feature reaches them; an alert may ask you to press the kill switch.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run: {String(record.lastRun.summary.usersHurt === null ? 0 : Math.round(Number(record.lastRun.summary.usersHurt)))} users hurt,
                  feature on for {String(record.lastRun.summary.finalRolloutPercent)}% at the end.
                </>
              )
            }
            question="the same build goes out to everyone at once with no flag, or to 5% of users behind a flag with a kill switch. How many users does the 5% rollout hurt, against the full release?"
            options={PREDICTIONS}
            main={['release', 'dark', 'rollout', 'plan']}
            startLabel="Start the day"
            missions={flagsMissions}
            more="load test, commits, length of the day, traffic, rollback time, seed"
          />
        )}

        {!configuring && (
          <Suspense fallback={<p className="muted">Loading the release…</p>}>
            <RunView
              run={run}
              heading={`Your release: ${describe(values)}`}
              headingRef={session.runHeading}
              playing={playing}
              deciding={deciding}
              over={reviewing}
              speed={speed}
              autoPipeline={autoPipeline}
              onAutoPipeline={setAutoPipeline}
              onNextCommit={() => act({ type: 'next' })}
              onPipelineRest={() => runOn(true)}
              onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
              onStep={() => send({ type: 'run.step' })}
              onRunOn={() => runOn()}
              onSpeed={(s) => send({ type: 'speed.set', speed: s })}
              onRollout={(percent) => act({ type: 'rollout', percent })}
              onDark={(percent) => act({ type: 'dark', percent })}
              onStop={stop}
              onKeepGoing={keepGoing}
              onConfigure={() => send({ type: 'run.configure' })}
            />
          </Suspense>
        )}

        {reviewing && (
          <Suspense fallback={<p role="status">Adding up the day…</p>}>
            <Review run={run} params={params} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            <ReviewFooter session={session} missions={flagsMissions} replayLabel="Replay the same day" />
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show users hurt at every rollout share over 100 days
              </button>
            )}
          </Suspense>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

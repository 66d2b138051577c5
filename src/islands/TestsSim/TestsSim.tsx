// The test-portfolio island: predict, spread the test effort, play the builds (investigate or ignore each red), review, compare every shape on the same dice, sweep.
import { useMemo, useState } from 'react';
import { testsMachine } from '../../machines/tests.machine.ts';
import { MISSIONS, model, summarize, table, type Response, type TestsAction, type TestsState } from '../../models/tests/index.ts';
import { sharesMessage, testsFields, type TestsValues } from '../../schemas/tests-scenario.ts';
import { savedSummary, testsCode, testsRun, testsSimParams } from '../../sims/tests.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { narrateTests } from './narration.ts';
import { Portfolio } from './Portfolio.tsx';
import { PREDICTIONS, Review, presetRuns } from './Review.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Sweep } from './Sweep.tsx';
import './tests-sim.css';

const SPEC: SimSpec<typeof testsFields, ReturnType<typeof testsSimParams>, TestsState, TestsAction, ReturnType<typeof summarize>> = {
  id: 'tests',
  fields: testsFields,
  machine: testsMachine,
  run: testsRun,
  params: testsSimParams,
  summarize,
  code: testsCode,
  missions: MISSIONS,
  narrate: narrateTests,
  saved: savedSummary,
  table,
};

const SHAPE_WORDS: Record<TestsValues['preset'], string> = {
  'ice-cream-cone': 'ice-cream cone',
  pyramid: 'pyramid',
  hourglass: 'hourglass',
  custom: 'your own shares',
};
const SHARE_FIELDS = ['preset', 'unit', 'integ', 'ui', 'system'] as const;

export default function TestsSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, configuring, reviewing, deciding, playing, speed, record, summary, prediction, send, actor } = session;
  const [showSweep, setShowSweep] = useState(false);
  const playable = sharesMessage(values) === null;
  const respond = (how: Response) => session.act({ type: 'respond', how });
  const runs = useMemo(() => (reviewing ? presetRuns(values, seed) : null), [reviewing, values, seed]);

  /** The shortcut: every remaining red answered one way ('team': as the team's trust would), each step logged like a click. */
  const decideRest = (how: Response | 'team') => {
    for (let i = 0; i < 10_000; i++) {
      const now = actor.getSnapshot();
      if (now.matches('review') || now.matches('configure')) return;
      const current = now.context.run as TestsState;
      if (testsRun.needsDecision(current)) session.act(how === 'team' ? model.autoplay(current) : { type: 'respond', how });
      else send({ type: 'run.finish' });
    }
  };

  useProjectorKeys({
    p: () => (configuring ? playable && send({ type: 'run.start' }) : send({ type: playing ? 'run.pause' : 'run.play' })),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    i: () => respond('investigate'),
    g: () => respond('ignore'),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell sim="tests" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            // Shares that do not add up to 100 keep Start disabled, as an unhydrated page does; the message beside them says why.
            session={{ ...session, ready: session.ready && playable }}
            fields={testsFields}
            heading="Spread the test effort, then run the builds"
            intro={
              <>
                Your team has {values.effort} hours to write automated tests for the photo-sharing app, spread over unit, integration, user interface and system
                tests (the system test walks the whole journey: open the home page, sign in, upload a photo, add a caption, publish, sign out). Then{' '}
                {values.builds} changes go through the pipeline, one build each, and about {values.defect}% of them carry a defect. Each red build stops the
                run: you investigate it or wave it through.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run ({SHAPE_WORDS[record.lastRun.summary.preset as TestsValues['preset']] ?? 'unknown shape'}):{' '}
                  {String(record.lastRun.summary.escaped)} defects shipped, an escape rate of {String(record.lastRun.summary.escapePercent)}%, a suite run of{' '}
                  {String(record.lastRun.summary.suiteMinutes)} minutes.
                </>
              )
            }
            question={`with the same ${values.effort} hours of test writing, which portfolio lets more defects reach production?`}
            options={PREDICTIONS}
            main={[]}
            hidden={SHARE_FIELDS}
            startLabel="Start the builds"
            missions={MISSIONS}
            more="effort, builds, defective changes, how long people remember reds, seed"
          >
            <Portfolio values={values} locked={session.locked} setValues={session.setValues} />
          </SetupForm>
        )}

        {!configuring && (
          <RunPanel
            run={run}
            heading={`Your pipeline: ${values.preset === 'custom' ? `your own shares` : `the ${SHAPE_WORDS[values.preset]}`}, ${values.effort} hours of tests`}
            headingRef={session.runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onRespond={respond}
            onDecideRest={decideRest}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && runs && (
          <>
            <Review
              run={run}
              summary={summary}
              values={values}
              seed={seed}
              prediction={prediction}
              runs={runs}
              base={import.meta.env.BASE_URL}
              headingRef={session.reviewHeading}
            />
            <ReviewFooter session={session} missions={MISSIONS} replayLabel="Replay the same builds" />
            {showSweep ? (
              <Sweep params={run.params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every unit share over 100 sets of builds
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

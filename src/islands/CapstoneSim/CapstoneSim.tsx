// The capstone island: predict, choose six levers (and any managed services), play a seeded quarter answering its incidents, review the scorecard, compare, sweep.
import { Suspense, lazy, useState } from 'react';
import { capstoneMachine } from '../../machines/capstone.machine.ts';
import {
  LEVER_NAMES,
  SERVICES,
  TEAM_HOURS_A_WEEK,
  autoplay,
  canRespond,
  capacityOf,
  capstoneMissions,
  spendOf,
  summarize,
  table,
  toilByLever,
  type CapstoneAction,
  type CapstoneState,
  type CapstoneValues,
  type ManagedLever,
  type Response,
} from '../../models/capstone/index.ts';
import { capstoneFields, capstoneParams } from '../../schemas/capstone-scenario.ts';
import { capstoneCode, capstoneRun } from '../../sims/capstone.ts';
import { savedSummary } from './saved.ts';
import { ReviewFooter, RunExports, SettingInput, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { LEVER_WORDS } from './analysis.ts';
import { narrateCapstone } from './narration.ts';
import { Quarter, dollars } from './Quarter.tsx';
import { Compare, PREDICTIONS, Review } from './Review.tsx';
import './capstone-sim.css';

const SPEC: SimSpec<typeof capstoneFields, ReturnType<typeof capstoneParams>, CapstoneState, CapstoneAction, ReturnType<typeof summarize>, CapstoneValues> = {
  id: 'capstone',
  fields: capstoneFields,
  machine: capstoneMachine,
  run: capstoneRun,
  params: capstoneParams,
  summarize,
  code: capstoneCode,
  missions: capstoneMissions,
  narrate: narrateCapstone,
  saved: savedSummary,
  table,
};

/** The sweep (and the chart code it draws with) loads only when the learner asks for it. */
const Sweep = lazy(() => import('./Sweep.tsx').then((m) => ({ default: m.Sweep })));

const MANAGED = Object.keys(SERVICES) as ManagedLever[];
const MANAGED_FIELD = { parity: 'mparity', tests: 'mtests', iac: 'miac', deploy: 'mdeploy', flags: 'mflags' } as const;

export default function CapstoneSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, params, configuring, reviewing, deciding, playing, speed, record, prediction, send, actor } = session;
  const [showSweep, setShowSweep] = useState(false);
  const answer = (how: Response) => session.act({ type: 'respond', how });
  const toil = toilByLever(params);
  const totalToil = Object.values(toil).reduce((a, b) => a + b, 0);

  /** The shortcut: plays to the end, answering every incident as the model's autoplay does, each step logged like a click. */
  const answerRest = () => {
    for (let i = 0; i < 10_000; i++) {
      const now = actor.getSnapshot();
      if (now.matches('review') || now.matches('configure')) return;
      const current = now.context.run as CapstoneState;
      if (capstoneRun.needsDecision(current)) session.act(autoplay(current));
      else send({ type: 'run.finish' });
    }
  };
  const answerIf = (how: Response) => () => {
    if (deciding && canRespond(run, how)) answer(how);
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    b: answerIf('rollback'),
    x: answerIf('fix-forward'),
    k: answerIf('kill'),
    u: answerIf('restore'),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell
        sim="capstone"
        state={session.phase}
        problems={session.problems}
        onDismissProblems={session.dismissProblems}
        announcement={session.announcement}
      >
        {configuring && (
          <SetupForm
            session={session}
            fields={capstoneFields}
            heading="Choose your levers"
            intro={
              <>
                You run delivery for a team of six for {values.days} working days. Everything starts where the company stood at the beginning of the course.
                Make one decision per lever; each costs upkeep or money. Then play the quarter and answer each incident as it comes.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last quarter: {String(record.lastRun.summary.eliteKeys)} of 4 keys elite, {String(record.lastRun.summary.featuresLive)} features live,{' '}
                  {String(record.lastRun.summary.nightPages)} night-time pages, {dollars(Number(record.lastRun.summary.spend))} spent.
                </>
              )
            }
            question="starting from the company at the beginning of the course, how many of the six levers must be pulled to reach the elite band on all four keys?"
            options={PREDICTIONS}
            main={[...LEVER_NAMES]}
            hidden={MANAGED.map((m) => MANAGED_FIELD[m])}
            startLabel="Start the quarter"
            missions={capstoneMissions}
            more="quarter length, pace of work, seed"
          >
            <p className="capstone-cost" data-cost-line role="status">
              This setup spends {dollars(spendOf(params))} a quarter. Upkeep takes {totalToil} of the team’s {TEAM_HOURS_A_WEEK} hours a week, leaving{' '}
              {Math.round(capacityOf(params) * 100)}% for building features.
            </p>
            <details className="capstone-managed">
              <summary>Managed cloud services: pay to remove upkeep (optional)</summary>
              <p className="muted">
                Each takes over most of one lever’s upkeep for a price. The AWS names were checked in December 2026; products change, the kind of service lasts.
                No service changes who talks to whom, so team shape has none.
              </p>
              <ul className="capstone-services">
                {MANAGED.map((lever) => {
                  const s = SERVICES[lever];
                  const applies = s.applies(params.levers);
                  return (
                    <li key={lever} data-service={lever}>
                      <SettingInput session={session} name={MANAGED_FIELD[lever]} />
                      <p className="muted">
                        {dollars(s.spend)} a quarter; leaves {s.toilLeft} hours a week of {LEVER_WORDS[lever]} upkeep.
                        {applies ? '' : ` Does nothing with your choice: it needs ${s.needs}.`}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </details>
          </SetupForm>
        )}

        {!configuring && (
          <Quarter
            run={run}
            heading={`Your quarter: ${values.days} working days, six levers set`}
            headingRef={session.runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onAnswer={answer}
            onAnswerRest={answerRest}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review run={run} params={params} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            <ReviewFooter session={session} missions={capstoneMissions} replayLabel="Replay the same quarter" />
            <Compare run={run} params={params} seed={seed} />
            {showSweep ? (
              <Suspense
                fallback={
                  <p className="sim-sweep" role="status" data-sweep="pending">
                    Loading the sweep…
                  </p>
                }
              >
                <Sweep />
              </Suspense>
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every combination of levers over 20 quarters
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

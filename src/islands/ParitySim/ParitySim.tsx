// The environment-parity island: predict, spend a budget closing gaps and pick a deploy interval, play a quarter, review where each change broke, compare on the same dice, sweep.
import { useEffect, useState } from 'react';
import { parityMachine } from '../../machines/parity.machine.ts';
import { parityMissions, summarize, table, type ParityAction, type ParityState, type ParitySummary } from '../../models/parity/index.ts';
import { checkParityValues, fixesOf, parityFields, parityParams, type ParityValues } from '../../schemas/parity-scenario.ts';
import { parityCode, parityRun, savedSummary } from '../../sims/parity.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { FixPicker } from './FixPicker.tsx';
import { PREDICTIONS, Review } from './Review.tsx';
import { RunView } from './RunView.tsx';
import { Sweep } from './Sweep.tsx';
import { narrateParity } from './view.ts';
import './parity-sim.css';

const FIX_FIELDS = ['containers', 'network', 'lockfile', 'pin', 'data'] as const;

const SPEC: SimSpec<typeof parityFields, ReturnType<typeof parityParams>, ParityState, ParityAction, ParitySummary> = {
  id: 'parity',
  fields: parityFields,
  machine: parityMachine,
  run: parityRun,
  // Fixes over the budget never reach the model: the island turns them off and says why (see the effect below).
  params: (values) => parityParams(checkParityValues(values).values),
  summarize,
  code: parityCode,
  missions: parityMissions,
  narrate: narrateParity,
  saved: savedSummary,
  table,
};

/** The setting being played in a few words ("deploy every 10 working days, 2 gaps closed"). */
function describe(values: ParityValues): string {
  const closed = fixesOf(values).length;
  return `deploy every ${plural(values.every, 'working day')}, ${closed ? plural(closed, 'gap') : 'no gap'} closed`;
}

export default function ParitySim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, configuring, reviewing, playing, speed, record, summary, prediction, locked, send } = session;
  const [showSweep, setShowSweep] = useState(false);
  const [budgetProblem, setBudgetProblem] = useState<string | null>(null);

  // A link (or a lowered budget) whose fixes cost more than the budget: every fix is turned off, with the model's sentence saying by how much.
  useEffect(() => {
    const checked = checkParityValues(values);
    if (checked.problems.length === 0) return;
    setBudgetProblem(checked.problems[0]!.message);
    session.setValues(checked.values);
  }, [values]);

  const deploy = () => session.act({ type: 'deploy' });
  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    d: deploy,
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  const last = record.lastRun?.summary;
  return (
    <div ref={session.root}>
      <SimShell sim="parity" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {budgetProblem && (
          <div className="sim-problems" role="status">
            <p data-param="budget">{budgetProblem}</p>
            <button type="button" className="button secondary" onClick={() => setBudgetProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        {configuring && (
          <SetupForm
            session={session}
            fields={parityFields}
            heading="Ship a quarter through three environments"
            intro={
              <>
                Your team writes about {Math.round(values.rate * values.days)} changes over {values.days} working days. About {values.depend}% of them quietly
                lean on one of five differences between development and production. Each change goes through development, then staging, then production, and
                breaks in the first place where its difference is gone. Meanwhile development picks up newer libraries and services, and production catches up
                only when you deploy.
              </>
            }
            lastRun={
              last && (
                <>
                  Your last run (deploy every {String(last.every)} days, fixes: {String(last.fixes)}): {String(last.failedProduction)} failures in production,{' '}
                  {String(last.findHours)} hours finding failures, {String(last.versionGap)} versions ahead on average.
                </>
              )
            }
            question="of the changes that lean on a difference, where will most of them break?"
            options={PREDICTIONS}
            main={['every']}
            sliders={['every']}
            hidden={FIX_FIELDS}
            startLabel="Start the quarter"
            missions={parityMissions}
            more="budget, days, changes a day, share leaning on a difference, new versions a day, the cost of each find, seed"
          >
            <FixPicker
              values={values}
              locked={locked}
              onChange={(fix, on) => {
                setBudgetProblem(null);
                session.setValues({ [fix]: on });
              }}
            />
          </SetupForm>
        )}

        {!configuring && (
          <RunView
            run={run}
            heading={`Your quarter: ${describe(values)}`}
            headingRef={session.runHeading}
            playing={playing}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onDeploy={deploy}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review run={run} summary={summary} values={values} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            <ReviewFooter session={session} missions={parityMissions} replayLabel="Replay the same quarter" />
            {showSweep ? (
              <Sweep values={checkParityValues(values).values} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every deploy interval over 100 quarters
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

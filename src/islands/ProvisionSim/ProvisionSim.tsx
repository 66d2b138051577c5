// The provisioning island: predict, set up, plan and apply a definition against commands, patch a fleet, release a bad change, review, same dice, sweep.
import { useState } from 'react';
import { provisionMachine } from '../../machines/provision.machine.ts';
import { MISSIONS, model, table, type ProvisionAction, type ProvisionState } from '../../models/provision/index.ts';
import { provisionFields, provisionParams, PORT_SETS } from '../../schemas/provision-scenario.ts';
import { provisionCode, provisionOutcome, provisionRun, savedSummary, type ProvisionOutcome } from '../../sims/provision.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { portWords } from './Definition.tsx';
import { narrateProvision } from './narration.ts';
import { predictions, Review } from './Review.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Sweep } from './Sweep.tsx';
import './provision-sim.css';

const SPEC: SimSpec<typeof provisionFields, ReturnType<typeof provisionParams>, ProvisionState, ProvisionAction, ProvisionOutcome> = {
  id: 'provision',
  fields: provisionFields,
  machine: provisionMachine,
  run: provisionRun,
  params: provisionParams,
  summarize: provisionOutcome,
  code: provisionCode,
  missions: MISSIONS,
  narrate: narrateProvision,
  saved: savedSummary,
  table,
};

export default function ProvisionSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, params, configuring, reviewing, record, summary, prediction, send, actor, act } = session;
  const [showSweep, setShowSweep] = useState(false);
  const release = (review: boolean, staging: boolean) => act({ type: 'release', review, staging });

  /** The shortcut: every remaining guided step as the setup chose it (the model's autoplay), each logged like a click. */
  const playRest = () => {
    for (let i = 0; i < 20; i++) {
      const now = actor.getSnapshot();
      if (!now.matches('decision')) return;
      act(model.autoplay(now.context.run as ProvisionState));
    }
  };

  useProjectorKeys({
    p: () => configuring && send({ type: 'run.start' }),
    a: () => act({ type: 'apply' }),
    c: () => act({ type: 'run-commands' }),
    h: () => act({ type: 'patch', how: 'hand' }),
    d: () => act({ type: 'patch', how: 'definition' }),
    l: () => release(values.review, values.staging),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell
        sim="provision"
        state={session.phase}
        problems={session.problems}
        onDismissProblems={session.dismissProblems}
        announcement={session.announcement}
      >
        {configuring && (
          <SetupForm
            session={session}
            fields={provisionFields}
            heading="Plan and apply, then patch and release"
            intro={
              <>
                You start from a definition of {plural(values.count, 'server')} ({values.size}, ports {portWords(PORT_SETS[values.ports])}). You apply it twice,
                then run imperative commands for the same servers twice. Then you patch a fleet of {plural(values.fleet, 'server')}, by hand or through the
                definition, and release a colleague’s change that opens the database port by mistake.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run: the definition left {String(record.lastRun.summary.declaredServers)} servers and the commands{' '}
                  {String(record.lastRun.summary.scriptedServers)}; the patch missed {String(record.lastRun.summary.missed)} of{' '}
                  {String(record.lastRun.summary.fleet)}, and {String(record.lastRun.summary.exposed)} servers were left with the database port open.
                </>
              )
            }
            question="you apply the definition twice, and run the commands for the same servers twice. How many servers does each way leave?"
            options={predictions(values.count)}
            main={['count', 'size', 'ports', 'fleet']}
            startLabel="Start"
            missions={MISSIONS}
            more="slip rate, how the steps play, safeguards, times, seed"
          />
        )}

        {!configuring && (
          <RunPanel
            run={run}
            heading={`Your definition, your commands and a fleet of ${plural(values.fleet, 'server')}`}
            headingRef={session.runHeading}
            over={reviewing}
            review={values.review}
            staging={values.staging}
            onEdit={(definition) => act({ type: 'edit', definition })}
            onApply={() => act({ type: 'apply' })}
            onCommands={() => act({ type: 'run-commands' })}
            onPatch={(how) => act({ type: 'patch', how })}
            onRelease={release}
            onPlayRest={playRest}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review summary={summary} values={values} params={params} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            <ReviewFooter session={session} missions={MISSIONS} replayLabel="Replay from the start" />
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show servers missed by hand for fleets from 5 to 500 servers
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

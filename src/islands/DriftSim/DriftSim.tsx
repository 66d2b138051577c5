// The configuration-drift island: predict, set up, play a quarter of events fixed by hand or in the configuration, review it, compare on the same dice, sweep.
import { useState } from 'react';
import { driftMachine } from '../../machines/drift.machine.ts';
import { MISSIONS, openAlarms, policyHow, summarize, table, type DriftAction, type DriftState, type How } from '../../models/drift/index.ts';
import { driftFields, driftParams, type DriftValues } from '../../schemas/drift-scenario.ts';
import { driftCode, driftRun } from '../../sims/drift.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { narrateDrift } from './narration.ts';
import { PREDICTIONS, Review } from './Review.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Sweep } from './Sweep.tsx';
import './drift-sim.css';

/** The flat summary kept in saved progress. */
function savedSummary(values: DriftValues, run: DriftState) {
  const s = summarize(run);
  return {
    servers: values.servers,
    handFixes: s.handFixes,
    codeFixes: s.codeFixes,
    configurations: s.configurations,
    incidents: s.incidents,
    totalMinutes: s.totalMinutes,
    worstRebuildMinutes: s.worstRebuildMinutes,
    reverts: s.reverts,
  };
}

const SPEC: SimSpec<typeof driftFields, ReturnType<typeof driftParams>, DriftState, DriftAction, ReturnType<typeof summarize>> = {
  id: 'drift',
  fields: driftFields,
  machine: driftMachine,
  run: driftRun,
  params: driftParams,
  summarize,
  code: driftCode,
  missions: MISSIONS,
  narrate: narrateDrift,
  saved: savedSummary,
  table,
};

export default function DriftSim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, params, configuring, reviewing, deciding, playing, speed, record, summary, prediction, send, actor } = session;
  const [showSweep, setShowSweep] = useState(false);
  const fix = (how: How) => session.act({ type: 'fix', how });
  const revert = () => session.act({ type: 'revert' });

  /** The shortcut: every remaining event fixed one way (faulty reviewed changes reverted once found), each step logged like a click. */
  const decideRest = (how: How | 'default') => {
    for (let i = 0; i < 10_000; i++) {
      const now = actor.getSnapshot();
      if (now.matches('review') || now.matches('configure')) return;
      const current = now.context.run as DriftState;
      if (driftRun.needsDecision(current)) {
        if (openAlarms(current).length) revert();
        else fix(how === 'default' ? policyHow(current.params, current.events[current.waiting[0]!]!) : how);
      } else send({ type: 'run.finish' });
    }
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    h: () => fix('hand'),
    c: () => fix('code'),
    v: revert,
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell sim="drift" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            session={session}
            fields={driftFields}
            heading="Run a fleet for a quarter"
            intro={
              <>
                You look after {values.servers} web servers for {values.days} working days. About {Math.round(values.events * values.days)} events will need a
                change: incident hotfixes, security patches, debug tools installed in a hurry. For each, you fix the one server by hand (about {values.hand}{' '}
                minutes) or change the versioned configuration, have it reviewed and apply it to every server (about {values.code} minutes). A disk may die too.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run: {String(record.lastRun.summary.handFixes)} fixes by hand, {String(record.lastRun.summary.codeFixes)} in the configuration,{' '}
                  {Math.round(Number(record.lastRun.summary.totalMinutes) / 6) / 10} hours of team time.
                </>
              )
            }
            question="over the whole quarter, which way of fixing costs the team more time in all?"
            options={PREDICTIONS}
            main={['servers', 'hand', 'code']}
            startLabel="Start the quarter"
            missions={MISSIONS}
            more="events, incidents, rebuilds, faults, seed"
          />
        )}

        {!configuring && (
          <RunPanel
            run={run}
            heading={`Your fleet: ${values.servers} servers, ${values.days} working days`}
            headingRef={session.runHeading}
            playing={playing}
            deciding={deciding}
            over={reviewing}
            speed={speed}
            mixed={values.policy === 'mixed'}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onFix={fix}
            onRevert={revert}
            onDecideRest={decideRest}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review summary={summary} values={values} seed={seed} prediction={prediction} headingRef={session.reviewHeading} />
            <ReviewFooter session={session} missions={MISSIONS} replayLabel="Replay the same quarter" />
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show every share of hand fixes over 100 quarters
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

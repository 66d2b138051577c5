// The handoff-pipeline island: predict, pick a way of working, watch items move and wait through six teams, review, compare the three ways on the same dice, sweep.
import { useState } from 'react';
import { handoffMachine } from '../../machines/handoff.machine.ts';
import { MISSIONS, narrate, summarize, table, type HandoffAction, type HandoffState } from '../../models/handoff/index.ts';
import { handoffFields, handoffParams, type HandoffValues } from '../../schemas/handoff-scenario.ts';
import { handoffCode, handoffRun } from '../../sims/handoff.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { Pipeline } from './Pipeline.tsx';
import { Compare, PREDICTIONS, Review, Sweep } from './Results.tsx';
import './handoff-sim.css';

const WAY_WORDS = { waterfall: 'waterfall', agile: 'agile', devops: 'DevOps' } as const;

/** The flat summary kept in saved progress. */
function savedSummary(values: HandoffValues, run: HandoffState) {
  const s = summarize(run);
  const r = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    way: values.way,
    fast: values.fast ? 1 : 0,
    items: s.items,
    live: s.live,
    leadMedianDays: r(s.leadMedian),
    flowEfficiency: s.flowEfficiency === null ? null : Math.round(s.flowEfficiency * 1000) / 1000,
    firstFeedbackDay: r(s.firstFeedbackDay),
    reworkLaps: s.reworkLaps,
    doorPeak: s.doorPeak,
  };
}

/** A short name for the setting being played ("waterfall, every team twice as fast"). */
function describe(values: HandoffValues): string {
  const parts: string[] = [WAY_WORDS[values.way]];
  if (values.batch > 0) parts.push(`${values.batch} per handoff`);
  if (values.cadence !== 'way') parts.push(`releases ${handoffFields.cadence.options.find((o) => o.value === values.cadence)!.label.toLowerCase()}`);
  if (values.wip > 0) parts.push(`at most ${values.wip} in progress`);
  if (values.fast) parts.push('every team twice as fast');
  return parts.join(', ');
}

const SPEC: SimSpec<typeof handoffFields, ReturnType<typeof handoffParams>, HandoffState, HandoffAction, ReturnType<typeof summarize>> = {
  id: 'handoff',
  fields: handoffFields,
  machine: handoffMachine,
  run: handoffRun,
  params: handoffParams,
  summarize,
  code: handoffCode,
  missions: MISSIONS,
  narrate,
  saved: savedSummary,
  table,
};

export default function HandoffSim({ way }: { way?: HandoffValues['way'] }) {
  const session = useSimSession(SPEC, way ? { way } : {});
  const { values, seed, run, params, configuring, reviewing, playing, speed, record, prediction, send } = session;
  const [activeMission, setActiveMission] = useState<string | null>(null);
  const [showSweep, setShowSweep] = useState(false);
  const onTry = (m: (typeof MISSIONS)[number]) => {
    setActiveMission(m.id);
    session.setValues(m.setup as Partial<HandoffValues>);
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    s: () => session.act({ type: 'release' }),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell sim="handoff" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            session={session}
            fields={handoffFields}
            heading="Run the pipeline"
            intro={
              <>
                New ideas reach Product about {values.rate.toLocaleString('en')} a week for {values.weeks} weeks. Each passes through Product, Design,
                Engineering, QA, Release and Technical Operations. QA sends defects back to Engineering. The run ends when every idea is live.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run ({String(record.lastRun.summary.way ?? 'unknown')}): median lead time {String(record.lastRun.summary.leadMedianDays)} working
                  days, first production feedback on day {String(record.lastRun.summary.firstFeedbackDay)}.
                </>
              )
            }
            question="in waterfall, which helps lead time more?"
            options={PREDICTIONS}
            main={['way', 'fast']}
            sliders={['busy']}
            startLabel="Start the run"
            missions={MISSIONS}
            activeMission={activeMission}
            onTryMission={onTry}
            more="batch size, release cadence, work-in-progress limit, how busy, arrivals, seed"
          >
            <p className="muted">{handoffFields.way.description}</p>
          </SetupForm>
        )}

        {!configuring && (
          <Pipeline
            run={run}
            heading={`Your pipeline: ${describe(values)}`}
            headingRef={session.runHeading}
            playing={playing}
            over={reviewing}
            speed={speed}
            onPlay={() => send({ type: playing ? 'run.pause' : 'run.play' })}
            onStep={() => send({ type: 'run.step' })}
            onFinish={() => send({ type: 'run.finish' })}
            onRelease={() => session.act({ type: 'release' })}
            onSpeed={(s) => send({ type: 'speed.set', speed: s })}
            onConfigure={() => send({ type: 'run.configure' })}
          />
        )}

        {reviewing && (
          <>
            <Review
              run={run}
              params={params}
              seed={seed}
              heading={`Every idea live: ${describe(values)}`}
              prediction={prediction}
              headingRef={session.reviewHeading}
            />
            <ReviewFooter session={session} missions={MISSIONS} onTryMission={onTry} replayLabel="Replay the same run" />
            <Compare params={params} seed={seed} />
            {showSweep ? (
              <Sweep params={params} />
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show lead time for every handoff batch size over 50 sets of dice
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

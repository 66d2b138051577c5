// The Conway's-law island: predict, put people into teams and draw who talks to whom, build features and watch the architecture copy the teams, reorganise, review, compare, sweep.
import { Suspense, lazy, useEffect, useState } from 'react';
import { conwayMachine } from '../../machines/conway.machine.ts';
import {
  conwayMissions,
  presetOrg,
  PRESETS,
  summarize,
  table,
  type ConwayAction,
  type ConwayState,
  type Org,
  type OrgPreset,
} from '../../models/conway/index.ts';
import { conwayFields, conwayParams, orgOf, type ConwayValues } from '../../schemas/conway-scenario.ts';
import { conwayCode, conwayExtra, conwayRun } from '../../sims/conway.ts';
import { narrateConway, savedSummary } from './narration.ts';
import { ReviewFooter, RunExports, SetupForm } from '../../sim-kit/react/SimParts.tsx';
import { SimShell } from '../../sim-kit/react/SimShell.tsx';
import { useProjectorKeys } from '../../sim-kit/react/hooks.ts';
import { useSimSession, type SimSpec } from '../../sim-kit/react/use-sim-session.ts';
import { withExtra } from '../../sim-kit/react/use-scenario-extra.ts';
import { OrgEditor } from './OrgEditor.tsx';
import { PREDICTIONS } from './words.ts';
import './conway-sim.css';

// The sweep is asked for after a run: it loads then.
const Sweep = lazy(() => import('./Sweep.tsx').then((m) => ({ default: m.Sweep })));

const SPEC: SimSpec<typeof conwayFields, ReturnType<typeof conwayParams>, ConwayState, ConwayAction, ReturnType<typeof summarize>, ConwayValues, Org | null> = {
  id: 'conway',
  fields: conwayFields,
  machine: conwayMachine,
  run: conwayRun,
  params: conwayParams,
  scenario: withExtra(conwayExtra),
  summarize,
  code: conwayCode,
  missions: conwayMissions,
  narrate: narrateConway,
  saved: savedSummary,
  table,
};

/** The organisation's name for headings: a preset's label, or "your own teams". */
const orgLabel = (org: ConwayValues['org']) => (org === 'custom' ? 'your own teams' : PRESETS[org as OrgPreset].label.toLowerCase());

export default function ConwaySim() {
  const session = useSimSession(SPEC);
  const { values, seed, run, configuring, reviewing, playing, speed, record, summary, prediction, send, locked } = session;
  const [activeMission, setActiveMission] = useState<string | null>(null);
  const [showSweep, setShowSweep] = useState(false);
  // The run view, review and comparison load as soon as the island is live, before the learner can press Start.
  const [later, setLater] = useState<typeof import('./after-start.ts') | null>(null);
  useEffect(() => {
    void import('./after-start.ts').then(setLater);
  }, []);
  const org = orgOf(values, session.extra ?? null);
  const onTry = (m: (typeof conwayMissions)[number]) => {
    setActiveMission(m.id);
    if (m.setup) session.setValues(m.setup as Partial<ConwayValues>);
  };
  const reorganise = (next: Org) => session.act({ type: 'reorganise', org: next });
  /** Drawing changes the scenario to "your own teams" with the drawn organisation in the link. */
  const draw = (next: Org) => {
    session.setExtra?.(next);
    if (values.org !== 'custom') session.setValues({ org: 'custom' });
  };

  useProjectorKeys({
    p: () => send({ type: configuring ? 'run.start' : playing ? 'run.pause' : 'run.play' }),
    n: () => send({ type: 'run.step' }),
    f: () => send({ type: 'run.finish' }),
    o: () => reorganise(presetOrg('devops-teams')),
    r: () => send({ type: reviewing ? 'run.replay' : 'run.configure' }),
  });

  return (
    <div ref={session.root}>
      <SimShell sim="conway" state={session.phase} problems={session.problems} onDismissProblems={session.dismissProblems} announcement={session.announcement}>
        {configuring && (
          <SetupForm
            session={session}
            fields={conwayFields}
            heading="Put twelve people into teams"
            intro={
              <>
                Twelve people build a photo-sharing app with three product areas: photos, sharing and accounts. Each area has screens, a service, data, and the
                running of it in production. {values.features} features arrive one after another; each changes one area, and some call another area’s service.
                Who builds what, and where the parts meet, follows from your teams and who talks to whom.
              </>
            }
            lastRun={
              record.lastRun && (
                <>
                  Your last run: {String(record.lastRun.summary.teamsPerFeature)} teams per feature, {String(record.lastRun.summary.incidents)} incidents,{' '}
                  {String(record.lastRun.summary.devopsIncidents)} at the dev-ops seam.
                </>
              )
            }
            question="three product teams and a separate operations team they reach through tickets build 40 features. Where will most incidents start?"
            options={PREDICTIONS}
            main={['org']}
            startLabel="Start building"
            missions={conwayMissions}
            activeMission={activeMission}
            onTryMission={onTry}
            more="features, what features touch, incident chances, how settled code is, seed"
          >
            <p className="muted">{values.org === 'custom' ? 'Your own teams, as drawn below.' : PRESETS[values.org as OrgPreset].description}</p>
            <p className="muted" data-custom-doc>
              In a shared link, <code>org=custom</code> and <code>{conwayExtra.docs[0]!.param}</code> carry your own teams. {conwayExtra.docs[0]!.description}
            </p>
            <OrgEditor
              org={org}
              onChange={draw}
              disabled={locked.has('org')}
              folded={{ open: values.org === 'custom' }}
              label={values.org === 'custom' ? 'Your teams: change anything' : 'These teams: change anything to make them your own'}
            />
          </SetupForm>
        )}

        {!configuring && (
          <section className="sim-run" aria-labelledby="run-heading">
            <h3 id="run-heading" ref={session.runHeading} tabIndex={-1}>
              Building with {orgLabel(values.org)}
            </h3>
            {later ? (
              <later.RunPanel
                run={run}
                playing={playing}
                over={reviewing}
                speed={speed}
                onPlay={() => send({ type: 'run.play' })}
                onPause={() => send({ type: 'run.pause' })}
                onStep={() => send({ type: 'run.step' })}
                onFinish={() => send({ type: 'run.finish' })}
                onReorganise={reorganise}
                onSpeed={(s) => send({ type: 'speed.set', speed: s })}
                onConfigure={() => send({ type: 'run.configure' })}
              />
            ) : (
              <p role="status">Loading the run…</p>
            )}
          </section>
        )}

        {reviewing && (
          <>
            <section className="sim-review" aria-labelledby="review-heading">
              <h3 id="review-heading" ref={session.reviewHeading} tabIndex={-1}>
                All {run.features.length} features built: {orgLabel(values.org)}
                {run.reorganisedAt.length ? ', reorganised' : ''}
              </h3>
              {later && <later.Review summary={summary} values={values} seed={seed} prediction={prediction} />}
            </section>
            <ReviewFooter session={session} missions={conwayMissions} onTryMission={onTry} replayLabel="Replay the same features" />
            {later && <later.Compare values={values} seed={seed} played={run} />}
            {showSweep ? (
              <Suspense fallback={<p className="muted">Loading the sweep…</p>}>
                <Sweep values={values} org={org} />
              </Suspense>
            ) : (
              <button type="button" className="button secondary" onClick={() => setShowSweep(true)}>
                Show incidents as more teams talk, over 100 sets of dice
              </button>
            )}
          </>
        )}

        {!configuring && <RunExports session={session} />}
      </SimShell>
    </div>
  );
}

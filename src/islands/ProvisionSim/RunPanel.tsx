// The run: the four guided steps (plan and apply, the same intent as commands, patch the fleet, release a colleague's change), each kept on screen once reached.
import { useRef, useState, type RefObject } from 'react';
import {
  badDefinition,
  commandsFor,
  describePlan,
  formatMinutes,
  plan,
  stage,
  DATABASE_PORT,
  type Definition,
  type PatchHow,
  type ProvisionState,
} from '../../models/provision/index.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { useFocusWhen } from '../../sim-kit/react/hooks.ts';
import { CodeBlock, DefinitionForm, DefinitionText, PlanList, portWords } from './Definition.tsx';
import { FleetGrid, ServerList } from './Fleet.tsx';

const ORDER = ['plan-apply', 'commands', 'patch', 'release', 'done'] as const;

interface Props {
  run: ProvisionState;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  over: boolean;
  /** The release's safeguards the setup chose (the step's checkboxes start from them). */
  review: boolean;
  staging: boolean;
  onEdit: (definition: Definition) => void;
  onApply: () => void;
  onCommands: () => void;
  onPatch: (how: PatchHow) => void;
  onRelease: (review: boolean, staging: boolean) => void;
  onPlayRest: () => void;
  onConfigure: () => void;
}

export function RunPanel(p: Props) {
  const { run, over } = p;
  const now = stage(run);
  const reached = (s: (typeof ORDER)[number]) => ORDER.indexOf(now) >= ORDER.indexOf(s);
  const steps = plan(run.declared, run.definition);
  const { params } = run;
  const [review, setReview] = useState(p.review);
  const [staging, setStaging] = useState(p.staging);
  const commandsHeading = useRef<HTMLHeadingElement>(null);
  const patchHeading = useRef<HTMLHeadingElement>(null);
  const releaseHeading = useRef<HTMLHeadingElement>(null);
  // Each new step takes focus as it opens (the button that led to it may be gone), so a keyboard user carries on from there.
  useFocusWhen(now === 'commands', commandsHeading);
  useFocusWhen(now === 'patch', patchHeading);
  useFocusWhen(now === 'release', releaseHeading);
  const script = commandsFor(run.definition, run.scripted.length);
  const bad = badDefinition(run.definition);
  const expected = Math.round(params.fleet * params.slip * 100) / 100;
  const releaseMinutes = (review ? params.reviewMinutes : 0) + (staging ? params.stagingMinutes : 0) + params.applyMinutes;

  return (
    <section className="sim-run pv-run" aria-labelledby="run-heading">
      <h3 id="run-heading" ref={p.headingRef} tabIndex={-1}>
        {p.heading}
      </h3>
      <ol className="pv-progress" aria-label="Steps">
        {['Plan and apply, twice', 'Commands, twice', 'Patch the fleet', 'Release a change'].map((label, i) => {
          const done = reached(ORDER[i + 1]!);
          return (
            <li key={label} aria-current={ORDER[i] === now ? 'step' : undefined} data-done={done ? 'yes' : undefined}>
              <span className="pv-mark" aria-hidden="true">
                {done ? '✓' : `${i + 1}.`}
              </span>
              {label}
              {done ? <span className="visually-hidden"> (done)</span> : null}
            </li>
          );
        })}
      </ol>

      <section className="pv-step" aria-labelledby="pv-step-apply" data-step="plan-apply">
        <h4 id="pv-step-apply">Step 1: plan and apply the definition</h4>
        <p>
          The definition says what should exist. The tool compares it with the servers that exist and plans only the difference. Apply it, then apply it again
          without changing anything: what does the second plan say? You can edit the definition at any time before the release.
        </p>
        <div className="pv-columns">
          <div>
            <DefinitionForm definition={run.definition} disabled={over} onEdit={p.onEdit} />
            <DefinitionText definition={run.definition} label="The definition file" />
          </div>
          <div className="pv-plan-box" data-plan-box>
            <h5>The plan: {describePlan(steps)}</h5>
            <PlanList steps={steps} />
            {!over && (
              <button type="button" className="button" onClick={p.onApply}>
                Apply the definition
              </button>
            )}
            {run.applies.length > 0 && (
              <ol className="pv-log" aria-label="Applies so far">
                {run.applies.map((a, i) => (
                  <li key={i}>
                    Apply {i + 1}: {describePlan(a.plan)}; {plural(a.servers, 'server')} after it.
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
        <ServerList
          servers={run.declared}
          wanted={run.definition.count}
          kind="definition"
          caption={`Servers the definition manages: ${run.declared.length}, where it asks for ${run.definition.count}.`}
        />
      </section>

      {(reached('commands') || run.commandRuns > 0) && (
        <section className="pv-step" aria-labelledby="pv-step-commands" data-step="commands">
          <h4 id="pv-step-commands" ref={commandsHeading} tabIndex={-1}>
            Step 2: the same intent as commands
          </h4>
          <p>
            These commands ask for the same {plural(run.definition.count, 'server')}, one step at a time. They say what to do, not what should exist. Run them,
            then run them again.
          </p>
          <CodeBlock label={run.commandRuns < 2 ? 'The commands the script runs next' : 'The commands, if someone ran the script once more'} data="script">
            {script.length ? script.join('\n') : '# nothing: the definition asks for no servers'}
          </CodeBlock>
          {now === 'commands' && (
            <button type="button" className="button" onClick={p.onCommands}>
              Run the commands
            </button>
          )}
          <ServerList
            servers={run.scripted}
            wanted={run.definition.count}
            kind="commands"
            caption={`Servers the commands made: ${run.scripted.length} after ${plural(run.commandRuns, 'run')}, where the definition asks for ${run.definition.count}.`}
          />
        </section>
      )}

      {reached('patch') && (
        <section className="pv-step" aria-labelledby="pv-step-patch" data-step="patch">
          <h4 id="pv-step-patch" ref={patchHeading} tabIndex={-1}>
            Step 3: patch a fleet of {plural(params.fleet, 'server')}
          </h4>
          {run.patch === null ? (
            <div className="pv-choices">
              <div className="pv-choice">
                <button type="button" className="button" aria-describedby="pv-cost-hand" onClick={() => p.onPatch('hand')}>
                  Patch by hand
                </button>
                <span id="pv-cost-hand" data-cost="hand">
                  Log in to each server in turn: {formatMinutes(params.fleet * params.handMinutes)} of work. Each server has a{' '}
                  {Math.round(params.slip * 1000) / 10}% chance of being missed, so expect about {expected} missed.
                </span>
              </div>
              <div className="pv-choice">
                <button type="button" className="button" aria-describedby="pv-cost-definition" onClick={() => p.onPatch('definition')}>
                  Patch through the definition
                </button>
                <span id="pv-cost-definition" data-cost="definition">
                  Change the definition, have it reviewed and let the tool apply it to every server: {formatMinutes(params.reviewMinutes + params.applyMinutes)}
                  .
                </span>
              </div>
            </div>
          ) : (
            <p data-patch-result>
              {run.patch.how === 'hand'
                ? `Patched by hand in ${formatMinutes(run.patch.minutes)}: ${plural(run.patch.missed.length, 'server')} missed, where fleet size times slip rate expects ${expected}.`
                : `Patched through the definition in ${formatMinutes(run.patch.minutes)}: the tool reached every server.`}
            </p>
          )}
          <FleetGrid fleet={params.fleet} missed={run.patch?.missed ?? null} exposed={run.release?.exposed ?? null} />
        </section>
      )}

      {reached('release') && (
        <section className="pv-step" aria-labelledby="pv-step-release" data-step="release">
          <h4 id="pv-step-release" ref={releaseHeading} tabIndex={-1}>
            Step 4: release a colleague’s change
          </h4>
          <p>
            A colleague edits the fleet’s definition and, by mistake, opens the database port {DATABASE_PORT} to the internet. The tool will apply it to all{' '}
            {plural(params.fleet, 'server')} at once. The change:
          </p>
          <ul className="pv-plan" data-colleague-change>
            <li data-op="update">
              <span className="pv-sign" aria-hidden="true">
                ~
              </span>{' '}
              change every fleet server: ports {portWords(run.definition.ports)} to {portWords(bad.ports)}
            </li>
          </ul>
          {run.release === null ? (
            <fieldset className="pv-guards" disabled={over}>
              <legend>Safeguards before it reaches production</legend>
              <label className="choice">
                <input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} />
                Have it reviewed ({formatMinutes(params.reviewMinutes)}; catches the open port {Math.round(params.reviewCatch * 100)}% of the time)
              </label>
              <label className="choice">
                <input type="checkbox" checked={staging} onChange={(e) => setStaging(e.target.checked)} />
                Run it through staging first ({formatMinutes(params.stagingMinutes)}; finds the open port for sure)
              </label>
              <button type="button" className="button" aria-describedby="pv-release-cost" onClick={() => p.onRelease(review, staging)}>
                Release the change
              </button>
              <p id="pv-release-cost" className="muted">
                At most {formatMinutes(releaseMinutes)}, the apply included.
              </p>
            </fieldset>
          ) : (
            <p data-release-result>
              {run.release.caughtBy === 'review'
                ? `Review caught the open port: no server was exposed (${formatMinutes(run.release.minutes)}).`
                : run.release.caughtBy === 'staging'
                  ? `Staging showed the open port, so the change never reached production (${formatMinutes(run.release.minutes)}).`
                  : `The change reached every server: ${plural(run.release.exposed, 'server')} now expose the database port (${formatMinutes(run.release.minutes)}).`}
            </p>
          )}
        </section>
      )}

      {!over && (
        <div className="sim-controls" role="group" aria-label="Run controls">
          <button type="button" className="button secondary" onClick={p.onPlayRest}>
            Play the remaining steps as set up
          </button>
          <button type="button" className="button secondary" onClick={p.onConfigure}>
            Change setup
          </button>
        </div>
      )}
    </section>
  );
}

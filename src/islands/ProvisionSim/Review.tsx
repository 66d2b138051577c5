// The end of a run: headline numbers, the prediction beside what happened, what it means, and the same dice patched and released four ways.
import { useMemo, type RefObject } from 'react';
import { sameDice } from '../../sim-kit/core/model.ts';
import { apply, formatMinutes, model, runCommands, type ProvisionParams } from '../../models/provision/index.ts';
import { provisionParams, type ProvisionValues } from '../../schemas/provision-scenario.ts';
import { provisionOutcome, type ProvisionOutcome } from '../../sims/provision.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { RunStats, CompareTable } from '../../sim-kit/react/SimParts.tsx';

/** The prediction's choices, with the starting definition's own numbers. */
export function predictions(count: number) {
  return [
    { value: 'same', label: `Both leave ${plural(count, 'server')}` },
    { value: 'commands-double', label: `The definition leaves ${count}; the commands leave ${2 * count}` },
    { value: 'both-double', label: `Both leave ${plural(2 * count, 'server')}` },
  ] as const;
}

/** The starting definition applied twice and its commands run twice: the answer to the prediction. */
export function predictionCheck(values: ProvisionValues) {
  const { definition } = provisionParams(values);
  const once = apply([], definition);
  const declared = apply(once, definition).length;
  const scripted = runCommands(runCommands([], definition), definition).length;
  const answer = declared !== scripted ? 'commands-double' : declared === definition.count ? 'same' : 'both-double';
  return { declared, scripted, answer, count: definition.count };
}

/** The same dice (slips and the review's outcome) patched and released four ways, from the same setup. */
export const WAYS: ReadonlyArray<{ label: string; over: Partial<ProvisionParams> }> = [
  { label: 'By hand, no safeguard', over: { patch: 'hand', review: false, staging: false } },
  { label: 'Definition, review only', over: { patch: 'definition', review: true, staging: false } },
  { label: 'Definition, staging only', over: { patch: 'definition', review: false, staging: true } },
  { label: 'Definition, review and staging', over: { patch: 'definition', review: true, staging: true } },
];

export function sameDiceWays(params: ProvisionParams, seed: number): ProvisionOutcome[] {
  const [a, b] = sameDice(model, { ...params, ...WAYS[0]!.over }, { ...params, ...WAYS[1]!.over }, seed);
  const [c, d] = sameDice(model, { ...params, ...WAYS[2]!.over }, { ...params, ...WAYS[3]!.over }, seed);
  return [a, b, c, d].map(provisionOutcome);
}

const CAUGHT = { review: 'review', staging: 'staging' } as const;
const ROWS: Array<[string, (s: ProvisionOutcome) => string]> = [
  ['Patched', (s) => (s.patchedBy === 'definition' ? 'through the definition' : 'by hand')],
  ['Servers the patch missed', (s) => String(s.missed ?? 0)],
  ['Patch time', (s) => formatMinutes(s.patchMinutes ?? 0)],
  ['Bad change stopped by', (s) => (s.caughtBy ? CAUGHT[s.caughtBy] : 'nothing')],
  ['Servers exposing the database port', (s) => String(s.exposed ?? 0)],
  ['Release time', (s) => formatMinutes(s.releaseMinutes ?? 0)],
];

interface Props {
  summary: ProvisionOutcome;
  values: ProvisionValues;
  params: ProvisionParams;
  seed: number;
  prediction: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Review({ summary: s, values, params, seed, prediction, headingRef }: Props) {
  const check = useMemo(() => predictionCheck(values), [values]);
  const ways = useMemo(() => sameDiceWays(params, seed), [params, seed]);
  const guessed = predictions(check.count).find((p) => p.value === prediction);
  const expected = Math.round(s.expectedMissedByHand * 100) / 100;
  const tiles: Array<[string, string, string]> = [
    ['defined', 'Servers from the definition', `${s.declaredServers} (asks for ${s.declaredCount})`],
    ['commands', 'Servers from the commands', String(s.scriptedServers)],
    ['last-plan', 'Last plan', s.lastPlanSteps === 0 ? 'nothing to do' : plural(s.lastPlanSteps ?? 0, 'step')],
    ['missed', 'Servers missed', `${s.missed ?? 0} of ${s.fleet}`],
    ['patch', 'Patch time', formatMinutes(s.patchMinutes ?? 0)],
    ['exposed', 'Database port open on', plural(s.exposed ?? 0, 'server')],
    ['release', 'Release time', formatMinutes(s.releaseMinutes ?? 0)],
  ];
  const columns = [{ label: 'Your run', summary: s }, ...WAYS.map((w, i) => ({ label: w.label, summary: ways[i]! }))];
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        Run over: the definition left {plural(s.declaredServers, 'server')}, the commands {s.scriptedServers}
      </h3>
      <RunStats stats={tiles} tag="tile" />
      {guessed && (
        <p className="sim-prediction" data-prediction={check.answer === prediction ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> {guessed.label.charAt(0).toLowerCase() + guessed.label.slice(1)}. <strong>What happens:</strong> applying the starting
          definition twice leaves {plural(check.declared, 'server')}, and the second plan has nothing to do; running its commands twice leaves{' '}
          {plural(check.scripted, 'server')}.{' '}
          {check.answer === prediction ? 'Your guess was right.' : 'A surprise? Step 2 above shows where the extra servers came from.'}
        </p>
      )}
      <p data-explain>
        The definition describes an end state, so a second run finds nothing to change: it is idempotent, and rerunning it is safe. The commands describe steps,
        so a second run repeats them. By hand, each of the {s.fleet} servers was a chance to slip: fleet size times slip rate expects {expected} missed, and a
        tool applying one definition misses none. The same speed cuts the other way: a bad definition reaches every server at once, which is why changes to it
        get a review and a run through staging before production.
      </p>
      <section className="sim-compare" aria-labelledby="compare-heading">
        <h4 id="compare-heading">Same dice, four ways</h4>
        <p>
          The same slips and the same review (seed {seed}) with the fleet patched and the colleague’s change released four ways. Any gap is the choice, not
          luck.
        </p>
        <CompareTable caption="Your run and four ways, same dice" columns={columns} rows={ROWS} />
      </section>
    </section>
  );
}

// One sim's session on the page: the scenario from the link, the run machine, focus, narration, the saved run with its missions and result code, exports.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { Table } from '../core/export.ts';
import type { Fields, Values } from '../core/fields.ts';
import { missionsWon, type Mission } from '../core/missions.ts';
import { encodeResult, makeNonce, type CodeSpec } from '../core/result-code.ts';
import type { RunContext, RunMachineOptions, Speed } from '../machine/run.machine.ts';
import { useFocusWhen, useNarration } from './hooks.ts';
import { useActor } from './use-actor.ts';
import { useScenario, type ScenarioHook } from './use-scenario.ts';
import { useSimRecord } from './use-sim-record.ts';

/** Everything the session needs to know about one sim; the island adds only its own pictures and controls. */
/** `MV` is the values the missions read, when the model types them itself (a subset of the fields' values); `X` what the link holds besides the fields. */
export interface SimSpec<F extends Fields, P, S, A, Sum, MV = Values<F>, X = undefined> {
  id: string;
  fields: F;
  /** The sim's run machine (createRunMachine over its model) and the run options it was made with. */
  machine: AnyStateMachine;
  run: RunMachineOptions<S, A>;
  params: (values: Values<F>, extra?: X) => P;
  /** For a link that holds more than the fields (withExtra from use-scenario-extra.ts); useScenario otherwise. */
  scenario?: ScenarioHook<F, X>;
  summarize: (run: S) => Sum;
  code: CodeSpec<Values<F>, Sum>;
  missions: ReadonlyArray<Mission<MV, S>>;
  /** The sentence for the live region when the run moves on, or null to stay quiet. */
  narrate: (prev: S, next: S) => string | null;
  /** The flat headline numbers kept in saved progress (and read by the dashboard). */
  saved: (values: Values<F>, run: S) => Record<string, number | string | null>;
  /** The run's main record, for the CSV and the JSON export. */
  table: (run: S) => Table;
}

export type SimPhase = 'configure' | 'running' | 'decision' | 'review';

/** The export code loads on the first export, not with the sim. */
const loadExport = () => Promise.all([import('../core/export.ts'), import('../../lib/download.ts')]);

export const randomUnit = (): number => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

/** `start` gives values the page opens with when its link does not set them. */
export function useSimSession<F extends Fields, P, S, A, Sum, MV, X = undefined>(spec: SimSpec<F, P, S, A, Sum, MV, X>, start: Partial<Values<F>> = {}) {
  const useSimScenario = spec.scenario ?? (useScenario as ScenarioHook<F, X>);
  const { scenario, setScenario, problems, dismissProblems, query, ready, challenge, extra, setExtra } = useSimScenario(spec.fields, start);
  const { seed, values } = scenario;
  // Keyed by content, so a setting that does not reach the model (a comparison's choice) never restarts the run.
  const paramsKey = JSON.stringify(spec.params(values, extra));
  const params = useMemo(() => JSON.parse(paramsKey) as P, [paramsKey]);
  const [snapshot, send, actor] = useActor(spec.machine, { seed, params });
  const context = snapshot.context as RunContext<P, S, A>;
  const { run, log, speed, prediction, finished } = context;
  const record = useSimRecord(spec.id);
  const [pageUrl, setPageUrl] = useState('');
  const [nonce, setNonce] = useState('');
  const [justWon, setJustWon] = useState<string[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const runHeading = useRef<HTMLHeadingElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const phase: SimPhase = snapshot.matches('configure')
    ? 'configure'
    : snapshot.matches('review')
      ? 'review'
      : snapshot.matches('decision')
        ? 'decision'
        : 'running';
  const configuring = phase === 'configure';
  const reviewing = phase === 'review';
  const playing = snapshot.matches({ running: 'playing' });

  // The static fallback steps aside once the island is live; the share panel needs the page's own address.
  useEffect(() => {
    root.current?.closest('.sim-embed')?.classList.add('sim-live');
    setPageUrl(`${window.location.origin}${window.location.pathname}`);
  }, []);

  // The machine follows the scenario; a change after a review goes back to the setup with the new settings.
  useEffect(() => {
    send({ type: 'setup.set', seed, params });
  }, [send, seed, params]);

  // After Start, the run's heading takes focus and scrolls into view, so the counters and controls are on screen on a phone.
  const wasConfiguring = useRef(configuring);
  useEffect(() => {
    if (wasConfiguring.current && !configuring && !reviewing) {
      runHeading.current?.focus({ preventScroll: true });
      runHeading.current?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    }
    wasConfiguring.current = configuring;
  }, [configuring, reviewing]);
  useFocusWhen(reviewing, reviewHeading);

  const announcement = useNarration(run, spec.narrate);
  const summary = useMemo(() => spec.summarize(run), [run, spec]);

  // Each finished run gets its own nonce (so a room of identical runs still counts every learner), and is saved with the missions it won.
  useEffect(() => {
    if (finished === 0) return;
    const fresh = makeNonce(randomUnit);
    setNonce(fresh);
    const won = missionsWon(spec.missions, run, values as unknown as MV);
    setJustWon(won.filter((id) => !record.won[id]));
    record.save(
      { at: new Date().toISOString(), code: encodeResult(spec.code, seed, values, spec.summarize(run), fresh), query, summary: spec.saved(values, run) },
      won,
    );
    // Runs once per finished run: `finished` counts them.
  }, [finished]);

  const code = useMemo(
    () => (reviewing && nonce ? encodeResult(spec.code, seed, values, summary, nonce) : ''),
    [reviewing, nonce, seed, values, summary, spec],
  );

  return {
    simId: spec.id,
    fields: spec.fields,
    scenario,
    setScenario,
    /** Changes some settings, keeping the seed and the rest. */
    setValues: (over: Partial<Values<F>>) => setScenario({ ...scenario, values: { ...values, ...over } }),
    problems,
    dismissProblems,
    query,
    ready,
    challenge,
    seed,
    values,
    extra,
    setExtra,
    params,
    locked: new Set<string>(scenario.locked),
    send: send as (event: { type: string; [key: string]: unknown }) => void,
    /** The live actor, for a shortcut that must read each step's result before sending the next. */
    actor,
    run,
    log,
    speed: speed as Speed,
    prediction,
    phase,
    configuring,
    reviewing,
    deciding: phase === 'decision',
    playing,
    record,
    pageUrl,
    justWon,
    summary,
    code,
    announcement,
    root,
    runHeading,
    reviewHeading,
    /** The sim's model actions, as the learner's clicks send them. */
    act: (action: A) => send({ type: 'sim.act', action }),
    exportJson: async () => {
      const [{ exportRun }, { downloadText }] = await loadExport();
      const envelope = exportRun(spec.id, query, summary, log, spec.table(run));
      downloadText(`${spec.id}-run-seed-${seed}.json`, 'application/json', `${JSON.stringify(envelope, null, 2)}\n`);
    },
    exportCsv: async () => {
      const [{ toCsv }, { downloadText }] = await loadExport();
      downloadText(`${spec.id}-run-seed-${seed}.csv`, 'text/csv', toCsv(spec.table(run)));
    },
  };
}

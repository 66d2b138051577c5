// A sim's scenario in the address bar: read after hydration (so the server render matches), kept canonical, other parameters left alone.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RESERVED, defaultScenario, parseScenario, scenarioToQuery, type Fields, type Problem, type Scenario, type Values } from '../core/fields.ts';

/** The address's query with the scenario's parameters replaced by `query` and every other parameter (such as `present`) kept, in order. */
export function mergeQuery(current: string, query: string, fields: Fields): string {
  const own = new Set<string>([...RESERVED, ...Object.keys(fields)]);
  const kept = [...new URLSearchParams(current)].filter(([name]) => !own.has(name));
  const merged = new URLSearchParams(query);
  for (const [name, value] of kept) merged.append(name, value);
  return merged.toString();
}

export interface ScenarioState<F extends Fields, X = undefined> {
  scenario: Scenario<F>;
  setScenario: (next: Scenario<F>) => void;
  problems: Problem[];
  dismissProblems: () => void;
  /** The canonical query of the scenario (seed, fields, lock). */
  query: string;
  /** Whether the page has hydrated and read the address. */
  ready: boolean;
  /** Whether the scenario's locks came from the link (a challenge): the learner cannot lift them. */
  challenge: boolean;
  /** What the link holds besides the fields, for a sim whose scenario hook reads more (see use-scenario-extra.ts). */
  extra?: X;
  setExtra?: (next: X) => void;
}

/** The hook a session reads its scenario with: this module's useScenario, or one that also reads an extra part of the link. */
export type ScenarioHook<F extends Fields, X = undefined> = (fields: F, start: Partial<Values<F>>) => ScenarioState<F, X>;

/** `start` gives values a page opens with when its link does not set them (the agile lesson opens the handoff sim on its agile preset). */
export function useScenario<F extends Fields>(fields: F, start: Partial<Values<F>> = {}): ScenarioState<F> {
  const [scenario, setScenario] = useState<Scenario<F>>(() => {
    const s = defaultScenario(fields);
    return { ...s, values: { ...s.values, ...start } };
  });
  const startRef = useRef(start);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [ready, setReady] = useState(false);
  const [challenge, setChallenge] = useState(false);
  const query = scenarioToQuery(fields, scenario);
  const fieldsRef = useRef(fields);

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const parsed = parseScenario(fieldsRef.current, query);
    const values = { ...parsed.scenario.values } as Record<string, unknown>;
    for (const [name, value] of Object.entries(startRef.current)) if (!query.has(name) || parsed.problems.some((p) => p.param === name)) values[name] = value;
    setScenario({ ...parsed.scenario, values: values as Values<F> });
    setProblems(parsed.problems);
    setChallenge(parsed.scenario.locked.length > 0);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const url = new URL(window.location.href);
    const next = mergeQuery(url.search, query, fieldsRef.current);
    if (url.search.slice(1) !== next) window.history.replaceState(window.history.state, '', `${url.pathname}?${next}${url.hash}`);
  }, [query, ready]);

  const dismissProblems = useCallback(() => setProblems([]), []);
  return { scenario, setScenario, problems, dismissProblems, query, ready, challenge };
}

// A sim's scenario in the address bar: read after hydration (so the server render matches), kept canonical, other parameters left alone.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RESERVED, defaultScenario, parseScenario, scenarioToQuery, type Fields, type Problem, type Scenario, type Values } from '../core/fields.ts';

/**
 * What a sim's link holds besides its fields (the Conway sim's drawn organisation): its own parameters, read after the
 * fields and written after them in the canonical query. Optional; most sims have none.
 */
export interface ScenarioExtra<F extends Fields, X> {
  /** The URL parameters it owns. */
  params: readonly string[];
  /** Its value before the link is read (and in the server render). */
  initial: X;
  /** Reads it from the link once the fields are read; each problem names its parameter and the fallback. */
  read: (query: URLSearchParams, scenario: Scenario<F>) => { value: X; problems: Problem[] };
  /** Its parameters for the canonical query, given the scenario (none when the scenario does not use it). */
  write: (value: X, scenario: Scenario<F>) => Record<string, string>;
  /** Rows for the share panel's table of parameters. */
  docs: ReadonlyArray<{ param: string; description: string; allowed: string; fallback: string }>;
}

/** The canonical query of a scenario and its extra part. */
export function fullQuery<F extends Fields, X>(fields: F, scenario: Scenario<F>, extra?: ScenarioExtra<F, X>, value?: X): string {
  const query = new URLSearchParams(scenarioToQuery(fields, scenario));
  if (extra) for (const [name, text] of Object.entries(extra.write(value as X, scenario))) query.set(name, text);
  return query.toString();
}

/** The address's query with the scenario's parameters replaced by `query` and every other parameter (such as `present`) kept, in order. */
export function mergeQuery(current: string, query: string, fields: Fields, extraParams: readonly string[] = []): string {
  const own = new Set<string>([...RESERVED, ...Object.keys(fields), ...extraParams]);
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
  /** The link's extra part (undefined for a sim without one). */
  extra: X;
  setExtra: (next: X) => void;
}

/** `start` gives values a page opens with when its link does not set them (the agile lesson opens the handoff sim on its agile preset). */
export function useScenario<F extends Fields, X = undefined>(fields: F, start: Partial<Values<F>> = {}, spec?: ScenarioExtra<F, X>): ScenarioState<F, X> {
  const [scenario, setScenario] = useState<Scenario<F>>(() => {
    const s = defaultScenario(fields);
    return { ...s, values: { ...s.values, ...start } };
  });
  const startRef = useRef(start);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [ready, setReady] = useState(false);
  const [challenge, setChallenge] = useState(false);
  const [extra, setExtra] = useState<X>(spec?.initial as X);
  const query = fullQuery(fields, scenario, spec, extra);
  const fieldsRef = useRef(fields);
  const extraRef = useRef(spec);

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const parsed = parseScenario(fieldsRef.current, query);
    const values = { ...parsed.scenario.values } as Record<string, unknown>;
    for (const [name, value] of Object.entries(startRef.current)) if (!query.has(name) || parsed.problems.some((p) => p.param === name)) values[name] = value;
    const next = { ...parsed.scenario, values: values as Values<F> };
    const more = extraRef.current?.read(query, next);
    setScenario(next);
    if (more) setExtra(more.value);
    setProblems([...parsed.problems, ...(more?.problems ?? [])]);
    setChallenge(parsed.scenario.locked.length > 0);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const url = new URL(window.location.href);
    const next = mergeQuery(url.search, query, fieldsRef.current, extraRef.current?.params);
    if (url.search.slice(1) !== next) window.history.replaceState(window.history.state, '', `${url.pathname}?${next}${url.hash}`);
  }, [query, ready]);

  const dismissProblems = useCallback(() => setProblems([]), []);
  return { scenario, setScenario, problems, dismissProblems, query, ready, challenge, extra, setExtra };
}

// A scenario hook for a sim whose link holds more than its fields (the Conway sim's drawn organisation): useScenario plus that extra part, read, checked and written back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fields, Problem, Scenario, Values } from '../core/fields.ts';
import { useScenario, type ScenarioHook } from './use-scenario.ts';

/** The extra part of a link: its own parameters, how to read them (after the fields) and how to write them (after the fields). */
export interface ScenarioExtra<F extends Fields, X> {
  /** The URL parameters it owns. */
  params: readonly string[];
  /** Its value before the link is read (and in the server render). */
  initial: X;
  /** Reads it from the link once the fields are read; each problem names its parameter and the fallback. */
  read: (query: URLSearchParams, scenario: Scenario<F>) => { value: X; problems: Problem[] };
  /** Its parameters for the canonical query, given the scenario (none when the scenario does not use it). */
  write: (value: X, scenario: Scenario<F>) => Record<string, string>;
  /** What its parameters mean, for the sim to show its instructors (the share panel's table lists the fields only). */
  docs: ReadonlyArray<{ param: string; description: string; allowed: string; fallback: string }>;
}

/** The canonical query of a scenario with its extra part: the fields' query, then the extra parameters. */
export function extraQuery<F extends Fields, X>(fieldsQuery: string, extra: ScenarioExtra<F, X>, value: X, scenario: Scenario<F>): string {
  const query = new URLSearchParams(fieldsQuery);
  for (const name of extra.params) query.delete(name);
  for (const [name, text] of Object.entries(extra.write(value, scenario))) query.set(name, text);
  return query.toString();
}

/** The address's query with the extra parameters set from `own` (and removed when `own` lacks them), every other parameter kept in place. */
export function mergeExtra(current: string, own: Record<string, string>, params: readonly string[]): string {
  const query = new URLSearchParams(current);
  for (const name of params) {
    if (name in own) query.set(name, own[name]!);
    else query.delete(name);
  }
  return query.toString();
}

/** Builds the scenario hook a sim spec passes to the session: the fields as useScenario reads them, then the extra part. */
export function withExtra<F extends Fields, X>(extra: ScenarioExtra<F, X>): ScenarioHook<F, X> {
  return function useScenarioWithExtra(fields: F, start: Partial<Values<F>>) {
    const base = useScenario(fields, start);
    const [value, setValue] = useState<X>(extra.initial);
    const [problems, setProblems] = useState<Problem[]>([]);
    const read = useRef(false);
    // Read once, after useScenario has read the fields (its `ready` turns true in the same commit).
    useEffect(() => {
      if (!base.ready || read.current) return;
      read.current = true;
      const got = extra.read(new URLSearchParams(window.location.search), base.scenario);
      setValue(got.value);
      setProblems(got.problems);
    }, [base.ready, base.scenario]);
    const own = extra.write(value, base.scenario);
    const ownKey = JSON.stringify(own);
    // After useScenario writes the fields into the address, write the extra parameters beside them.
    useEffect(() => {
      if (!base.ready || !read.current) return;
      const url = new URL(window.location.href);
      const next = mergeExtra(url.search, JSON.parse(ownKey) as Record<string, string>, extra.params);
      if (url.search.slice(1) !== next) window.history.replaceState(window.history.state, '', `${url.pathname}?${next}${url.hash}`);
    }, [ownKey, base.query, base.ready]);
    const { dismissProblems } = base;
    const dismiss = useCallback(() => {
      dismissProblems();
      setProblems([]);
    }, [dismissProblems]);
    return {
      ...base,
      problems: [...base.problems, ...problems],
      dismissProblems: dismiss,
      query: extraQuery(base.query, extra, value, base.scenario),
      extra: value,
      setExtra: setValue,
    };
  };
}

// The Conway run's per-feature record, for CSV export and as the text alternative of its drawing; and the architecture as rows.
import { architecture } from './model.ts';
import { teamNames } from './org.ts';
import type { ConwayState } from './types.ts';

const round = (n: number) => Math.round(n * 100) / 100;

/** One row per built feature: its area, the teams it needed, waiting and lead time, seams and incidents. */
export function table(state: ConwayState): { columns: string[]; rows: Array<Array<string | number>> } {
  const columns = [
    'feature',
    'area',
    'calls another area',
    'teams',
    'team names',
    'waiting (days)',
    'lead time (days)',
    'seams',
    'dev-ops incidents',
    'other incidents',
  ];
  const rows = state.features.slice(0, state.built).map((f) => {
    const b = f.built!;
    const names = teamNames(state.orgs[b.generation]!);
    const incidents = b.seams.filter((s) => s.incident);
    return [
      f.id + 1,
      f.domain,
      f.cross ?? 'no',
      b.teams,
      [...new Set(Object.values(b.builders))].map((t) => names[t]).join(' + '),
      round(b.delayDays),
      round(b.leadDays),
      b.seams.length,
      incidents.filter((s) => s.devops).length,
      incidents.filter((s) => !s.devops).length,
    ];
  });
  return { columns, rows };
}

/** The architecture as two lists a screen reader can walk: modules with their components, and the edges between them. */
export function architectureTable(state: ConwayState): { modules: Array<Array<string | number>>; edges: Array<Array<string | number>> } {
  const { modules, edges } = architecture(state);
  const name = new Map(modules.map((m) => [m.id, m.name]));
  return {
    modules: modules.map((m) => [m.name, m.team === null ? 'no current team' : 'owned', m.components.join(' + ')]),
    edges: edges.map((e) => [name.get(e.a)!, name.get(e.b)!, e.talk, e.crossings, e.incidents]),
  };
}

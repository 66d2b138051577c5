// The provisioning run's record, one row per server in each of its three worlds, for CSV export and the tiles' text alternative.
import { fleetName } from './narrate.ts';
import { DATABASE_PORT, type ProvisionState } from './types.ts';

export function table(state: ProvisionState): { columns: string[]; rows: Array<Array<string | number>> } {
  const missed = new Set(state.patch?.missed ?? []);
  const exposed = (state.release?.exposed ?? 0) > 0;
  return {
    columns: ['made by', 'server', 'size', 'ports', 'patched', 'database port open'],
    rows: [
      ...state.declared.map((s) => ['definition', s.name, s.size, s.ports.join(' '), 'n/a', s.ports.includes(DATABASE_PORT) ? 'yes' : 'no']),
      ...state.scripted.map((s) => ['commands', s.name, s.size, s.ports.join(' '), 'n/a', s.ports.includes(DATABASE_PORT) ? 'yes' : 'no']),
      ...Array.from({ length: state.params.fleet }, (_, i) => [
        'fleet',
        fleetName(i),
        'n/a',
        'n/a',
        state.patch === null ? 'not yet' : missed.has(i) ? 'missed' : 'yes',
        exposed ? 'yes' : 'no',
      ]),
    ],
  };
}

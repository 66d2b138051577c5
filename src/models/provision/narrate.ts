// Turns one step of a provisioning run into sentences for the live region: plans, command runs, the patch, the release and the end.
import { isOver } from './model.ts';
import { DATABASE_PORT, type PlanStep, type ProvisionState } from './types.ts';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function formatMinutes(m: number): string {
  const whole = Math.round(m);
  if (whole < 60) return plural(whole, 'minute');
  const h = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}

/** A fleet server's name: app-1, app-2, ... (the sandbox's servers are web-1, web-2, ...). */
export const fleetName = (index: number) => `app-${index + 1}`;

/** A plan in one sentence: "3 to create, 1 to change, 0 to delete", or that there is nothing to do. */
export function describePlan(steps: readonly PlanStep[]): string {
  if (steps.length === 0) return 'nothing to do: the servers already match the definition';
  const n = (op: PlanStep['op']) => steps.filter((s) => s.op === op).length;
  return `${n('create')} to create, ${n('update')} to change, ${n('delete')} to delete`;
}

function names(indices: readonly number[]): string {
  const shown = indices.slice(0, 5).map(fleetName).join(', ');
  return indices.length > 5 ? `${shown} and ${indices.length - 5} more` : shown;
}

/** What happened between two states, in words, or null when nothing worth announcing did. */
export function narrate(prev: ProvisionState, next: ProvisionState): string | null {
  const parts: string[] = [];
  for (const a of next.applies.slice(prev.applies.length))
    parts.push(`Plan: ${describePlan(a.plan)}.${a.plan.length ? ` Applied: ${plural(a.servers, 'server')} now.` : ''}`);
  if (next.commandRuns > prev.commandRuns) {
    const made = next.scripted.length - prev.scripted.length;
    parts.push(
      `The commands ran again from the top: ${plural(made, 'new server')}, ${plural(next.scripted.length, 'server')} in all, where the definition asks for ${next.definition.count}.`,
    );
  }
  if (next.definition !== prev.definition && next.definition.ports.includes(DATABASE_PORT) && !prev.definition.ports.includes(DATABASE_PORT))
    parts.push(`The definition now opens the database port ${DATABASE_PORT} to the internet.`);
  if (!prev.patch && next.patch) {
    const p = next.patch;
    const fleet = next.params.fleet;
    parts.push(
      p.how === 'hand'
        ? `Patched ${plural(fleet, 'server')} by hand in ${formatMinutes(p.minutes)}: ${p.missed.length ? `${plural(p.missed.length, 'server')} missed (${names(p.missed)})` : 'none missed this time'}.`
        : `Patched all ${plural(fleet, 'server')} through the reviewed definition in ${formatMinutes(p.minutes)}: none missed.`,
    );
  }
  if (!prev.release && next.release) {
    const r = next.release;
    parts.push(
      r.caughtBy === 'review'
        ? 'Review caught the open database port before it reached a single server.'
        : r.caughtBy === 'staging'
          ? 'The staging run showed the database port open, so the change never reached production.'
          : `The change reached every server: ${plural(r.exposed, 'server')} now expose the database port.`,
    );
  }
  if (!isOver(prev) && isOver(next)) parts.push('All four steps are done.');
  return parts.length ? parts.join(' ') : null;
}

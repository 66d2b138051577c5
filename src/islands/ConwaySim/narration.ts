// The Conway island's saved summary and its quiet narration: one feature told as the model tells it, a jump over many in one short sentence.
import { plural } from '../../sim-kit/core/words.ts';
import { isOver, narrate, summarize, type ConwayState } from '../../models/conway/index.ts';
import type { ConwayValues } from '../../schemas/conway-scenario.ts';

const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** The flat summary kept in saved progress. */
export function savedSummary(values: ConwayValues, run: ConwayState) {
  const s = summarize(run);
  return {
    org: values.org,
    features: s.features,
    teamsPerFeature: r2(s.teamsPerFeature),
    delayDays: r2(s.delayDays),
    leadDays: r2(s.leadDays),
    incidents: s.incidents,
    devopsIncidents: s.devopsIncidents,
    modules: s.modules,
    verticalShare: r2(s.verticalShare),
    reorganisations: s.reorganisations,
  };
}

/** The model's sentence for one feature or a reorganisation; a jump over many features is told in one short sentence, not feature by feature. */
export function narrateConway(prev: ConwayState, next: ConwayState): string | null {
  if (next.built < prev.built || next.features.length !== prev.features.length) return null;
  if (next.built - prev.built <= 1) return narrate(prev, next);
  const built = next.features.slice(prev.built, next.built).map((f) => f.built!);
  const incidents = built.flatMap((b) => b.seams).filter((s) => s.incident);
  const devops = incidents.filter((s) => s.devops).length;
  let text = `Built features ${prev.built + 1} to ${next.built}: ${plural(incidents.length, 'incident')}, ${devops} at the dev-ops seam.`;
  if (isOver(next)) {
    const s = summarize(next);
    text += ` All ${plural(s.features, 'feature')} built: ${Math.round((s.teamsPerFeature ?? 0) * 10) / 10} teams per feature on average, ${plural(s.incidents, 'incident')}, ${s.devopsIncidents} at the dev-ops seam.`;
  }
  return text;
}

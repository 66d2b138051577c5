// Pure wording for the Conway island once a run starts: the architecture in sentences and cells (the picture's text alternative), seams, and the answer to the prediction.
import { runToEnd } from '../../sim-kit/core/model.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { architecture, DOMAIN_WORDS, DOMAINS, LAYERS, model, summarize, type ConwayState, type Layer } from '../../models/conway/index.ts';
import { conwayParams, type ConwayValues } from '../../schemas/conway-scenario.ts';

export const LAYER_WORDS: Readonly<Record<Layer, string>> = { ui: 'Screens', service: 'Service', data: 'Data', run: 'Running' };
/** A seam between two modules, by how their teams talk. */
export const SEAM_WORDS = {
  daily: 'an interface; the teams talk every day',
  tickets: 'an interface; the teams talk through tickets',
  none: 'no conversation; the teams do not talk',
  orphaned: 'one side is code left by an earlier organisation',
} as const;

/** Who owns each part of the system now, by product area and layer (null: not built yet), for the picture and its table. */
export function ownerGrid(
  state: ConwayState,
): Array<{ domain: string; cells: Array<{ layer: Layer; module: string | null; name: string | null; legacy: boolean }> }> {
  const { modules } = architecture(state);
  const byComponent = new Map(modules.flatMap((m) => m.components.map((c) => [c, m] as const)));
  return DOMAINS.map((d) => ({
    domain: DOMAIN_WORDS[d],
    cells: LAYERS.map((layer) => {
      const m = byComponent.get(`${d}.${layer}`);
      return { layer, module: m?.id ?? null, name: m ? m.name.replace(' (earlier organisation)', '') : null, legacy: m ? m.team === null : false };
    }),
  }));
}

/** The architecture in a sentence: how many modules, and which serve one product area or one layer. */
export function describeArchitecture(state: ConwayState): string {
  const s = summarize(state);
  if (s.modules === 0) return 'Nothing is built yet: the system takes shape as features are built.';
  const share = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`;
  let text = `The system has ${plural(s.modules, 'module')}, one per team that built it. ${share(s.verticalShare)} of it sits in modules that serve one product area, ${share(s.horizontalShare)} in modules that hold one layer.`;
  if (s.legacyModules)
    text += ` ${plural(s.legacyModules, 'module')} still ${s.legacyModules === 1 ? 'belongs' : 'belong'} to teams of an earlier organisation.`;
  return text;
}

/** The prediction's answer on the learner's dice: where incidents start with the default organisation (operations apart, through tickets). */
export function predictionCheck(values: ConwayValues, seed: number) {
  const s = summarize(runToEnd(model, conwayParams({ ...values, org: 'dev-and-ops' }), seed));
  const answer = s.devopsIncidents > 2 * s.otherIncidents ? 'devops' : s.otherIncidents > 2 * s.devopsIncidents ? 'product' : 'even';
  return { devops: s.devopsIncidents, other: s.otherIncidents, answer };
}

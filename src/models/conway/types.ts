// Types of the Conway model: its parameters, the features it draws, what building each one took, and the growing architecture.
import type { Domain, Org, Talk } from './org.ts';

/** The layers of every product area; each needs one skill to build (ui: front end, service: back end, data: data, run: operations). */
export type Layer = 'ui' | 'service' | 'data' | 'run';
/** A component of the system: one layer of one product area, such as `photos.run`. */
export type ComponentId = `${Domain}.${Layer}`;
/** The places two components of one feature meet; the ones with `run` are the dev-ops seams. */
export type Slot = 'ui-service' | 'service-data' | 'service-cross' | 'ui-run' | 'service-run' | 'data-run';

export interface ConwayParams {
  /** The organisation at the start. */
  org: Org;
  /** Features built in a run. */
  features: number;
  /** Chance that a feature needs screen work (its area's ui). */
  uiShare: number;
  /** Chance that a feature needs data work (its area's data). */
  dataShare: number;
  /** Chance that a feature also calls another area's service. */
  crossShare: number;
  /** Chance that a seam produces an incident, by how the people on either side talk. */
  incidentRate: Readonly<Record<Talk, number>>;
  /** Features it takes a settled component to change hands after a reorganisation (its owner's hold, at most). */
  settle: number;
}

/** A feature as drawn up front from the seed: the same whatever the organisation. */
export interface FeatureDraw {
  id: number;
  domain: Domain;
  ui: boolean;
  data: boolean;
  /** Another area whose service the feature calls, or null. */
  cross: Domain | null;
  /** Days of work on each layer, drawn for every layer whether needed or not (so shapes never shift dice). */
  work: Readonly<Record<Layer | 'cross', number>>;
  /** One uniform draw per slot: an incident happens there when it is below the seam's rate. */
  luck: Readonly<Record<Slot, number>>;
  /** Which kind of incident a slot would produce (an index into the kinds for that slot). */
  kind: Readonly<Record<Slot, number>>;
}

export interface Seam {
  slot: Slot;
  a: ComponentId;
  b: ComponentId;
  /** Whether one side is the run layer: the seam between development and operations. */
  devops: boolean;
  talk: Talk;
  /** The incident it produced, in words, or null. */
  incident: string | null;
}

/** What building a feature took, filled in when it is built. */
export interface Built {
  /** The team (index in the organisation of the time) that built each component the feature touched. */
  builders: Partial<Record<ComponentId, number>>;
  /** The organisation generation it was built under (0 before any reorganisation). */
  generation: number;
  /** Distinct teams needed. */
  teams: number;
  /** Days spent waiting on other teams. */
  delayDays: number;
  /** Days of work plus waiting. */
  leadDays: number;
  seams: Seam[];
}

export interface Feature extends FeatureDraw {
  built: Built | null;
}

/** Who owns a component's code: a team of some generation of the organisation, and how firmly (features of hold). */
export interface Owner {
  generation: number;
  team: number;
  hold: number;
}

export interface ConwayState {
  params: ConwayParams;
  /** The organisation now. */
  org: Org;
  /** Every organisation so far, the current one last (index = generation). */
  orgs: Org[];
  /** Features built before each reorganisation, in order. */
  reorganisedAt: number[];
  features: Feature[];
  /** How many features have been built. */
  built: number;
  owners: Partial<Record<ComponentId, Owner>>;
}

/** `feature`: build the next feature. `reorganise`: from the next feature on, people work in a new organisation. */
export type ConwayAction = { type: 'feature' } | { type: 'reorganise'; org: Org };

export interface ConwaySummary {
  [key: string]: number | null;
  features: number;
  /** Mean distinct teams per feature. */
  teamsPerFeature: number | null;
  /** Mean days waiting on other teams per feature. */
  delayDays: number | null;
  /** Mean days from start to done per feature. */
  leadDays: number | null;
  incidents: number;
  /** Incidents at seams between development and operations. */
  devopsIncidents: number;
  otherIncidents: number;
  /** Seams crossed by features, and how many had no conversation across them. */
  seams: number;
  silentSeams: number;
  silentIncidents: number;
  /** Modules in the architecture now, and how many belong to no team of the current organisation. */
  modules: number;
  legacyModules: number;
  /** Share of built components sitting in modules that hold one product area only (null before any is built). */
  verticalShare: number | null;
  /** Share of built components sitting in modules that hold one layer only. */
  horizontalShare: number | null;
  reorganisations: number;
}

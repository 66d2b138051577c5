// The provisioning model's public surface.
export * from './types.ts';
export * from './model.ts';
export { narrate, describePlan, fleetName, formatMinutes } from './narrate.ts';
export { table } from './table.ts';
export { MISSIONS } from './missions.ts';
export { ASSUMPTIONS, SOURCES } from './assumptions.ts';
export { sweep, expectedNumbers, type ProvisionSweepRow, type ProvisionFigures } from './sweep.ts';

// The configuration-drift model's public surface.
export * from './types.ts';
export * from './model.ts';
export { narrate, formatMinutes } from './narrate.ts';
export { table } from './table.ts';
export { MISSIONS } from './missions.ts';
export { ASSUMPTIONS, SOURCES } from './assumptions.ts';
export { sweep, expectedNumbers, type DriftSweepRow, type PolicyFigures } from './sweep.ts';

// The test-portfolio model's public surface.
export * from './types.ts';
export * from './model.ts';
export { narrate } from './narrate.ts';
export { table } from './table.ts';
export { MISSIONS } from './missions.ts';
export { ASSUMPTIONS, SOURCES } from './assumptions.ts';
export { sweep, withUnitShare, expectedNumbers, type TestsSweepRow, type PortfolioFigures } from './sweep.ts';

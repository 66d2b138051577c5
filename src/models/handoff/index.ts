// The handoff-pipeline model's public surface.
export * from './types.ts';
export * from './model.ts';
export * from './metrics.ts';
export * from './analysis.ts';
export * from './missions.ts';
export * from './narrate.ts';
export * from './table.ts';
export * from './assumptions.ts';

// The metrics dashboard's public surface.
export * from './types.ts';
export * from './model.ts';
export * from './sample.ts';
export * from './missions.ts';
export * from './assumptions.ts';
export * from './expected.ts';

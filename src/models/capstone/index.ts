// The capstone model's public surface.
export * from './types.ts';
export * from './levers.ts';
export * from './model.ts';
export * from './missions.ts';
export * from './narrate.ts';
export * from './table.ts';
export * from './assumptions.ts';
export * from './expected.ts';
export * from './code.ts';

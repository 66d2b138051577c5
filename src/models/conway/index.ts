// The Conway model's public surface.
export * from './types.ts';
export * from './org.ts';
export * from './model.ts';
export * from './missions.ts';
export * from './narrate.ts';
export * from './table.ts';
export * from './assumptions.ts';
export * from './sweep.ts';

// The batch-size model's public surface.
export * from './types.ts';
export * from './model.ts';
export * from './metrics.ts';
export * from './risk.ts';
export * from './narrate.ts';
export * from './table.ts';
export * from './advice.ts';
export * from './missions.ts';
export * from './sweep.ts';

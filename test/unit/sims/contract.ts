// The contract every sim keeps, as one reusable suite: determinism, replay equals the log, a reachable end, and a golden default run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionsToEnd, replay, runToEnd, type SimModel } from '../../../src/sim-kit/core/model.ts';
import { defaultValues, type Fields, type Values } from '../../../src/sim-kit/core/fields.ts';

export interface ContractSubject<F extends Fields, P, S, A> {
  name: string;
  fields: F;
  toParams: (values: Values<F>) => P;
  model: SimModel<P, S, A>;
  /** Most actions a run may take before it must have ended. */
  maxActions: number;
  /** Settings to vary (each a partial of the values) so the contract is checked beyond the defaults. */
  variants?: Array<Partial<Values<F>>>;
}

/** Declares the contract's tests for one sim's model. */
export function modelContract<F extends Fields, P, S, A>(s: ContractSubject<F, P, S, A>): void {
  const settings = [{}, ...(s.variants ?? [])].map((over) => s.toParams({ ...defaultValues(s.fields), ...over }));
  describe(`the ${s.name} model keeps the sim contract`, () => {
    it('gives the same end for the same seed and settings', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...settings), (seed, params) => {
          expect(runToEnd(s.model, params, seed)).toEqual(runToEnd(s.model, params, seed));
        }),
        { numRuns: 12 },
      );
    });

    it('reaches its end within a bounded number of actions, and a replay of its log gives the same state', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...settings), (seed, params) => {
          const start = s.model.init(params, seed);
          const log = actionsToEnd(s.model, start, s.maxActions);
          const end = replay(s.model, params, seed, log);
          expect(s.model.isOver(end)).toBe(true);
          expect(end).toEqual(runToEnd(s.model, params, seed));
        }),
        { numRuns: 12 },
      );
    });

    it('does not change the state when the run is over and the clock is asked to move on', () => {
      const params = settings[0]!;
      const end = runToEnd(s.model, params, 2026);
      const tick = actionsToEnd(s.model, s.model.init(params, 2026), s.maxActions)[0];
      if (tick !== undefined) expect(s.model.step(end, tick)).toEqual(end);
    });
  });
}

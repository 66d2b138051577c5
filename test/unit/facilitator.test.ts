// Tests for the facilitator guides' workshop parts: 15-minute versions that add up, cut notes, and scenario links the simulations accept.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { facilitatorGuideSchema } from '../../src/schemas/lesson.ts';
import { parseScenario, type Fields } from '../../src/sim-kit/core/fields.ts';
import { SIMS } from '../../src/sims/registry.ts';
import { batchFields } from '../../src/schemas/batch-scenario.ts';
import { driftFields } from '../../src/schemas/drift-scenario.ts';
import { handoffFields } from '../../src/schemas/handoff-scenario.ts';

const dir = join(import.meta.dirname, '../../content/facilitator');
const guides = readdirSync(dir).map((f) => ({ slug: basename(f, '.yaml'), guide: facilitatorGuideSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))) }));
const fieldsOf: Record<string, Fields> = { batch: batchFields, drift: driftFields, handoff: handoffFields };

describe('the facilitator guides', () => {
  it('each have a 15-minute version whose steps add up to 15 minutes, and notes on what to cut', () => {
    expect(guides).toHaveLength(13);
    for (const { slug, guide } of guides) {
      expect(
        guide.short.steps.reduce((sum, s) => sum + s.minutes, 0),
        slug,
      ).toBe(15);
      expect(guide.short.cut.length, slug).toBeGreaterThan(0);
    }
  });

  it('refuses a short version that does not add up to 15 minutes, saying so', () => {
    const { guide } = guides[0]!;
    const result = facilitatorGuideSchema.safeParse({
      ...guide,
      short: { ...guide.short, steps: [...guide.short.steps, { minutes: 5, what: 'One more step than there is time for.' }] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the steps of the short version add up to 15 minutes');
  });

  it('give scenario links exactly for the lessons with a playable simulation, and every parameter is one that simulation accepts', () => {
    const withSim = new Map(SIMS.flatMap((sim) => sim.lessons.map((lesson) => [lesson, sim.id] as const)));
    for (const { slug, guide } of guides) {
      const simId = withSim.get(slug);
      expect(Boolean(guide.scenarios?.length), `${slug} has scenario links`).toBe(simId !== undefined && simId in fieldsOf);
      for (const s of guide.scenarios ?? []) {
        const { problems } = parseScenario(fieldsOf[simId!]!, s.query);
        expect(problems, `${slug}: ${s.label}`).toEqual([]);
      }
    }
  });

  it('send the two halves of a room to the same seed, so that only the setting differs', () => {
    for (const { slug, guide } of guides) {
      const seeds = new Set((guide.scenarios ?? []).map((s) => new URLSearchParams(s.query).get('seed')));
      if (guide.scenarios) expect([...seeds], slug).toHaveLength(1);
    }
  });
});

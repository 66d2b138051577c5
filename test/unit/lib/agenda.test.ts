// Tests for workshop agendas: order, breaks, lunch, clock times and whether the plan fits.
import { describe, expect, it } from 'vitest';
import { clockTime, planAgenda, type AgendaLesson } from '../../../src/lib/agenda.ts';

const lesson = (slug: string, total = 30): AgendaLesson => ({ slug, title: slug, reading: 10, activity: total - 20, debrief: 10 });

describe('a workshop agenda', () => {
  it('opens, runs the lessons in order, and closes', () => {
    const agenda = planAgenda([lesson('a'), lesson('b')], '90min');
    expect(agenda.items.map((i) => i.kind)).toEqual(['opening', 'lesson', 'lesson', 'close']);
    expect(agenda.items.map((i) => i.start)).toEqual([0, 10, 40, 70]);
    expect(agenda.used).toBe(80);
    expect(agenda.slack).toBe(10);
  });

  it('puts a break between lessons once about 90 minutes have run, never inside a lesson', () => {
    const agenda = planAgenda([lesson('a', 40), lesson('b', 40), lesson('c', 40), lesson('d', 40)], 'half-day');
    expect(agenda.items.map((i) => i.kind)).toEqual(['opening', 'lesson', 'lesson', 'break', 'lesson', 'lesson', 'close']);
    expect(agenda.items.find((i) => i.kind === 'break')?.minutes).toBe(15);
  });

  it('gives a full day a lunch near the middle', () => {
    const agenda = planAgenda(
      Array.from({ length: 10 }, (_, i) => lesson(`l${i}`, 35)),
      'full-day',
    );
    const lunch = agenda.items.find((i) => i.kind === 'lunch')!;
    expect(lunch.start).toBeGreaterThanOrEqual(180);
    expect(lunch.start).toBeLessThanOrEqual(240);
    expect(agenda.items.filter((i) => i.kind === 'lunch')).toHaveLength(1);
  });

  it('says by how much a plan runs over', () => {
    const agenda = planAgenda([lesson('a', 45), lesson('b', 45)], '90min');
    expect(agenda.slack).toBe(-20);
  });

  it('turns minutes into clock times from a start time', () => {
    expect(clockTime('09:00', 95)).toBe('10:35');
    expect(clockTime('23:30', 45)).toBe('00:15');
    expect(clockTime('nonsense', 0)).toBe('09:00');
  });
});

// Checks every figure the waterfall and agile lessons and their facilitator guides state about the handoff sim against the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectedNumbers, type Expected } from '../../src/models/handoff/index.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const waterfall = read('content/lessons/01-origins/02-waterfall.mdx');
const agile = read('content/lessons/01-origins/03-agile.mdx');
const guide = (name: string) => (parse(read(`content/facilitator/${name}.yaml`)) as { expected: string[] }).expected.join('\n');
const expected = expectedNumbers();

/** The numbers in one row of the waterfall lesson's table, in column order. */
function row(label: string): number[] {
  const line = waterfall.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`content/lessons/01-origins/02-waterfall.mdx: no table row for “${label}”`);
  return [...line.slice(label.length + 3).matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]));
}

/** The first number after `phrase` in `text` (the phrase is matched literally), or fails naming the phrase. */
function after(text: string, phrase: string): number {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`no “${phrase}” in the text`);
  return Number(/\d+(\.\d+)?/.exec(text.slice(at + phrase.length))![0]);
}

const ROWS: Array<[string, keyof typeof expected]> = [
  ['Waterfall', 'waterfall'],
  ['Waterfall, every team twice as fast', 'waterfallTwiceAsFast'],
  ['Waterfall, one item per handoff', 'waterfallOneAtATime'],
  ['Agile', 'agile'],
  ['DevOps', 'devops'],
];
const columns = (e: Expected) => [e.leadMedian, e.leadP25, e.leadP75, e.firstLiveDay, e.firstFeedbackDay, e.flowEfficiency, e.reworkLaps, e.doorPeak];

describe('the waterfall lesson’s table of the handoff sim’s averages', () => {
  for (const [label, key] of ROWS) {
    it(`gives the model’s figures for “${label}”`, () => {
      expect(row(label)).toEqual(columns(expected[key]));
    });
  }

  it('holds the lesson’s headline: one item per handoff beats every team twice as fast on lead time', () => {
    expect(expected.waterfallOneAtATime.leadMedian).toBeLessThan(expected.waterfallTwiceAsFast.leadMedian / 1.5);
  });
});

describe('the agile lesson’s figures about the handoff sim', () => {
  it('quotes the agile door peak and first feedback, and DevOps’s first feedback, as the model gives them', () => {
    expect(after(agile, 'peaks at')).toBe(expected.agile.doorPeak);
    expect(after(agile, 'comes back on day')).toBe(expected.agile.firstFeedbackDay);
    expect(after(agile, 'against day')).toBe(expected.devops.firstFeedbackDay);
  });
});

describe('the facilitator guides’ expected numbers', () => {
  it('waterfall: lead times, flow efficiency, first feedback and rework laps are the model’s', () => {
    const text = guide('waterfall');
    expect(after(text, 'waterfall’s median lead time is'.replace('’', "'"))).toBe(expected.waterfall.leadMedian);
    expect(after(text, 'flow efficiency of')).toBe(expected.waterfall.flowEfficiency);
    expect(after(text, 'Every team twice as fast brings it to')).toBe(expected.waterfallTwiceAsFast.leadMedian);
    expect(after(text, 'one item at a time brings it to')).toBe(expected.waterfallOneAtATime.leadMedian);
    expect(after(text, 'first production feedback comes back on day')).toBe(expected.waterfall.firstFeedbackDay);
    expect(after(text, 'against day')).toBe(expected.waterfallOneAtATime.firstFeedbackDay);
    expect(after(text, 'and day')).toBe(expected.devops.firstFeedbackDay);
    expect(after(text, 'waterfall averages')).toBe(expected.waterfall.reworkLaps);
  });

  it('agile: lead time, the pile at the door and first feedback, beside DevOps, are the model’s', () => {
    const text = guide('agile');
    expect(after(text, 'the median lead time is')).toBe(expected.agile.leadMedian);
    expect(after(text, 'peaks at')).toBe(expected.agile.doorPeak);
    expect(after(text, 'comes back on day')).toBe(expected.agile.firstFeedbackDay);
    expect(after(text, 'DevOps on the same settings gives')).toBe(expected.devops.leadMedian);
    expect(after(text, 'a peak of')).toBe(expected.devops.doorPeak);
    expect(after(text, 'and day')).toBe(expected.devops.firstFeedbackDay);
  });
});

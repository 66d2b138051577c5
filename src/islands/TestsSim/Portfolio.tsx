// The portfolio being set up: the shape picker, the four custom shares with their running total, and what the effort buys at each level, drawn as a pyramid.
import { HOURS_PER_TEST, LEVELS, RUN_MINUTES, levelName, suiteMinutes, testCounts, type Level, type PerLevel } from '../../models/tests/index.ts';
import { PRESETS, sharePercents, sharesMessage, testsFields, type TestsValues } from '../../schemas/tests-scenario.ts';
import { testsSimParams } from '../../sims/tests.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { FieldInput } from '../../sim-kit/react/FieldInput.tsx';

/** The field holding each level's custom share. */
export const SHARE_FIELD: PerLevel<'unit' | 'integ' | 'ui' | 'system'> = { unit: 'unit', integration: 'integ', ui: 'ui', system: 'system' };

/** A level's bar, centred, in percent of the full width: its share, drawn at least 1% wide so an empty level still shows. */
function bar(share: number): { x: number; width: number } {
  const width = Math.max(1, share * 100);
  return { x: (100 - width) / 2, width };
}

/** Minutes as "20 s" under a minute, else "1.5 min". */
export function shortMinutes(m: number): string {
  return m < 1 ? `${Math.round(m * 60)} s` : `${Math.round(m * 10) / 10} min`;
}

/** The shape as tiers, system on top: each tier's width is its share of the effort, with the tests it buys and their run time in words. */
export function PortfolioShape({ shares, tests, caption }: { shares: PerLevel<number>; tests: PerLevel<number>; caption: string }) {
  const top: Level[] = [...LEVELS].reverse();
  return (
    <figure className="portfolio" data-portfolio>
      <figcaption>{caption}</figcaption>
      <ul>
        {top.map((level) => (
          <li key={level} data-level={level}>
            <span className="tier-words">
              <strong>{levelName(level)[0]!.toUpperCase() + levelName(level).slice(1)}</strong>: {Math.round(shares[level] * 100)}%,{' '}
              {plural(tests[level], 'test')}, {shortMinutes(tests[level] * RUN_MINUTES[level])} a run
            </span>
            {/* An SVG bar, not a styled width: the server render then needs no style attribute, which the CSP would have to hash. */}
            <svg className="tier-bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
              <rect className={`tier tier-${level}`} {...bar(shares[level])} height="1" />
            </svg>
          </li>
        ))}
      </ul>
    </figure>
  );
}

interface Props {
  values: TestsValues;
  locked: ReadonlySet<string>;
  setValues: (over: Partial<TestsValues>) => void;
}

export function Portfolio({ values, locked, setValues }: Props) {
  const problem = sharesMessage(values);
  const params = testsSimParams(values);
  const tests = testCounts(params);
  const percents = sharePercents(values);
  const total = percents.unit + percents.integration + percents.ui + percents.system;
  const pick = (preset: unknown) => {
    // Switching to your own shares starts them from the shape on screen, so one slider move is a small change.
    if (preset === 'custom' && values.preset !== 'custom' && sharesMessage(values) === null) {
      const from = PRESETS[values.preset];
      setValues({ preset: 'custom', unit: from.unit, integ: from.integration, ui: from.ui, system: from.system });
    } else setValues({ preset: preset as TestsValues['preset'] });
  };
  return (
    <div className="portfolio-setup">
      <FieldInput name="preset" field={testsFields.preset} value={values.preset} locked={locked.has('preset')} onChange={pick} />
      {values.preset === 'custom' && (
        <fieldset className="shares" data-field="shares">
          <legend>Your own shares of the {values.effort} hours</legend>
          <div className="setup-grid">
            {LEVELS.map((level) => {
              const name = SHARE_FIELD[level];
              return (
                <FieldInput
                  key={level}
                  name={name}
                  field={testsFields[name]}
                  as="slider"
                  value={values[name]}
                  locked={locked.has(name)}
                  onChange={(v) => setValues({ [name]: v as number })}
                />
              );
            })}
          </div>
          <p className={problem ? 'shares-total shares-bad' : 'shares-total'} role="status" data-shares-total>
            {problem ?? `Together: ${total}%. Ready to play.`}
          </p>
        </fieldset>
      )}
      {problem === null && (
        <PortfolioShape
          shares={params.shares}
          tests={tests}
          caption={`What ${values.effort} hours of test writing buy (a unit test takes ${plural(HOURS_PER_TEST.unit, 'hour')} to write, a system test ${plural(HOURS_PER_TEST.system, 'hour')}): one run of the whole suite takes ${shortMinutes(suiteMinutes(params, tests))}.`}
        />
      )}
    </div>
  );
}

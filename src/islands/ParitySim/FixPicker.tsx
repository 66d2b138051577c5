// The budget and the five fixes: each gap's cost and where it then catches its failures, with the engineer-days left; a fix that does not fit is disabled with the reason.
import { FIX_CLOSES, FIX_COST, budgetCheck, type Fix } from '../../models/parity/index.ts';
import { fixesOf, parityFields, type ParityValues } from '../../schemas/parity-scenario.ts';
import { plural } from '../../sim-kit/core/words.ts';
import { CATCHES_IN, FAMILY_LETTER, FAMILY_NAME, FAMILY_ROWS } from './view.ts';

interface Props {
  values: ParityValues;
  locked: ReadonlySet<string>;
  onChange: (fix: Fix, on: boolean) => void;
}

export function FixPicker({ values, locked, onChange }: Props) {
  const chosen = fixesOf(values);
  const { spent, left } = budgetCheck(chosen, values.budget);
  return (
    <fieldset className="fix-picker" data-fixes>
      <legend>Close gaps: a budget of {plural(values.budget, 'engineer-day')}</legend>
      <p className="fix-budget" aria-live="polite" data-budget>
        Spent {spent} of {values.budget} engineer-days; {plural(left, 'day')} left.
      </p>
      {/* An SVG bar, not a styled width: the server render then needs no style attribute, which the CSP would have to hash. */}
      <svg className="fix-meter" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
        <rect width={values.budget ? Math.min(100, (spent / values.budget) * 100) : 0} height="1" />
      </svg>
      <ul className="fix-list">
        {FAMILY_ROWS.map(({ fix, family }) => {
          const on = chosen.includes(fix);
          const tooDear = !on && FIX_COST[fix] > left;
          const id = `parity-fix-${fix}`;
          return (
            <li key={fix}>
              <label className="choice" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={on}
                  disabled={tooDear || locked.has(fix)}
                  aria-describedby={`${id}-what`}
                  onChange={(e) => onChange(fix, e.target.checked)}
                />
                <span>
                  {parityFields[fix].label} <span className="fix-cost">({plural(FIX_COST[fix], 'day')})</span>
                  {locked.has(fix) ? ' (fixed by your instructor)' : ''}
                </span>
              </label>
              <span id={`${id}-what`} className="muted field-hint">
                <span className={`token token-${family}`} aria-hidden="true">
                  {FAMILY_LETTER[family]}
                </span>{' '}
                Closes “{FAMILY_NAME[family].toLowerCase()}”: those failures are then caught {CATCHES_IN[FIX_CLOSES[fix].from]}.
                {tooDear ? ` Costs ${FIX_COST[fix]}, more than the ${left} left.` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

// Radio buttons for a deploy policy, with the number each policy needs.
import { useId } from 'react';
import type { Policy } from '../../models/batch/index.ts';

const CHOICES: Array<{ value: string; label: string; policy: Policy }> = [
  { value: 'every:1', label: 'Every day', policy: { kind: 'every', days: 1 } },
  { value: 'every:5', label: 'Every week', policy: { kind: 'every', days: 5 } },
  { value: 'every:21', label: 'Every month', policy: { kind: 'every', days: 21 } },
  { value: 'every:65', label: 'Once a quarter', policy: { kind: 'every', days: 65 } },
  { value: 'window:21', label: 'Maintenance windows only (every 21 days, no shipping between)', policy: { kind: 'window', days: 21 } },
  { value: 'manual', label: 'Manual: only when I press Ship now', policy: { kind: 'manual' } },
];

function keyOf(policy: Policy): string {
  return policy.kind === 'manual' ? 'manual' : policy.kind === 'count' ? 'count' : `${policy.kind}:${policy.days}`;
}

interface Props {
  legend: string;
  value: Policy;
  onChange: (policy: Policy) => void;
  /** Hide the manual choice (for automatic comparisons). */
  automaticOnly?: boolean;
  /** Locked by the instructor's challenge link. */
  disabled?: boolean;
}

export function PolicyPicker({ legend, value, onChange, automaticOnly = false, disabled = false }: Props) {
  const name = useId();
  const current = keyOf(value);
  const known = CHOICES.some((c) => c.value === current);
  const choices = CHOICES.filter((c) => !(automaticOnly && c.policy.kind === 'manual'));
  const count = value.kind === 'count' ? value.changes : 10;
  return (
    <fieldset className="policy-picker" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="choice">
          <input type="radio" name={name} value={c.value} checked={current === c.value} onChange={() => onChange(c.policy)} />
          {c.label}
        </label>
      ))}
      <label className="choice">
        <input type="radio" name={name} value="count" checked={current === 'count'} onChange={() => onChange({ kind: 'count', changes: count })} />
        Whenever this many changes wait:
        <input
          type="number"
          min={1}
          max={500}
          value={count}
          aria-label="Changes that trigger a deploy"
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 500) onChange({ kind: 'count', changes: n });
          }}
        />
      </label>
      {!known && (value.kind === 'every' || value.kind === 'window') && (
        <label className="choice">
          <input type="radio" name={name} checked readOnly />
          {value.kind === 'window' ? `Maintenance windows every ${value.days} days` : `Every ${value.days} days`} (from the link)
        </label>
      )}
    </fieldset>
  );
}

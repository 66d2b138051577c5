// One scenario field as a labelled input, with its bounds from the field table: a slider, a number box, a choice or a switch.
import { useId } from 'react';
import type { Field } from '../core/fields.ts';

interface Props {
  name: string;
  field: Field;
  value: unknown;
  locked?: boolean;
  /** `slider` for a number with a visible value; `box` for a plain number input. */
  as?: 'slider' | 'box';
  onChange: (value: unknown) => void;
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

export function FieldInput({ name, field, value, locked = false, as = 'box', onChange }: Props) {
  const id = `${useId()}-${name}`;
  const hint = `${id}-hint`;
  const lockNote = locked ? ' (fixed by your instructor)' : '';
  if (field.kind === 'choice') {
    return (
      <fieldset className="field field-choice" disabled={locked} data-field={name}>
        <legend>
          {field.label}
          {lockNote}
        </legend>
        {field.options.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (field.kind === 'flag') {
    return (
      <label className="field field-flag choice" data-field={name}>
        <input type="checkbox" disabled={locked} checked={Boolean(value)} aria-describedby={hint} onChange={(e) => onChange(e.target.checked)} />
        {field.label}
        {lockNote}
        <span id={hint} className="muted field-hint">
          {field.description}
        </span>
      </label>
    );
  }
  const n = value as number;
  const whole = Number.isInteger(field.step);
  const accept = (raw: string) => {
    const next = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(next)) return;
    const clamped = Math.min(field.max, Math.max(field.min, whole ? Math.round(next) : next));
    onChange(clamped);
  };
  return (
    <div className={`field field-${as}`} data-field={name}>
      <label htmlFor={id}>
        {field.label}
        {lockNote}
      </label>
      {as === 'slider' && (
        <output htmlFor={id} aria-hidden="true">
          {fmt(n)}
          {field.unit === '%' ? '%' : ''}
        </output>
      )}
      <input
        id={id}
        type={as === 'slider' ? 'range' : 'number'}
        min={field.min}
        max={field.max}
        step={field.step}
        value={n}
        disabled={locked}
        aria-describedby={hint}
        aria-valuetext={as === 'slider' ? `${fmt(n)}${field.unit ? ` ${field.unit === '%' ? 'percent' : field.unit}` : ''}` : undefined}
        onChange={(e) => accept(e.target.value)}
      />
      <span id={hint} className="muted field-hint">
        {field.description}
      </span>
    </div>
  );
}

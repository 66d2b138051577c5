// Predict first: the learner commits to a guess before the first run; the guess is kept and shown beside the result.
import { useId } from 'react';

interface Props {
  question: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | null;
  onChange: (value: string) => void;
}

export function Predict({ question, options, value, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="sim-predict" data-predict>
      <legend>Predict first: {question}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
      <p className="muted">
        {value ? 'Your guess is kept; you will see it beside what happens.' : 'Choose one to start: there is no wrong guess, only a surprise.'}
      </p>
    </fieldset>
  );
}

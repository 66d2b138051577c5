// The learner's result code at the end of a run, to copy into the instructor's debrief page.
import { useState } from 'react';

export function ResultCodeBox({ code, debriefHref }: { code: string; debriefHref: string }) {
  const [said, setSaid] = useState('');
  return (
    <div className="result-code">
      <label>
        Your result code (for a workshop debrief)
        <input type="text" readOnly value={code} data-result-code onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        className="button secondary"
        disabled={!code}
        onClick={() => {
          void navigator.clipboard?.writeText(code).then(
            () => setSaid('Code copied: paste it where your instructor asked.'),
            () => setSaid('Copying is blocked here: select the code and copy it yourself.'),
          );
        }}
      >
        Copy result code
      </button>
      <span role="status">{said}</span>
      <p className="muted">
        It holds the scenario, your choices and the run’s key numbers, nothing about you. Instructors paste the class’s codes into the{' '}
        <a href={debriefHref}>debrief page</a>.
      </p>
    </div>
  );
}

// The learner's result code at the end of a run, to paste into the instructor's debrief page.
import { useEffect, useState } from 'react';
import { encodeResult, resultFromRun } from '../../lib/result-code.ts';
import type { RunSummary } from '../../models/batch/index.ts';
import type { Scenario } from '../../schemas/batch-scenario.ts';

interface Props {
  scenario: Scenario;
  summary: RunSummary;
  debriefHref: string;
}

export function ResultCode({ scenario, summary, debriefHref }: Props) {
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState('');
  useEffect(() => {
    let live = true;
    void resultFromRun(scenario.seed, scenario.params, summary)
      .then(encodeResult)
      .then((c) => live && setCode(c));
    return () => {
      live = false;
    };
  }, [scenario, summary]);
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
            () => setCopied('Code copied: paste it where your instructor asked.'),
            () => setCopied('Copying is blocked here: select the code and copy it yourself.'),
          );
        }}
      >
        Copy result code
      </button>
      <span role="status">{copied}</span>
      <p className="muted">
        It holds only the scenario, your policy and your quarter’s key numbers. Instructors paste the class’s codes into the{' '}
        <a href={debriefHref}>debrief page</a>.
      </p>
    </div>
  );
}

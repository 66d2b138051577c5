// The inside of "Instructor and sharing": the exact link with a lazily loaded QR code, a challenge builder, and what every parameter means.
import { Suspense, lazy, useState } from 'react';
import { describeFields, type Fields, type Scenario } from '../core/fields.ts';

const Qr = lazy(() => import('./Qr.tsx'));

export interface ShareProps<F extends Fields> {
  fields: F;
  scenario: Scenario<F>;
  /** The page's address without its query, e.g. https://site/lessons/batch-size/ (empty before hydration). */
  pageUrl: string;
  /** Whether this page was opened from a challenge link: its locks stay, and no new challenge is built here. */
  challenge: boolean;
  /** The scenario's canonical query (with any part the sim keeps besides its fields). */
  query: string;
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const [said, setSaid] = useState('');
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setSaid(`${what} copied.`),
            () => setSaid(`Copying is blocked here: select the ${what.toLowerCase()} and copy it yourself.`),
          );
        }}
      >
        Copy {what.toLowerCase()}
      </button>
      <span role="status">{said}</span>
    </>
  );
}

/** `open` says whether the panel is open now (the QR code draws only then). */
export default function ShareBody<F extends Fields>({ fields, scenario, pageUrl, challenge, query, open }: ShareProps<F> & { open: boolean }) {
  const [locks, setLocks] = useState<string[]>([]);
  const lockable = [
    'seed',
    ...Object.entries(fields)
      .filter(([, f]) => f.lockable !== false)
      .map(([name]) => name),
  ];
  // A challenge link keeps its own locks (already in the query); otherwise the locks ticked here are added, encoded as URLSearchParams would.
  const url = `${pageUrl}?${query}${challenge || !locks.length ? '' : `&lock=${locks.join('%2C')}`}`;
  return (
    <>
      <p>Everyone who opens this link gets exactly this setup and the same dice. Project the QR code or paste the link in the chat.</p>
      <div className="share-row">
        {open && pageUrl && (
          <Suspense fallback={<p className="muted">Drawing the QR code…</p>}>
            <Qr text={url} label="QR code of the scenario link" />
          </Suspense>
        )}
        <div className="share-link">
          <label>
            Link to this exact setup
            <input type="text" readOnly value={url} data-share-url onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={url} what="Link" />
        </div>
      </div>
      {challenge ? (
        <p data-challenge>
          This page was opened from a challenge link: {scenario.locked.join(', ')} {scenario.locked.length === 1 ? 'is' : 'are'} fixed. To build another
          challenge, open the lesson without the link’s settings.
        </p>
      ) : (
        <fieldset className="lock-grid">
          <legend>Make the link a challenge: fix these settings for everyone who opens it</legend>
          {lockable.map((name) => (
            <label key={name} className="choice">
              <input
                type="checkbox"
                checked={locks.includes(name)}
                onChange={(e) => setLocks(lockable.filter((n) => (n === name ? e.target.checked : locks.includes(n))))}
              />
              <code>{name}</code>
            </label>
          ))}
        </fieldset>
      )}
      <details className="sim-params">
        <summary>What the link’s parameters mean</summary>
        <table>
          <caption className="visually-hidden">Parameters of this simulation’s links</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Meaning</th>
              <th scope="col">Allowed</th>
              <th scope="col">Default</th>
            </tr>
          </thead>
          <tbody>
            {describeFields(fields).map((row) => (
              <tr key={row.param}>
                <th scope="row">
                  <code>{row.param}</code>
                </th>
                <td>{row.description}</td>
                <td>{row.allowed}</td>
                <td>{row.fallback}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <code>lock</code>
              </th>
              <td>Settings fixed for a challenge, separated by commas.</td>
              <td>{lockable.join(', ')}</td>
              <td>none</td>
            </tr>
          </tbody>
        </table>
      </details>
    </>
  );
}

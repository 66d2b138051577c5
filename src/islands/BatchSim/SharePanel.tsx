// "Share this scenario": the exact link, a QR code drawn in the browser, and a challenge builder that locks chosen parameters.
import { useMemo, useState } from 'react';
import { encode } from 'uqr';
import { LOCKABLE, scenarioFields, type LockableParam, type Scenario } from '../../schemas/batch-scenario.ts';

interface Props {
  scenario: Scenario;
  url: string;
  onLockChange: (locked: LockableParam[]) => void;
}

function QrCode({ text }: { text: string }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  const cells: string[] = [];
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && cells.push(`M${x},${y}h1v1h-1z`)));
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      width="184"
      height="184"
      role="img"
      aria-label="QR code of the scenario link"
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}

export function SharePanel({ scenario, url, onLockChange }: Props) {
  const [copied, setCopied] = useState('');
  const locked = new Set(scenario.locked);
  return (
    <section className="sim-share" aria-labelledby="share-heading">
      <h4 id="share-heading">Share this scenario</h4>
      <p>Everyone who opens this link gets exactly this setup and the same dice. Project the QR code or paste the link in the chat.</p>
      <div className="share-row">
        <QrCode text={url} />
        <div className="share-link">
          <label>
            Link to this exact setup
            <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(
                () => setCopied('Link copied.'),
                () => setCopied('Copying is blocked here: select the link and copy it yourself.'),
              );
            }}
          >
            Copy link
          </button>
          <span role="status">{copied}</span>
        </div>
      </div>
      <details>
        <summary>Make it a challenge: lock parameters</summary>
        <p>Locked parameters are fixed for everyone who opens the link; learners choose the rest (usually the deploy policy).</p>
        <div className="lock-grid">
          {LOCKABLE.map((name) => (
            <label key={name} className="choice">
              <input
                type="checkbox"
                checked={locked.has(name)}
                onChange={(e) => onLockChange(LOCKABLE.filter((n) => (n === name ? e.target.checked : locked.has(n))))}
              />
              <code>{name}</code> <span className="muted">{scenarioFields[name].description}</span>
            </label>
          ))}
        </div>
      </details>
    </section>
  );
}

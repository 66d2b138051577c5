// The risk curve: closed form, Monte Carlo estimates from the worker, and the learner's own deploys plotted on it.
import { useId } from 'react';
import { closedFormCurve, failureProbability, type Deploy } from '../../models/batch/index.ts';
import { RISK_FRAME as f, pathThrough, percent, riskScales, ticks } from '../../lib/charts.ts';
import { useRiskCurve } from './use-risk-curve.ts';

interface Props {
  p: number;
  seed: number;
  deploys: readonly Deploy[];
}

export function RiskChart({ p, seed, deploys }: Props) {
  const id = useId();
  const largest = deploys.reduce((m, d) => Math.max(m, d.changeIds.length), 0);
  const maxSize = Math.max(100, Math.ceil(largest / 50) * 50);
  const { x, y } = riskScales(maxSize);
  const closed = closedFormCurve(p, maxSize);
  const monteCarlo = useRiskCurve(p, Math.min(maxSize, 100), seed);
  const sample = [1, 5, 20, 60, 100];
  const mine = deploys.length
    ? `Your ${deploys.length} deploys carried ${Math.min(...deploys.map((d) => d.changeIds.length))} to ${largest} changes; ${deploys.filter((d) => d.failed).length} of them failed.`
    : 'Your deploys will appear on the curve as you ship.';
  return (
    <figure className="sim-chart">
      <figcaption id={`${id}-caption`}>
        <strong>Chance that a deploy breaks production, by its size.</strong> With {percent(p, 1)} of changes defective:{' '}
        {sample.map((n) => `${n} change${n === 1 ? '' : 's'} ${percent(failureProbability(p, n), 1)}`).join(', ')}. {mine}
      </figcaption>
      <svg viewBox={`0 0 ${f.width} ${f.height}`} width="100%" role="img" aria-labelledby={`${id}-caption`}>
        <g aria-hidden="true">
          {ticks(y, 5).map((t) => (
            <g key={t}>
              <line x1={f.margin.left} x2={f.width - f.margin.right} y1={y(t)} y2={y(t)} stroke="var(--border)" />
              <text x={f.margin.left - 8} y={y(t) + 5} textAnchor="end" fill="var(--muted)" fontSize="14">
                {percent(t)}
              </text>
            </g>
          ))}
          {ticks(x, 6).map((t) => (
            <text key={t} x={x(t)} y={f.height - f.margin.bottom + 22} textAnchor="middle" fill="var(--muted)" fontSize="14">
              {t}
            </text>
          ))}
          <text x={(f.margin.left + f.width - f.margin.right) / 2} y={f.height - 6} textAnchor="middle" fill="var(--fg)" fontSize="15">
            Changes in one deploy
          </text>
          <path d={pathThrough(closed, x, y)} fill="none" stroke="var(--accent)" strokeWidth="3" />
          {monteCarlo
            ?.filter((pt) => pt.size % 3 === 1)
            .map((pt) => (
              <rect key={pt.size} x={x(pt.size) - 3} y={y(pt.monteCarlo) - 3} width="6" height="6" fill="var(--fg)" />
            ))}
          {deploys.map((d) => {
            const n = d.changeIds.length;
            const cx = x(n);
            const cy = y(failureProbability(p, n));
            return d.failed ? (
              <path key={d.id} d={`M${cx},${cy - 8} L${cx + 7},${cy + 5} L${cx - 7},${cy + 5} Z`} fill="var(--bad)" stroke="var(--surface)" />
            ) : (
              <circle key={d.id} cx={cx} cy={cy} r="6" fill="none" stroke="var(--ok)" strokeWidth="2.5" />
            );
          })}
        </g>
      </svg>
      <p className="chart-legend">
        <span className="key key-line" aria-hidden="true" /> closed form 1 − (1 − p)<sup>n</sup> <span className="key key-square" aria-hidden="true" /> Monte
        Carlo, {monteCarlo ? `${monteCarlo[0]!.trials.toLocaleString('en')} simulated deploys per size` : 'computing…'}{' '}
        <span className="key key-ok" aria-hidden="true" /> your deploy, fine <span className="key key-bad" aria-hidden="true" /> your deploy, outage
      </p>
      <details>
        <summary>Risk curve as a table</summary>
        <table>
          <caption>Chance that a deploy fails, by size</caption>
          <thead>
            <tr>
              <th scope="col">Changes</th>
              <th scope="col">Closed form</th>
              <th scope="col">Monte Carlo</th>
            </tr>
          </thead>
          <tbody>
            {[1, 2, 5, 10, 20, 40, 60, 80, 100].map((n) => (
              <tr key={n}>
                <th scope="row">{n}</th>
                <td>{percent(failureProbability(p, n), 1)}</td>
                <td>{monteCarlo?.[n - 1] ? percent(monteCarlo[n - 1]!.monteCarlo, 1) : '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

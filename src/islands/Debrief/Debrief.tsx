// The instructor's debrief: paste the class's result codes, see every learner on the risk curve, a table, rejections and a CSV.
import { useId, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { classToCsv, readClassCodes, type ClassReport, type ClassResult } from '../../lib/result-code.ts';
import { closedFormCurve, formatMinutes } from '../../models/batch/index.ts';
import { describePolicy } from '../../schemas/batch-scenario.ts';
import { pathThrough, percent } from '../../lib/charts.ts';
import { median } from '../../models/batch/metrics.ts';
import { downloadText } from '../../lib/download.ts';

const W = 640;
const H = 300;
const M = { top: 16, right: 16, bottom: 48, left: 60 };

const batchOf = (r: ClassResult) => (r.deploys ? r.changesReady / r.deploys : 0);
const perWeek = (r: ClassResult) => r.deploys / (r.days / 5);

function Scatter({ results, mode }: { results: ClassResult[]; mode: 'risk' | 'downtime' }) {
  const id = useId();
  const withDeploys = results.filter((r) => r.deploys > 0);
  const p = median(results.map((r) => r.defectRate)) ?? 0.02;
  const xMax = mode === 'risk' ? Math.max(20, ...withDeploys.map(batchOf)) : Math.max(5, ...results.map(perWeek));
  const yMax = mode === 'risk' ? 1 : Math.max(60, ...results.map((r) => r.downtimeMinutes)) / 60;
  const x = scaleLinear()
    .domain([0, xMax])
    .range([M.left, W - M.right])
    .nice();
  const y = scaleLinear()
    .domain([0, yMax])
    .range([H - M.bottom, M.top])
    .nice();
  const points =
    mode === 'risk'
      ? withDeploys.map((r) => [batchOf(r), r.failedDeploys / r.deploys] as const)
      : results.map((r) => [perWeek(r), r.downtimeMinutes / 60] as const);
  const caption =
    mode === 'risk'
      ? `Change failure rate against average changes per deploy, one point per learner (${points.length}), with the closed-form curve 1 − (1 − p)^n for p = ${percent(p, 1)} behind them.`
      : `Hours of downtime in the quarter against deploys per week, one point per learner (${points.length}).`;
  return (
    <figure className="sim-chart">
      <figcaption id={id}>{caption}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={id}>
        <g aria-hidden="true">
          {y.ticks(5).map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--border)" />
              <text x={M.left - 8} y={y(t) + 5} textAnchor="end" fontSize="14" fill="var(--muted)">
                {mode === 'risk' ? percent(t) : t}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <text key={t} x={x(t)} y={H - M.bottom + 22} textAnchor="middle" fontSize="14" fill="var(--muted)">
              {t}
            </text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" fontSize="15" fill="var(--fg)">
            {mode === 'risk' ? 'Average changes per deploy' : 'Deploys per week'}
          </text>
          {mode === 'risk' && <path d={pathThrough(closedFormCurve(p, Math.ceil(x.domain()[1]!)), x, y)} fill="none" stroke="var(--accent)" strokeWidth="3" />}
          {points.map(([px, py], i) => (
            <circle key={i} cx={x(px)} cy={y(py)} r="6" fill="var(--fg)" fillOpacity="0.7" stroke="var(--surface)" />
          ))}
        </g>
      </svg>
    </figure>
  );
}

export default function Debrief() {
  const [text, setText] = useState('');
  const [report, setReport] = useState<ClassReport | null>(null);
  const [busy, setBusy] = useState(false);
  const results = report?.results.map((r) => r.result) ?? [];
  return (
    <div className="debrief">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void readClassCodes(text).then((r) => {
            setReport(r);
            setBusy(false);
          });
        }}
      >
        <label className="slider">
          Result codes, one per line (or separated by spaces)
          <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-codes />
        </label>
        <button type="submit" className="button" disabled={busy || !text.trim()}>
          Chart the class
        </button>
      </form>
      <p role="status" aria-live="polite" data-debrief-status>
        {report
          ? `${report.results.length} code${report.results.length === 1 ? '' : 's'} counted${report.scenario ? ` for scenario ${report.scenario}` : ''}; ${report.rejected.length} rejected; ${report.otherScenarios.length} from other scenarios.`
          : 'Nothing read yet. Codes never leave this browser.'}
      </p>
      {report && results.length > 0 && (
        <>
          <div className="compare-timelines">
            <Scatter results={results} mode="risk" />
            <Scatter results={results} mode="downtime" />
          </div>
          <table className="data-table" data-class-table>
            <caption>Every counted learner</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Policy</th>
                <th scope="col">Tests</th>
                <th scope="col">Deploys</th>
                <th scope="col">Outages</th>
                <th scope="col">Downtime</th>
                <th scope="col">Lead time</th>
                <th scope="col">Cluster</th>
              </tr>
            </thead>
            <tbody>
              {report.results.map(({ line, result: r }) => (
                <tr key={line}>
                  <th scope="row">{line}</th>
                  <td>{describePolicy(r.policy)}</td>
                  <td>{percent(r.defectRate, 1)} defective</td>
                  <td>{r.deploys}</td>
                  <td>{r.failedDeploys}</td>
                  <td>{formatMinutes(r.downtimeMinutes)}</td>
                  <td>{r.leadTimeDays === null ? 'nothing shipped' : `${r.leadTimeDays} days`}</td>
                  <td>{r.cluster}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="button secondary"
            onClick={() => downloadText(`class-${report.scenario ?? 'results'}.csv`, 'text/csv', classToCsv(report))}
          >
            Export CSV
          </button>
        </>
      )}
      {report && report.otherScenarios.length > 0 && (
        <section aria-labelledby="other-heading">
          <h2 id="other-heading">From other scenarios (not charted)</h2>
          <ul data-other>
            {report.otherScenarios.map(({ line, result }) => (
              <li key={line}>
                Line {line}: scenario {result.scenario}, {describePolicy(result.policy)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report && report.rejected.length > 0 && (
        <section aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">Rejected codes</h2>
          <ul data-rejected>
            {report.rejected.map(({ line, code, reason }, i) => (
              <li key={i}>
                Line {line}: <code>{code.length > 40 ? `${code.slice(0, 40)}…` : code}</code>: {reason}.
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

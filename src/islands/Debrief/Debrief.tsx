// The instructor's debrief: paste the class's result codes (kept across a reload), see each sim's learners charted and tabled, rejections explained.
import { useEffect, useState } from 'react';
import { classToCsv, readClassCodes, type ClassReport, type Counted } from '../../lib/class-report.ts';
import { downloadText } from '../../lib/download.ts';
import { POLICY_OPTIONS, describePolicy } from '../../schemas/batch-scenario.ts';
import { BANDS } from '../../models/dora/bands.ts';
import { Chart, DataTable } from '../../sim-kit/react/charts.tsx';
import { hours, plural } from '../../sim-kit/core/words.ts';
import type { SimEntry } from '../../sims/registry.ts';

const SAVED = 'ship-small:debrief-codes';
/** Policy colours (with a shape per recovery) so points read without colour too. */
const POLICY_COLOURS = ['#1b7f5f', '#2f6fb3', '#7a4fb5', '#b5651d', '#b3263e', '#5b6770', '#8a7a00'];

function BatchChart({ results }: { results: Counted[] }) {
  const perDay = (r: Counted) => r.values.deploys! / 65;
  const xMax = Math.max(1, ...results.map(perDay));
  const yMax = Math.max(1, ...results.map((r) => r.values.downtime! / 60));
  const used = [...new Set(results.map((r) => r.values.policy!))].sort();
  return (
    <Chart
      caption={`Hours of downtime against deploys per working day (for a 65-day quarter), one point per learner (${results.length}). Circles rolled back at least once; squares never did.`}
      xDomain={[0, Math.ceil(xMax)]}
      yDomain={[0, Math.ceil(yMax)]}
      xLabel="Deploys per working day"
      yLabel="hours down"
      legend={used.map((p) => (
        <span key={p} className="legend-item">
          <span className="key" style={{ background: POLICY_COLOURS[p] }} aria-hidden="true" /> {describePolicy(POLICY_OPTIONS[p]?.value ?? 'manual')}{' '}
        </span>
      ))}
    >
      {({ x, y }) =>
        results.map((r) => {
          const cx = x(perDay(r));
          const cy = y(r.values.downtime! / 60);
          const fill = POLICY_COLOURS[r.values.policy!] ?? 'var(--fg)';
          return r.values.rollbacks! > 0 ? (
            <circle key={r.code} cx={cx} cy={cy} r="6" fill={fill} stroke="var(--surface)" />
          ) : (
            <rect key={r.code} x={cx - 5} y={cy - 5} width="10" height="10" fill={fill} stroke="var(--surface)" />
          );
        })
      }
    </Chart>
  );
}

function batchRow(r: Counted): Array<string | number> {
  const v = r.values;
  return [
    r.line,
    describePolicy(POLICY_OPTIONS[v.policy!]?.value ?? 'manual'),
    `${v.defect! / 10}%`,
    `${v.deployed} of ${v.ready}`,
    v.deploys!,
    `${v.outages} (${v.rollbacks} rolled back)`,
    hours(v.downtime!),
    v.lead ? `${((v.lead - 1) / 100).toFixed(2)} working days` : 'nothing shipped',
    BANDS[v.band!] ?? 'none',
  ];
}

function SimGroup({ sim, scenarios }: ClassReport['sims'][number]) {
  return (
    <section aria-labelledby={`sim-${sim.id}`} data-debrief-sim={sim.id}>
      <h2 id={`sim-${sim.id}`}>{sim.title}</h2>
      {scenarios.map(({ scenario, results }) => (
        <div key={scenario}>
          <h3>
            Scenario {scenario}: {plural(results.length, 'learner')}
          </h3>
          {sim.id === 'batch' && <BatchChart results={results} />}
          <DataTable
            caption={`Every learner on scenario ${scenario}`}
            columns={
              sim.id === 'batch'
                ? ['Line', 'Policy', 'Tests', 'In production', 'Deploys', 'Outages', 'Downtime', 'Lead time', 'Weakest band']
                : ['Line', ...sim.code.parts.map((p) => p.label)]
            }
            rows={results.map((r) => (sim.id === 'batch' ? batchRow(r) : [r.line, ...sim.code.parts.map((p) => r.values[p.key] ?? '')]))}
          />
          <button
            type="button"
            className="button secondary"
            onClick={() => downloadText(`class-${sim.id}-${scenario}.csv`, 'text/csv', classToCsv(sim as SimEntry, results))}
          >
            Export CSV
          </button>
        </div>
      ))}
    </section>
  );
}

export default function Debrief() {
  const [text, setText] = useState('');
  const [report, setReport] = useState<ClassReport | null>(null);

  useEffect(() => {
    try {
      const saved = localStorage.getItem(SAVED);
      if (saved) {
        setText(saved);
        setReport(readClassCodes(saved));
      }
    } catch {
      /* no storage: the page still works, it just forgets */
    }
  }, []);

  const read = () => {
    setReport(readClassCodes(text));
    try {
      localStorage.setItem(SAVED, text);
    } catch {
      /* no storage */
    }
  };

  return (
    <div className="debrief">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          read();
        }}
      >
        <label className="slider">
          Result codes: paste them as they came, one per line or inside chat messages
          <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-codes />
        </label>
        <button type="submit" className="button" disabled={!text.trim()}>
          Chart the class
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setText('');
            setReport(null);
            try {
              localStorage.removeItem(SAVED);
            } catch {
              /* no storage */
            }
          }}
        >
          Clear
        </button>
      </form>
      <p role="status" aria-live="polite" data-debrief-status>
        {report
          ? `${plural(report.counted, 'learner')} counted; ${report.rejected.length} rejected${report.duplicates ? `; ${plural(report.duplicates, 'code')} pasted twice, counted once` : ''}.`
          : 'Nothing read yet. Codes never leave this browser; they are kept here until you clear them.'}
      </p>
      {report?.sims.map((group) => (
        <SimGroup key={group.sim.id} {...group} />
      ))}
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

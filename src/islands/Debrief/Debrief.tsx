// The instructor's debrief: paste the class's result codes (kept across a reload), see each sim's learners charted and tabled, rejections explained.
import { useEffect, useState } from 'react';
import type { ClassReport, Counted } from '../../lib/class-report.ts';
import { downloadText } from '../../lib/download.ts';
import { POLICY_OPTIONS, describePolicy } from '../../schemas/batch-scenario.ts';
import { BANDS, KEY_INFO, KEYS } from '../../models/dora/bands.ts';
import { Chart, DataTable } from '../../sim-kit/react/charts.tsx';
import { hours, plural } from '../../sim-kit/core/words.ts';
import type { DebriefChart, SimEntry } from '../../sims/registry.ts';

/** The code reader, with every sim's result-code spec, loads when there are codes to read, so the page's first load stays small. */
const loadReader = () => import('../../lib/class-report.ts');

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

/** Short names for the four keys under the dashboard's bars, short enough for four to sit side by side on a phone. */
const KEY_SHORT = ['Deploys', 'Lead', 'Failure', 'Restore'];

/** The dashboard's class view: for each DORA key, how many learners' walls showed it weakest beside how many predicted it. */
function DashboardChart({ results }: { results: Counted[] }) {
  const count = (part: 'weakest' | 'guess') => KEYS.map((_, i) => results.filter((r) => r.values[part] === i).length);
  const weakest = count('weakest');
  const guessed = count('guess');
  const top = Math.max(1, ...weakest, ...guessed);
  const step = Math.max(1, Math.ceil(top / 4));
  const ticks = Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
  const rows = KEYS.map((k, i) => [KEY_INFO[k].label, weakest[i]!, guessed[i]!]);
  return (
    <Chart
      caption={`The key each learner’s wall showed weakest, beside the key they predicted, out of ${plural(results.length, 'learner')}: ${rows.map(([k, w, g]) => `${k}, ${w} weakest and ${g} predicted`).join('; ')}.`}
      xDomain={[-0.5, KEYS.length - 0.5]}
      yDomain={[0, ticks[ticks.length - 1]!]}
      xTicks={KEYS.map((_, i) => i)}
      yTicks={ticks}
      formatX={(i) => KEY_SHORT[i] ?? ''}
      xLabel="DORA key"
      yLabel="learners"
      table={<DataTable caption="Learners per key" columns={['Key', 'Weakest on their wall', 'Predicted weakest']} rows={rows} />}
      legend={
        <>
          <span className="legend-item">
            <svg width="16" height="16" aria-hidden="true">
              <rect x="2" y="2" width="12" height="12" fill={POLICY_COLOURS[1]} />
            </svg>{' '}
            Weakest on their wall{' '}
          </span>
          <span className="legend-item">
            <svg width="16" height="16" aria-hidden="true">
              <rect x="3" y="3" width="10" height="10" fill="var(--surface)" stroke={POLICY_COLOURS[3]} strokeWidth="2" />
            </svg>{' '}
            Predicted weakest{' '}
          </span>
        </>
      }
    >
      {({ x, y }) => {
        const bar = (x(1) - x(0)) * 0.36;
        return KEYS.flatMap((k, i) => [
          <rect key={`${k}-wall`} x={x(i) - bar} y={y(weakest[i]!)} width={bar} height={y(0) - y(weakest[i]!)} fill={POLICY_COLOURS[1]} data-bar="weakest" />,
          <rect
            key={`${k}-guess`}
            x={x(i) + 1}
            y={y(guessed[i]!)}
            width={bar - 2}
            height={y(0) - y(guessed[i]!)}
            fill="var(--surface)"
            stroke={POLICY_COLOURS[3]}
            strokeWidth="2"
            data-bar="guess"
          />,
        ]);
      }}
    </Chart>
  );
}

/** A sim's own chart from its registry entry: one point per learner, a shape and colour per group so points read without colour. */
function PartsChart({ chart, results }: { chart: DebriefChart; results: Counted[] }) {
  const points = results.flatMap((r) => {
    const x = chart.x(r.values);
    const y = chart.y(r.values);
    return x === null || y === null ? [] : [{ code: r.code, x, y, group: chart.group(r.values) }];
  });
  const groups = [...new Set(points.map((p) => p.group))].sort();
  const shape = (g: string, cx: number, cy: number, key: string) => {
    const i = groups.indexOf(g);
    const fill = POLICY_COLOURS[i % POLICY_COLOURS.length];
    if (i % 3 === 0) return <circle key={key} cx={cx} cy={cy} r="6" fill={fill} stroke="var(--surface)" />;
    if (i % 3 === 1) return <rect key={key} x={cx - 5} y={cy - 5} width="10" height="10" fill={fill} stroke="var(--surface)" />;
    return <path key={key} d={`M${cx},${cy - 7}L${cx + 7},${cy + 5}L${cx - 7},${cy + 5}Z`} fill={fill} stroke="var(--surface)" />;
  };
  return (
    <Chart
      caption={`${chart.caption} (${points.length} of ${results.length} learners).`}
      xDomain={[0, Math.max(1, ...points.map((p) => p.x))]}
      yDomain={[0, Math.max(1, ...points.map((p) => p.y))]}
      xLabel={chart.xLabel}
      yLabel={chart.yLabel}
      legend={groups.map((g) => (
        <span key={g} className="legend-item">
          <svg width="16" height="16" aria-hidden="true">
            {shape(g, 8, 9, g)}
          </svg>{' '}
          {g}{' '}
        </span>
      ))}
    >
      {({ x, y }) => points.map((p) => shape(p.group, x(p.x), y(p.y), p.code))}
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
          {sim.id === 'dashboard' && <DashboardChart results={results} />}
          {sim.chart && <PartsChart chart={sim.chart} results={results} />}
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
            onClick={async () => downloadText(`class-${sim.id}-${scenario}.csv`, 'text/csv', (await loadReader()).classToCsv(sim as SimEntry, results))}
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
  // The box is rendered on the server but can only keep what is typed once React runs: until then it is closed, so
  // codes pasted while the page is still loading are never silently dropped.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setReady(true);
    try {
      const saved = localStorage.getItem(SAVED);
      if (saved) {
        setText(saved);
        void loadReader().then(({ readClassCodes }) => setReport(readClassCodes(saved)));
      }
    } catch {
      /* no storage: the page still works, it just forgets */
    }
  }, []);

  const read = async () => {
    const { readClassCodes } = await loadReader();
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
          void read();
        }}
      >
        <label className="slider">
          Result codes: paste them as they came, one per line or inside chat messages
          <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} disabled={!ready} data-codes />
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

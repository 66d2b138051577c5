// The team's wall: each chosen metric as a tile with its trend, the four keys in their 2024 bands with the weakest named, the guess beside it, and one metric's trend charted.
import { useState, type RefObject } from 'react';
import { BAND_WORDS, BANDS_YEAR, KEY_INFO, KEYS, type Band } from '../../models/dora/bands.ts';
import { METRICS, TREND_RUNS, readKey, type MetricKey, type SavedRun, type Tile } from '../../models/dashboard/index.ts';
import type { DashboardSummary } from '../../sims/dashboard.ts';
import { Chart, DataTable, Line } from '../../sim-kit/react/charts.tsx';
import { AXIS, AXIS_LABEL, FORMAT, simName } from './format.ts';

export function BandBadge({ band }: { band: Band | null }) {
  return band ? <span className={`cluster cluster-${band}`}>{band}</span> : <span className="muted">not placed</span>;
}

const ARROW = { better: '▲ better', worse: '▼ worse', flat: '▶ flat' } as const;

/** A tile's trend as a small line; decorative, since the tile says the direction in words and the chart below has the table. */
function Sparkline({ values }: { values: readonly number[] }) {
  if (values.length < 2) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${((i / (values.length - 1)) * 100).toFixed(1)},${(28 - ((v - lo) / span) * 24).toFixed(1)}`).join('');
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="var(--accent)" strokeWidth="2" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

function TileCard({ tile, sample }: { tile: Tile; sample: boolean }) {
  const info = METRICS.find((m) => m.id === tile.id)!;
  return (
    <li className="wall-tile" data-tile={tile.id} data-band={tile.band ?? undefined}>
      <p className="tile-label">{tile.label}</p>
      <p className="tile-value" data-value>
        {tile.value === null ? 'no data yet' : FORMAT[tile.id](tile.value)}
      </p>
      {tile.value === null ? (
        <p className="muted">No {sample ? 'sample' : ''} run reports it yet.</p>
      ) : (
        <p className="muted">
          {info.dora === 'leadTime' ? 'median' : 'mean'} of {tile.runs} {sample ? 'sample ' : ''}
          {tile.runs === 1 ? 'run' : 'runs'}
          {tile.direction && (
            <>
              {' · '}
              <span className={`trend trend-${tile.direction}`}>{ARROW[tile.direction]}</span>
            </>
          )}
        </p>
      )}
      {tile.year !== null && (
        <p>
          <BandBadge band={tile.band} /> <span className="muted">DORA {tile.year}</span>
        </p>
      )}
      <Sparkline values={tile.trend} />
      <p className="tile-note">{info.note}</p>
    </li>
  );
}

/** One metric's values run by run, with the run's date and sim, from the runs that report it (the newest TREND_RUNS). */
function trendRows(runs: readonly SavedRun[], key: string) {
  return runs
    .map((r) => ({ at: r.at.slice(0, 10), sim: r.sim, value: readKey(r.summary, key as MetricKey) }))
    .filter((r): r is { at: string; sim: string; value: number } => r.value !== null)
    .slice(-TREND_RUNS);
}

function TrendChart({ summary, runs }: { summary: DashboardSummary; runs: readonly SavedRun[] }) {
  const withData = summary.wall.tiles.filter((t) => t.value !== null);
  const [picked, setPicked] = useState(withData[0]?.id ?? null);
  const id = withData.some((t) => t.id === picked) ? picked : (withData[0]?.id ?? null);
  if (id === null) return null;
  const info = METRICS.find((m) => m.id === id)!;
  const rows = trendRows(runs, info.key);
  const tile = withData.find((t) => t.id === id)!;
  const values = rows.map((r) => r.value);
  const top = Math.max(...values, 0) * 1.1 || 1;
  const sample = summary.wall.sample ? 'sample ' : '';
  const direction = tile.direction ? `, ${tile.direction === 'flat' ? 'flat' : `${tile.direction} (${info.better} is better)`}` : '';
  return (
    <section className="wall-trend" aria-labelledby="trend-heading">
      <h4 id="trend-heading">Trend over the kept runs</h4>
      <div className="field">
        <label htmlFor="trend-metric">Metric to chart</label>
        <select id="trend-metric" value={id} onChange={(e) => setPicked(e.target.value as typeof id)}>
          {withData.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <Chart
        caption={`${info.label} over the last ${rows.length} ${sample}runs that report it${direction}.`}
        xDomain={[1, Math.max(2, rows.length)]}
        yDomain={[0, top]}
        xLabel={`${sample}run, oldest to newest`}
        yLabel={AXIS_LABEL[id]}
        xTicks={rows.length <= 12 ? rows.map((_, i) => i + 1) : undefined}
        formatY={AXIS[id]}
        height={220}
        table={
          <DataTable
            caption={`${info.label}, ${sample}run by run`}
            columns={['Run', 'Finished', 'Simulation', info.label]}
            rows={rows.map((r, i) => [i + 1, r.at, simName(r.sim), FORMAT[id](r.value)])}
          />
        }
      >
        {({ x, y }) => (
          <>
            <Line points={rows.map((r, i) => [i + 1, r.value] as const)} x={x} y={y} />
            {rows.map((r, i) => (
              <circle key={i} cx={x(i + 1)} cy={y(r.value)} r={4} fill="var(--accent)" />
            ))}
          </>
        )}
      </Chart>
    </section>
  );
}

interface Props {
  summary: DashboardSummary;
  /** The runs the wall was built from: the learner's own, or the sample. */
  runs: readonly SavedRun[];
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function Wall({ summary: s, runs, headingRef }: Props) {
  const { wall } = s;
  const weakest = wall.dora.weakest;
  const keyTile = (k: (typeof KEYS)[number]) => wall.tiles.find((t) => METRICS.find((m) => m.id === t.id)?.dora === k);
  return (
    <section className="sim-review" aria-labelledby="review-heading">
      <h3 id="review-heading" ref={headingRef} tabIndex={-1}>
        {wall.sample ? 'The sample team’s wall (made-up data)' : 'Your team’s wall'}
      </h3>
      {wall.sample && (
        <p className="wall-sample" data-sample>
          <strong>{wall.notice}</strong>
        </p>
      )}
      {wall.skipped.length > 0 && (
        <p className="muted" data-skipped>
          {wall.skipped.length} saved {wall.skipped.length === 1 ? 'run' : 'runs'} could not be read and {wall.skipped.length === 1 ? 'is' : 'are'} left out.
        </p>
      )}
      <ul className="wall-tiles" aria-label="Metrics on the wall">
        {wall.tiles.map((t) => (
          <TileCard key={t.id} tile={t} sample={wall.sample} />
        ))}
      </ul>
      {s.guess && (
        <p className="sim-prediction" data-prediction={s.guessedRight ? 'right' : 'wrong'}>
          <strong>You predicted:</strong> {KEY_INFO[s.guess].label.toLowerCase()} would be the weakest key. <strong>On this wall:</strong>{' '}
          {weakest
            ? `${wall.dora.weakestKeys.map((k) => KEY_INFO[k].label.toLowerCase()).join(' and ')} ${wall.dora.weakestKeys.length === 1 ? 'is' : 'are'} weakest, in the ${wall.dora.band} band.`
            : 'no key could be placed.'}{' '}
          {s.guessedRight ? 'Your guess was right.' : 'A surprise? Read the four keys together below.'}
        </p>
      )}
      <table className="scorecard" data-keys>
        <caption>
          The four keys, each in its own band <span className="muted">(DORA’s {BANDS_YEAR} report)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">{wall.sample ? 'Sample value' : 'Your value'}</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {KEYS.map((k) => {
            const band = wall.dora.bands[k];
            const t = keyTile(k);
            return (
              <tr key={k} data-key={k}>
                <th scope="row">{KEY_INFO[k].label}</th>
                <td>{t && t.value !== null ? FORMAT[t.id](t.value) : t ? 'no data yet' : 'not on your wall (still counted)'}</td>
                <td>
                  <BandBadge band={band} />
                  {band && <span className="muted"> ({BAND_WORDS[k][band]})</span>}
                  {wall.dora.weakestKeys.includes(k) && <strong> weakest</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-weakest>
        {weakest ? (
          <>
            Weakest key: <strong>{KEY_INFO[weakest].label.toLowerCase()}</strong>, in the <BandBadge band={wall.dora.band} /> band of DORA’s {BANDS_YEAR}{' '}
            report. Read the keys together: the report’s clusters were teams good at all four at once, so a wall is as strong as its weakest key. The 2025
            report replaced these bands with team archetypes: a benchmark always carries its year.
          </>
        ) : (
          'None of the four keys can be placed yet: play a simulation that deploys, such as batch size.'
        )}
      </p>
      <TrendChart summary={s} runs={runs} />
    </section>
  );
}

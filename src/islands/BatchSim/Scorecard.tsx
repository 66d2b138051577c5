// A run's scorecard: DORA's four keys, each in its 2024 band with the report's words, the weakest named, then what happened to the changes.
import { BAND_WORDS, BANDS_YEAR, KEY_INFO, KEYS, type Band, type Key } from '../../models/dora/bands.ts';
import type { RunSummary } from '../../models/batch/index.ts';
import { duration, percent, workingDays } from '../../sim-kit/core/words.ts';

export function BandBadge({ band }: { band: Band | null }) {
  return band ? <span className={`cluster cluster-${band}`}>{band}</span> : <span className="muted">not measured</span>;
}

const value: Record<Key, (s: RunSummary) => string> = {
  deploymentFrequency: (s) => `${s.deploysPerDay.toFixed(s.deploysPerDay < 1 ? 2 : 1)} deploys a working day`,
  leadTime: (s) => (s.medianLeadTimeDays === null ? 'nothing shipped' : `median ${workingDays(s.medianLeadTimeDays)}`),
  changeFailureRate: (s) => `${percent(s.changeFailureRate)} (${s.failedDeploys} of ${s.deploys})`,
  recoveryTime: (s) => (s.meanRestoreMinutes === null ? 'no outage to recover from' : `mean ${duration(s.meanRestoreMinutes)}`),
};

interface Props {
  summaries: ReadonlyArray<{ label: string; summary: RunSummary }>;
  caption: string;
}

/** One column per run, so two policies read side by side. */
export function Scorecard({ summaries, caption }: Props) {
  const rows: Array<[string, (s: RunSummary) => React.ReactNode]> = [
    ...KEYS.map((k): [string, (s: RunSummary) => React.ReactNode] => [
      KEY_INFO[k].label,
      (s) => (
        <>
          {value[k](s)} · <BandBadge band={s.placement.bands[k]} />
          {s.placement.bands[k] && <span className="muted"> ({BAND_WORDS[k][s.placement.bands[k]!]})</span>}
          {s.placement.weakestKeys.includes(k) && <strong> weakest</strong>}
        </>
      ),
    ]),
    ['Changes in production', (s) => `${s.changesDeployed} of ${s.changesReady}`],
    ['Total downtime', (s) => duration(s.downtimeMinutes)],
    [
      'Outages',
      (s) =>
        `${s.failedDeploys}: ${s.rollbacks} rolled back, ${s.fixForwards} fixed forward${s.rollbacksBlocked ? `, ${s.rollbacksBlocked} could not roll back (migration)` : ''}`,
    ],
    ['Time spent finding bad changes', (s) => duration(s.diagnosisMinutes)],
    ['Mean changes per deploy', (s) => s.meanBatchSize.toFixed(1)],
  ];
  return (
    <table className="scorecard">
      <caption>
        {caption} <span className="muted">(bands from DORA’s {BANDS_YEAR} report)</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {summaries.map((s) => (
            <th scope="col" key={s.label}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {summaries.map((s) => (
              <td key={s.label}>{cell(s.summary)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

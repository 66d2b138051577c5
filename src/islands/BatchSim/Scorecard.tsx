// A run's scorecard: DORA's four keys with the tier each reached, plus downtime and what happened to the changes.
import { formatMinutes, type Cluster, type RunSummary } from '../../models/batch/index.ts';
import { percent } from '../../lib/charts.ts';

export function leadTimeText(days: number | null): string {
  if (days === null) return 'nothing shipped';
  if (days < 1) return `${(days * 8).toFixed(1)} working hours`;
  return `${days.toFixed(1)} working days`;
}

export function ClusterBadge({ cluster }: { cluster: Cluster }) {
  return <span className={`cluster cluster-${cluster}`}>{cluster}</span>;
}

interface Props {
  summaries: ReadonlyArray<{ label: string; summary: RunSummary }>;
  caption: string;
}

/** One column per run, so two policies read side by side. */
export function Scorecard({ summaries, caption }: Props) {
  const rows: Array<[string, (s: RunSummary) => React.ReactNode]> = [
    ['DORA cluster (weakest key)', (s) => <ClusterBadge cluster={s.cluster} />],
    ['Deployment frequency', (s) => `${s.deploysPerWeek.toFixed(1)} a week (${s.deploys} deploys) · ${s.tiers.deploymentFrequency}`],
    ['Lead time for changes (median)', (s) => `${leadTimeText(s.medianLeadTimeDays)} · ${s.tiers.leadTime}`],
    ['Change failure rate', (s) => `${percent(s.changeFailureRate)} (${s.failedDeploys} of ${s.deploys}) · ${s.tiers.changeFailureRate}`],
    [
      'Time to restore (mean)',
      (s) => `${s.meanTimeToRestoreMinutes === null ? 'no outage' : formatMinutes(s.meanTimeToRestoreMinutes)} · ${s.tiers.timeToRestore}`,
    ],
    ['Total downtime', (s) => formatMinutes(s.downtimeMinutes)],
    ['Mean changes per deploy', (s) => s.meanBatchSize.toFixed(1)],
    ['Changes in production', (s) => `${s.changesDeployed} of ${s.changesReady}`],
    ['Still waiting at the end', (s) => String(s.changesWaiting)],
    ['Pulled back by a rollback', (s) => String(s.changesRolledBack)],
  ];
  return (
    <table className="scorecard">
      <caption>{caption}</caption>
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

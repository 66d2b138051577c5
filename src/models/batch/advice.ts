// "What to try next" after a run: suggestions that follow from the run's own numbers.
import type { RunSummary } from './metrics.ts';
import type { BatchParams } from './types.ts';

export function adviceFor(s: RunSummary, params: BatchParams): string[] {
  const tips: string[] = [];
  if (s.meanBatchSize > 15) {
    tips.push(
      `Your deploys carried ${Math.round(s.meanBatchSize)} changes on average. Try continuous deployment on the same dice and watch the change failure rate and the downtime fall.`,
    );
  }
  if (s.rollbacksBlocked > 0) {
    tips.push(
      `${s.rollbacksBlocked === 1 ? 'One outage' : `${s.rollbacksBlocked} outages`} could not be rolled back because the batch held a migration. The bigger the batch, the likelier that is.`,
    );
  }
  if (s.changesWaiting > s.changesReady / 10) {
    tips.push(`${s.changesWaiting} of ${s.changesReady} changes were not in production at the end. Work that waits is work nobody uses yet.`);
  }
  if (params.defectRate >= 0.05)
    tips.push('A weak test suite lets many defects through. Switch to the strong suite (2%) and see how much of the risk was the tests.');
  if (params.diagnosis === 'read' && s.diagnosisMinutes > 120)
    tips.push('Reading change by change took a long time. Try bisecting in More settings: it grows with the logarithm of the batch, not the batch.');
  if (tips.length === 0) tips.push('A strong quarter. Now make the test suite weak (8%) and see whether small batches still protect you.');
  return tips.slice(0, 3);
}

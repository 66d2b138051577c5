// "What to try next" after a run: suggestions that follow from the run's own numbers.
import type { RunSummary } from './metrics.ts';
import type { BatchParams } from './types.ts';

export function adviceFor(s: RunSummary, params: BatchParams): string[] {
  const tips: string[] = [];
  if (s.meanBatchSize > 15) {
    tips.push(`Your deploys carried ${s.meanBatchSize.toFixed(0)} changes on average. Try deploying every day and watch the change failure rate fall.`);
  }
  if (s.changesWaiting > s.changesReady / 3) {
    tips.push(
      `${s.changesWaiting} of ${s.changesReady} changes never reached production. Rolling back big batches keeps sending good work back to the queue; try smaller batches, or fix forward once.`,
    );
  }
  if (s.failedDeploys > 0 && params.recovery === 'rollback' && s.meanBatchSize <= 15) {
    tips.push('Small batches make fixing forward cheap too: compare both recoveries on the same dice.');
  }
  if (params.defectRate >= 0.05)
    tips.push('A weak test suite lets many defects through. Switch to the strong suite (2%) and see how much of the risk was the tests.');
  if (s.tiers.leadTime !== 'elite' && s.deploysPerWeek < 5) tips.push('Lead time is mostly waiting for the next deploy. Deploy more often to cut it.');
  if (tips.length === 0) tips.push('A strong quarter. Now make the test suite weak (8%) and see whether small batches still protect you.');
  return tips.slice(0, 3);
}

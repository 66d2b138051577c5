// cdk-nag's AWS Solutions rules over the hosting stack: every finding is fixed or acknowledged with a written reason.
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it, vi } from 'vitest';
import { stack } from './synthesized-stack.ts';

// Synthesis and deploys take seconds, many more on a loaded machine: generous limits, and no assertion about time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const acknowledged = stack.node
  .findAll()
  .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, m.data]))
  .flatMap(([path, data]) => Object.entries(data as Record<string, string>).map(([id, reason]) => ({ path, id: id.replace(/^annotation::/i, ''), reason })));

describe('cdk-nag on the hosting stack', () => {
  it('reports no unacknowledged finding, error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives a written reason of at least a sentence for every acknowledgement', () => {
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledged) expect(reason, id).toMatch(/^[A-Z].{30,}\.$/);
  });

  it('says plainly that the default CloudFront domain still accepts TLS 1.0, and what to do about it', () => {
    const reason = acknowledged.find((a) => a.id === 'AwsSolutions-CFR4')!.reason;
    expect(reason).toMatch(/\*\.cloudfront\.net.*TLS 1\.0/);
    expect(reason).toMatch(/custom domain.*TLSv1\.2_2025/);
  });

  it('states what leaving access logs off by default trades away', () => {
    const reason = acknowledged.find((a) => a.id === 'AwsSolutions-CFR3')!.reason;
    expect(reason).toMatch(/AccessLogs=enabled/);
    expect(reason).toMatch(/no record/i);
  });

  it('acknowledges only the rules a static public site cannot or should not meet', () => {
    expect([...new Set(acknowledged.map((a) => a.id))].sort()).toEqual([
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR3',
      'AwsSolutions-CFR4',
      'AwsSolutions-S1',
      'CloudFormation-Validate::F3014',
    ]);
  });

  it('stops a synth that has a new finding, as `npm run infra:synth` runs it', () => {
    const guarded = new App();
    Validations.of(guarded).addPlugins(new AwsSolutionsChecks(guarded));
    const bare = new Stack(guarded, 'Bare');
    new Bucket(bare, 'Unlogged');
    expect(() => guarded.synth()).toThrow(/AwsSolutions-S1/);
  });
});

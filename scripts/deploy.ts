// `npm run deploy`: uploads dist/ to the site bucket in a safe order, invalidates CloudFront and prunes files of older releases.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { readSite } from './deploy/local.ts';
import { formatPlan, planDeploy } from './deploy/plan.ts';
import { deploySite } from './deploy/run.ts';
import { explainError, invalidationInput, parseStackOutputs, resolveTarget } from './deploy/target.ts';

const USAGE = `Usage: npm run deploy -- [options]

  --dist DIR               built site to upload (default: dist)
  --bucket NAME            site bucket (default: $SHIP_SMALL_BUCKET, else the stack output SiteBucketName)
  --distribution-id ID     CloudFront distribution to invalidate (default: $SHIP_SMALL_DISTRIBUTION_ID, else DistributionId)
  --region REGION          bucket region (default: $AWS_REGION, else SiteBucketRegion, else the SDK's default)
  --outputs FILE           stack outputs JSON (default: infra/cdk-outputs.json when it exists)
  --stack NAME             stack name inside the outputs file (default: ShipSmallSite)
  --prefix PATH            upload under a key prefix, for a site served under a base path (default: none)
  --endpoint URL           S3-compatible endpoint, such as a local emulator (path-style requests)
  --dry-run                print the plan (each key, its type, cache header and action) and change nothing
  -h, --help               show this help`;

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    bucket: { type: 'string' },
    'distribution-id': { type: 'string' },
    region: { type: 'string' },
    outputs: { type: 'string' },
    stack: { type: 'string', default: 'ShipSmallSite' },
    prefix: { type: 'string', default: '' },
    endpoint: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const fail = (message: string): never => {
  console.error(`deploy: ${message}`);
  process.exit(1);
};

if (!existsSync(join(values.dist, 'index.html'))) fail(`no built site in ${values.dist}/ (no index.html). Run \`npm run build\` first.`);

const outputsFile = values.outputs ?? (existsSync('infra/cdk-outputs.json') ? 'infra/cdk-outputs.json' : undefined);
let outputs = null;
if (outputsFile) {
  if (!existsSync(outputsFile)) fail(`outputs file ${outputsFile} does not exist.`);
  outputs = parseStackOutputs(readFileSync(outputsFile, 'utf8'), values.stack);
  if (!outputs) fail(`no outputs for stack ${values.stack} in ${outputsFile}.`);
}

const target = resolveTarget({
  flags: { bucket: values.bucket, distributionId: values['distribution-id'], region: values.region },
  env: process.env,
  outputs,
  outputsSource: outputsFile,
});

if ('error' in target) {
  if (!values['dry-run']) fail(target.error);
  console.log('No bucket given: planning as for an empty bucket.');
}

const dryRunWithoutBucket = 'error' in target;
const region = ('error' in target ? null : target.region) ?? process.env.AWS_REGION ?? 'us-east-1';
const s3 = new S3Client({
  region,
  maxAttempts: 3,
  ...(values.endpoint ? { endpoint: values.endpoint, forcePathStyle: true } : {}),
});

try {
  if (dryRunWithoutBucket) {
    // Plan against nothing: no request is sent, so no credentials are needed.
    console.log(formatPlan(planDeploy({ local: readSite(values.dist), remote: [], prefix: values.prefix })));
  } else {
    const { bucket, distributionId, source } = target as Exclude<typeof target, { error: string }>;
    console.log(`Deploying ${values.dist}/ to s3://${bucket}/${values.prefix} (${source})${values['dry-run'] ? ' [dry run]' : ''}`);
    const cloudfront = distributionId ? new CloudFrontClient({ region: 'us-east-1', maxAttempts: 3 }) : null;
    await deploySite({
      s3,
      bucket,
      distDir: values.dist,
      prefix: values.prefix,
      dryRun: values['dry-run'],
      invalidate:
        cloudfront && distributionId
          ? async (releaseId) => (await cloudfront.send(new CreateInvalidationCommand(invalidationInput(distributionId, releaseId)))).Invalidation?.Id ?? '?'
          : undefined,
    });
  }
} catch (error) {
  fail(explainError(error, 'error' in target ? { bucket: '?' } : target));
}

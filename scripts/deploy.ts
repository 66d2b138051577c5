// `npm run deploy`: uploads dist/ to the site bucket in a safe order, invalidates CloudFront and prunes files of older releases.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { inlineHashes } from '../infra/lib/csp.ts';
import { cspRefusal, readDistribution } from './deploy/cloudfront.ts';
import type { CloudFrontSender } from './deploy/cloudfront.ts';
import { basePathRefusal, buildBasePath, buildSiteUrl, siteUrlRefusal } from './deploy/build-info.ts';
import { readSite } from './deploy/local.ts';
import { formatPlan, planDeploy } from './deploy/plan.ts';
import { deploySite } from './deploy/run.ts';
import { explainError, invalidationInput, parseStackOutputs, resolveTarget } from './deploy/target.ts';

const USAGE = `Usage: npm run deploy -- [options]

  --dist DIR               built site to upload (default: dist)
  --bucket NAME            site bucket (default: $SHIP_SMALL_BUCKET, else the stack output SiteBucketName)
  --distribution-id ID     CloudFront distribution to check and invalidate (default: $SHIP_SMALL_DISTRIBUTION_ID, else DistributionId)
  --region REGION          bucket region (default: $AWS_REGION, else SiteBucketRegion, else the SDK's default)
  --outputs FILE           stack outputs JSON (default: infra/cdk-outputs.json when it exists)
  --stack NAME             stack name inside the outputs file (default: ShipSmallSite)
  --prefix PATH            upload under a key prefix, for a site served under a base path (default: none)
  --endpoint URL           S3-compatible endpoint, such as a local emulator (path-style requests)
  --dry-run                print the plan (each key, its type, cache header and action) and change nothing
  -h, --help               show this help`;

/** What main() talks to; tests pass their own. */
export interface MainIo {
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** CloudFront, for reading the distribution and invalidating; by default a real client in us-east-1. */
  cloudfront?: CloudFrontSender;
}

/** A refusal to go on, with the sentence to print. */
class Refusal extends Error {}

/** Runs the deploy command with its arguments (without "node deploy.ts") and returns the exit code. */
export async function main(argv: string[], io: MainIo = {}): Promise<number> {
  const log = io.log ?? console.log;
  const error = io.error ?? console.error;
  const refuse = (message: string): never => {
    throw new Refusal(message);
  };
  let target: ReturnType<typeof resolveTarget> | null = null;
  try {
    const { values } = parseArgs({
      args: argv,
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
      log(USAGE);
      return 0;
    }

    if (!existsSync(join(values.dist, 'index.html'))) refuse(`no built site in ${values.dist}/ (no index.html). Run \`npm run build\` first.`);

    const outputsFile = values.outputs ?? (existsSync('infra/cdk-outputs.json') ? 'infra/cdk-outputs.json' : undefined);
    let outputs = null;
    if (outputsFile) {
      if (!existsSync(outputsFile)) refuse(`outputs file ${outputsFile} does not exist.`);
      outputs = parseStackOutputs(readFileSync(outputsFile, 'utf8'), values.stack);
      if (!outputs) refuse(`no outputs for stack ${values.stack} in ${outputsFile}.`);
    }

    target = resolveTarget({
      flags: { bucket: values.bucket, distributionId: values['distribution-id'], region: values.region },
      env: process.env,
      outputs,
      outputsSource: outputsFile,
    });

    if ('error' in target) {
      if (!values['dry-run']) refuse(target.error);
      // Plan against nothing: no request is sent, so no credentials are needed.
      log('No bucket given: planning as for an empty bucket.');
      log(formatPlan(planDeploy({ local: readSite(values.dist), remote: [], prefix: values.prefix })));
      return 0;
    }

    const { bucket, distributionId, source } = target;
    const s3 = new S3Client({
      region: target.region ?? process.env.AWS_REGION ?? 'us-east-1',
      maxAttempts: 3,
      ...(values.endpoint ? { endpoint: values.endpoint, forcePathStyle: true } : {}),
    });
    const cloudfront = distributionId ? (io.cloudfront ?? new CloudFrontClient({ region: 'us-east-1', maxAttempts: 3 })) : null;

    // Before anything is uploaded: the build, the prefix and the live distribution must agree on where the site lives,
    // and the distribution's policy must allow this build's inline code.
    const siteProblem = siteUrlRefusal(buildSiteUrl(values.dist), outputs?.SiteUrl || null);
    if (siteProblem) refuse(siteProblem);
    const buildBase = buildBasePath(values.dist);
    if (buildBase === null) log(`warning: cannot tell the base path ${values.dist}/ was built for (its home page loads no /_astro/ file).`);
    if (cloudfront && distributionId) {
      const deployed = await readDistribution(cloudfront, distributionId);
      const baseProblem = basePathRefusal({ buildBase, prefix: values.prefix, stackBase: deployed.basePath, distributionId: `distribution ${distributionId}` });
      if (baseProblem) refuse(baseProblem);
      const cspProblem = cspRefusal(deployed.contentSecurityPolicy, inlineHashes(values.dist), distributionId);
      if (cspProblem) refuse(cspProblem);
    } else {
      const baseProblem = basePathRefusal({ buildBase, prefix: values.prefix, stackBase: null });
      if (baseProblem) refuse(baseProblem);
      log('warning: no distribution given, so the Content-Security-Policy and BasePath of the live site were not checked against this build.');
    }

    log(`Deploying ${values.dist}/ to s3://${bucket}/${values.prefix} (${source})${values['dry-run'] ? ' [dry run]' : ''}`);
    await deploySite({
      s3,
      bucket,
      distDir: values.dist,
      prefix: values.prefix,
      dryRun: values['dry-run'],
      log,
      invalidate:
        cloudfront && distributionId
          ? async (releaseId) => (await cloudfront.send(new CreateInvalidationCommand(invalidationInput(distributionId, releaseId)))).Invalidation?.Id ?? '?'
          : undefined,
    });
    return 0;
  } catch (failure) {
    if (failure instanceof Refusal) error(`deploy: ${failure.message}`);
    else if ((failure as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) error(`deploy: ${(failure as Error).message}\n\n${USAGE}`);
    else error(`deploy: ${explainError(failure, target && !('error' in target) ? target : { bucket: '?' })}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

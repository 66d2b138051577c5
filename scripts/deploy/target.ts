// Where a deploy goes (bucket, distribution, region, from flags, environment or stack outputs) and what a failure means in plain words.
import type { CreateInvalidationCommandInput } from '@aws-sdk/client-cloudfront';

export interface Target {
  bucket: string;
  distributionId: string | null;
  region: string | null;
  /** Where each value came from, for the log. */
  source: string;
}

export type StackOutputs = Record<string, string>;

/**
 * Reads stack outputs from either the CDK CLI's `--outputs-file` JSON ({ Stack: { Key: value } }) or the JSON of
 * `aws cloudformation describe-stacks` ({ Stacks: [{ StackName, Outputs: [{ OutputKey, OutputValue }] }] }).
 */
export function parseStackOutputs(json: string, stackName: string): StackOutputs | null {
  const data = JSON.parse(json) as Record<string, unknown>;
  if (Array.isArray(data.Stacks)) {
    const stacks = data.Stacks as { StackName?: string; Outputs?: { OutputKey?: string; OutputValue?: string }[] }[];
    const stack = stacks.find((s) => s.StackName === stackName) ?? (stacks.length === 1 ? stacks[0] : undefined);
    if (!stack) return null;
    return Object.fromEntries((stack.Outputs ?? []).filter((o) => o.OutputKey).map((o) => [o.OutputKey!, o.OutputValue ?? '']));
  }
  const own = data[stackName];
  return own && typeof own === 'object' ? (own as StackOutputs) : null;
}

export interface TargetInput {
  flags: { bucket?: string; distributionId?: string; region?: string };
  env: Record<string, string | undefined>;
  outputs: StackOutputs | null;
  outputsSource?: string;
}

/** Flags win over the environment, which wins over the stack outputs. */
export function resolveTarget({ flags, env, outputs, outputsSource = 'stack outputs' }: TargetInput): Target | { error: string } {
  const pick = (flag: string | undefined, envName: string, outputKey: string): [string | null, string] => {
    if (flag) return [flag, 'flag'];
    if (env[envName]) return [env[envName]!, envName];
    if (outputs?.[outputKey]) return [outputs[outputKey]!, outputsSource];
    return [null, 'none'];
  };
  const [bucket, bucketFrom] = pick(flags.bucket, 'SHIP_SMALL_BUCKET', 'SiteBucketName');
  const [distributionId, distributionFrom] = pick(flags.distributionId, 'SHIP_SMALL_DISTRIBUTION_ID', 'DistributionId');
  const [region] = pick(flags.region, 'AWS_REGION', 'SiteBucketRegion');
  if (!bucket) {
    return {
      error:
        'No bucket to deploy to. Pass --bucket NAME (and --distribution-id ID), set SHIP_SMALL_BUCKET, or write the stack outputs with ' +
        '`npx aws-cdk@2 deploy --app infra/cdk.out --outputs-file infra/cdk-outputs.json` (or `aws cloudformation describe-stacks --stack-name ShipSmallSite > infra/cdk-outputs.json`).',
    };
  }
  return { bucket, distributionId, region, source: `bucket from ${bucketFrom}, distribution from ${distributionFrom}` };
}

/** One invalidation of every path: a single path entry, whatever the number of files that changed. */
export function invalidationInput(distributionId: string, releaseId: string, now = Date.now()): CreateInvalidationCommandInput {
  return {
    DistributionId: distributionId,
    InvalidationBatch: { CallerReference: `ship-small-${releaseId}-${now}`, Paths: { Quantity: 1, Items: ['/*'] } },
  };
}

export const REQUIRED_PERMISSIONS =
  's3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on the bucket, cloudfront:GetDistributionConfig and cloudfront:CreateInvalidation on the distribution, and cloudfront:GetResponseHeadersPolicy';

/** A failure as a sentence that says what to do next. */
export function explainError(error: unknown, target: { bucket: string; distributionId?: string | null }): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  const message = e?.message ?? String(error);
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return 'No AWS credentials found. Sign in (for example `aws sso login --profile NAME` then `export AWS_PROFILE=NAME`) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then run the deploy again.';
  }
  if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException'].includes(name)) {
    return `AWS rejected the credentials (${name}): they are wrong or expired. Sign in again and rerun the deploy.`;
  }
  if (name === 'NoSuchBucket') {
    return `Bucket "${target.bucket}" does not exist in this account and region. Check --bucket (or the stack's SiteBucketName output) and --region.`;
  }
  if (name === 'NoSuchDistribution') {
    return `Distribution "${target.distributionId}" does not exist. Check --distribution-id (or the stack's DistributionId output). The files were uploaded; rerun once fixed.`;
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || e?.$metadata?.httpStatusCode === 403) {
    return `Access denied (${message}). The deploy needs ${REQUIRED_PERMISSIONS}.`;
  }
  if (name === 'PartialUploadError' || name === 'ConcurrentDeployError') return message;
  return `Deploy failed: ${name ? `${name}: ` : ''}${message}. Completed uploads are kept; running the deploy again finishes the job.`;
}

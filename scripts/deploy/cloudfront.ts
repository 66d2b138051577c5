// What the deploy reads from CloudFront before uploading (the live policy and base path of the distribution) and the invalidation it asks for.
import { GetDistributionConfigCommand, GetResponseHeadersPolicyCommand } from '@aws-sdk/client-cloudfront';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { CspHashes, MissingHash } from '../../infra/lib/csp.ts';
import { missingHashes } from '../../infra/lib/csp.ts';

/** The one method the deploy uses, so tests can stand in for CloudFront. */
export type CloudFrontSender = Pick<CloudFrontClient, 'send'>;

/** What the live distribution serves, as far as the deploy needs to know. */
export interface DeployedDistribution {
  /** The Content-Security-Policy its default behaviour's response headers policy sends, or null when none. */
  contentSecurityPolicy: string | null;
  /** The base path its hashed-asset behaviour is set for ("/" or "/course/"), or null when it has none. */
  basePath: string | null;
}

/** Reads the distribution's config and its response headers policy (cloudfront:GetDistributionConfig, cloudfront:GetResponseHeadersPolicy). */
export async function readDistribution(cloudfront: CloudFrontSender, distributionId: string): Promise<DeployedDistribution> {
  const { DistributionConfig: config } = await cloudfront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  const assets = (config?.CacheBehaviors?.Items ?? []).find((b) => b.PathPattern?.endsWith('_astro/*'));
  const basePath = assets?.PathPattern ? `/${assets.PathPattern.slice(0, -'_astro/*'.length).replace(/^\/+/, '')}` : null;
  const policyId = config?.DefaultCacheBehavior?.ResponseHeadersPolicyId;
  if (!policyId) return { contentSecurityPolicy: null, basePath };
  const { ResponseHeadersPolicy: policy } = await cloudfront.send(new GetResponseHeadersPolicyCommand({ Id: policyId }));
  const csp = policy?.ResponseHeadersPolicyConfig?.SecurityHeadersConfig?.ContentSecurityPolicy?.ContentSecurityPolicy ?? null;
  return { contentSecurityPolicy: csp, basePath };
}

/** Why a build must not go out under the deployed policy, or null when every inline script and style of it is allowed. */
export function cspRefusal(deployedPolicy: string | null, build: CspHashes, distributionId: string): string | null {
  if (deployedPolicy === null) return null;
  const missing = missingHashes(deployedPolicy, build);
  if (!missing.length) return null;
  const listed = missing
    .slice(0, 6)
    .map((m: MissingHash) => `${m.directive} ${m.hash}`)
    .join(', ');
  return (
    `the Content-Security-Policy of distribution ${distributionId} does not allow ${missing.length} inline script(s) or style(s) of this build ` +
    `(${listed}${missing.length > 6 ? ', …' : ''}): browsers would block them, island hydration included. ` +
    'Run `npm run infra:hashes`, commit infra/lib/csp-hashes.json, run `npm run infra:synth`, update the stack (README, "Deploying to AWS", step 2), then deploy again.'
  );
}

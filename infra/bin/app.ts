// The CDK app: synthesizes the site stack into infra/cdk.out with cdk-nag checks, offline and without AWS credentials.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, recordedHashes, sameHashes, siteHashes } from '../lib/csp.ts';
import { SiteStack } from '../lib/site-stack.ts';

export const STACK_NAME = process.env.STACK_NAME ?? 'ShipSmallSite';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? fileURLToPath(new URL('../cdk.out', import.meta.url)) });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

const { hashes, source } = siteHashes();
if (source === 'dist' && !sameHashes(hashes, recordedHashes())) {
  console.warn('warning: the inline code in dist/ differs from infra/lib/csp-hashes.json; using dist/. Run `npm run infra:hashes` and commit the file.');
}

// Optional: where browsers send CSP violation reports (an https URL), as report-to and report-uri.
const reportEndpoint = process.env.CSP_REPORT_URI || undefined;

// Region-agnostic: the stack deploys to the region of the caller's credentials; CloudFront itself is global.
new SiteStack(app, STACK_NAME, { contentSecurityPolicy: contentSecurityPolicy(hashes, { reportEndpoint }), cspReportEndpoint: reportEndpoint });

app.synth();
console.log(`Synthesized ${STACK_NAME} (CSP hashes from ${source === 'dist' ? 'dist/' : 'infra/lib/csp-hashes.json'}) into ${app.outdir}`);

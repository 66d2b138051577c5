// One synthesized hosting stack for the stack assertions and the cdk-nag checks: CDK is imported and the stack built once per test file.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { contentSecurityPolicy, recordedHashes } from '../../../infra/lib/csp.ts';
import { SiteStack } from '../../../infra/lib/site-stack.ts';

/** The policy the stack is built with: the recorded hashes, so the tests do not depend on a build. */
export const csp = contentSecurityPolicy(recordedHashes());

export const stack = new SiteStack(new App(), 'Site', { contentSecurityPolicy: csp });

/** The CloudFormation template of `stack`, synthesized on first use. */
let synthesized: Template | undefined;
export const template = (): Template => (synthesized ??= Template.fromStack(stack));

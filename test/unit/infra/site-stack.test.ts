// The hosting stack, synthesized offline once and checked resource by resource with the CDK assertions library.
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it, vi } from 'vitest';
import { CSP_REPORT_GROUP, contentSecurityPolicy, recordedHashes } from '../../../infra/lib/csp.ts';
import { PERMISSIONS_POLICY, S3_HEADERS_REMOVED, SiteStack } from '../../../infra/lib/site-stack.ts';
import { VIEWER_REQUEST_FILE } from '../../../infra/lib/viewer-request.ts';
import { csp, template as synthesized } from './synthesized-stack.ts';

// Synthesis and deploys take seconds, many more on a loaded machine: generous limits, and no assertion about time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const template = synthesized();
const YEAR = 365 * 24 * 3600;

const distributionConfig = () => Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
const logicalIdOf = (type: string, props: object) => Object.keys(template.findResources(type, { Properties: props }))[0]!;

describe('the site bucket', () => {
  it('blocks every kind of public access and owns its objects', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
  });

  it('is kept when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', { Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' } }), DeletionPolicy: 'Retain' });
  });

  it('expires old object versions so overwritten releases do not pile up', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' })]) },
    });
  });

  it('refuses plain HTTP and TLS below 1.2, and lets only this distribution read, through Origin Access Control', () => {
    const siteBucket = logicalIdOf('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('denies the distribution the deploy records under _releases/, at the root and under any prefix', () => {
    const siteBucket = logicalIdOf('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    const objects = (path: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteBucket, 'Arn'] }, path]] });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: [objects('/_releases/*'), objects('/*/_releases/*')],
          }),
        ]),
      },
    });
  });

  it('gives the distribution no s3:ListBucket, so a missing key answers 403 rather than listing', () => {
    const policies = JSON.stringify(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).not.toContain('s3:ListBucket');
  });
});

describe('the distribution', () => {
  it('reaches the bucket through an Origin Access Control that signs every request', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(distributionConfig().Origins[0]).toMatchObject({ OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] } });
  });

  it('speaks HTTP/2 and HTTP/3 over IPv4 and IPv6 and serves index.html at the root', () => {
    expect(distributionConfig()).toMatchObject({ HttpVersion: 'http2and3', IPV6Enabled: true, DefaultRootObject: 'index.html', Enabled: true });
  });

  it('compresses, redirects HTTP to HTTPS and allows only GET and HEAD on every behaviour', () => {
    const config = distributionConfig();
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] });
    }
  });

  it('answers 403 and 404 from S3 with the 404 page below the base path and a 404 status, cached only briefly', () => {
    const page = { 'Fn::Join': ['', [{ Ref: 'BasePath' }, '404.html']] };
    expect(distributionConfig().CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: page, ErrorCachingMinTTL: 10 },
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: page, ErrorCachingMinTTL: 10 },
    ]);
  });

  it('takes the base path as a parameter that defaults to the root and accepts only slash-bounded paths', () => {
    const param = template.toJSON().Parameters.BasePath;
    expect(param.Default).toBe('/');
    const pattern = new RegExp(param.AllowedPattern);
    for (const ok of ['/', '/devops-course/', '/a/b.c/']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['', 'devops-course/', '/devops-course', '/Course/', '/a//']) expect(pattern.test(bad), bad).toBe(false);
  });

  it('runs the viewer-request function on the default behaviour', () => {
    const fn = logicalIdOf('AWS::CloudFront::Function', {});
    expect(distributionConfig().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn, 'FunctionARN'] } },
    ]);
  });

  it('deploys exactly the function file the tests run, on cloudfront-js-2.0, published', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: readFileSync(VIEWER_REQUEST_FILE, 'utf8'),
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      AutoPublish: true,
    });
  });

  it('caches /_astro/* for a year whatever the origin says, keyed on nothing but the path and encoding', () => {
    const policy = logicalIdOf('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ MinTTL: YEAR }) });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        MinTTL: YEAR,
        DefaultTTL: YEAR,
        MaxTTL: YEAR,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          QueryStringsConfig: { QueryStringBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          CookiesConfig: { CookieBehavior: 'none' },
        },
      },
    });
    expect(distributionConfig().CacheBehaviors).toEqual([
      expect.objectContaining({ PathPattern: { 'Fn::Join': ['', [{ Ref: 'BasePath' }, '_astro/*']] }, CachePolicyId: { Ref: policy } }),
    ]);
  });

  it('revalidates pages: the default behaviour follows the objects max-age=0 and can still store and compress', () => {
    const policy = logicalIdOf('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ MinTTL: 0 }) });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: YEAR,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true }),
      }),
    });
    expect(distributionConfig().DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: policy });
  });

  it('adds the security headers to every behaviour', () => {
    const policy = logicalIdOf('AWS::CloudFront::ResponseHeadersPolicy', {});
    const config = distributionConfig();
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policy });
  });
});

describe('the response headers policy', () => {
  const headers = () => Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig;

  it('sends HSTS for two years with subdomains, nosniff, a strict referrer policy and no framing', () => {
    expect(headers().SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 24 * 3600, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
  });

  it('sends the site CSP, which forbids framing too', () => {
    expect(headers().SecurityHeadersConfig.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: csp, Override: true });
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('switches off browser features the course never uses with a Permissions-Policy', () => {
    expect(headers().CustomHeadersConfig.Items).toEqual([{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }]);
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it('removes the headers S3 adds about itself before they reach a browser', () => {
    expect(headers().RemoveHeadersConfig.Items).toEqual(S3_HEADERS_REMOVED.map((Header) => ({ Header })));
    expect(S3_HEADERS_REMOVED).toEqual(
      expect.arrayContaining(['server', 'x-amz-server-side-encryption', 'x-amz-version-id', 'x-amz-id-2', 'x-amz-request-id']),
    );
  });

  it('with a report endpoint, sends the Reporting-Endpoints header that the policy names in report-to', () => {
    const endpoint = 'https://reports.example/csp';
    const policy = contentSecurityPolicy(recordedHashes(), { reportEndpoint: endpoint });
    const reporting = Template.fromStack(new SiteStack(new App(), 'Reporting', { contentSecurityPolicy: policy, cspReportEndpoint: endpoint }));
    const config = Object.values(reporting.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig;
    expect(config.CustomHeadersConfig.Items).toContainEqual({ Header: 'Reporting-Endpoints', Value: `${CSP_REPORT_GROUP}="${endpoint}"`, Override: true });
    expect(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(
      /; report-to csp-endpoint; report-uri https:\/\/reports\.example\/csp$/,
    );
  });
});

describe('the optional custom domain and access logs', () => {
  it('are parameters whose defaults need neither a domain nor a log bucket', () => {
    template.hasParameter('DomainName', { Type: 'String', Default: '' });
    template.hasParameter('CertificateArn', { Type: 'String', Default: '' });
    template.hasParameter('AccessLogs', { Type: 'String', Default: 'disabled', AllowedValues: ['disabled', 'enabled'] });
  });

  it('set aliases and an SNI certificate with TLS 1.2 only when a domain is given, else the default certificate', () => {
    template.hasCondition('HasDomain', { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] });
    const config = distributionConfig();
    expect(config.Aliases).toEqual({ 'Fn::If': ['HasDomain', [{ Ref: 'DomainName' }], { Ref: 'AWS::NoValue' }] });
    expect(config.ViewerCertificate).toEqual({
      'Fn::If': [
        'HasDomain',
        { AcmCertificateArn: { Ref: 'CertificateArn' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2025' },
        { CloudFrontDefaultCertificate: true },
      ],
    });
  });

  it('refuse a domain without a certificate', () => {
    expect(template.toJSON().Rules.DomainNeedsCertificate).toEqual({
      RuleCondition: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] },
      Assertions: [
        { Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'CertificateArn' }, ''] }] }, AssertDescription: expect.stringContaining('CertificateArn') },
      ],
    });
  });

  it('create the log bucket and its policy only when logs are enabled', () => {
    template.hasCondition('LogsEnabled', { 'Fn::Equals': [{ Ref: 'AccessLogs' }, 'enabled'] });
    const logBucket = Object.entries(template.findResources('AWS::S3::Bucket')).find(([, r]) => r.Condition === 'LogsEnabled');
    expect(logBucket).toBeDefined();
    expect(logBucket![1].Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 90 })] },
    });
    template.hasResource('AWS::S3::BucketPolicy', { Condition: 'LogsEnabled', Properties: { Bucket: { Ref: logBucket![0] } } });
  });

  it('point CloudFront and S3 access logs at that bucket only when logs are enabled', () => {
    const logBucket = Object.entries(template.findResources('AWS::S3::Bucket')).find(([, r]) => r.Condition === 'LogsEnabled')![0];
    expect(distributionConfig().Logging).toEqual({
      'Fn::If': [
        'LogsEnabled',
        { Bucket: { 'Fn::GetAtt': [logBucket, 'RegionalDomainName'] }, Prefix: 'cloudfront/', IncludeCookies: false },
        { Ref: 'AWS::NoValue' },
      ],
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { 'Fn::If': ['LogsEnabled', { DestinationBucketName: { Ref: logBucket }, LogFilePrefix: 's3/' }, { Ref: 'AWS::NoValue' }] },
    });
  });
});

describe('the stack as a whole', () => {
  it('holds exactly the resources above and nothing that needs code assets or a bootstrap', () => {
    const types = Object.values(template.toJSON().Resources as Record<string, { Type: string }>)
      .map((r) => r.Type)
      .sort();
    expect(types).toEqual([
      'AWS::CloudFront::CachePolicy',
      'AWS::CloudFront::CachePolicy',
      'AWS::CloudFront::Distribution',
      'AWS::CloudFront::Function',
      'AWS::CloudFront::OriginAccessControl',
      'AWS::CloudFront::ResponseHeadersPolicy',
      'AWS::S3::Bucket',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::S3::BucketPolicy',
    ]);
    expect(template.toJSON().Parameters).not.toHaveProperty('BootstrapVersion');
    expect(Object.keys(template.toJSON().Rules)).toEqual(['DomainNeedsCertificate']);
  });

  it('fits inline in a CloudFormation request, so it deploys without a bootstrap bucket', () => {
    expect(JSON.stringify(template.toJSON(), null, 1).length).toBeLessThan(51_200);
  });

  it('outputs what the deploy command reads', () => {
    template.hasOutput('SiteBucketName', { Value: { Ref: Match.anyValue() } });
    template.hasOutput('DistributionId', { Value: { Ref: Match.anyValue() } });
    template.hasOutput('SiteBucketRegion', { Value: { Ref: 'AWS::Region' } });
    template.hasOutput('SiteUrl', { Value: { 'Fn::If': ['HasDomain', Match.anyValue(), Match.anyValue()] } });
  });
});

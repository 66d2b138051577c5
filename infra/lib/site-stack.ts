// The hosting stack: a private S3 bucket behind CloudFront (OAC), the viewer-request function, cache and security-header policies.
import { Aws, CfnCondition, CfnOutput, CfnParameter, CfnRule, LegacyStackSynthesizer, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnResource, StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct, IConstruct } from 'constructs';
import { contentSecurityPolicy, reportingEndpointsHeader, siteHashes } from './csp.ts';
import { VIEWER_REQUEST_FILE } from './viewer-request.ts';

/** How long CloudFront keeps a 404 answer before asking S3 again: short, so a page that appears after a deploy shows up fast. */
export const ERROR_CACHE_TTL = Duration.seconds(10);
/** Hashed assets never change under their name: a year, the longest a browser honours. */
export const IMMUTABLE_TTL = Duration.days(365);
/** Browser features the course never uses, switched off. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * Headers S3 adds about itself, removed before responses reach a browser: they tell nothing a visitor needs and
 * something an attacker may use (server software, encryption, object versions, request ids).
 */
export const S3_HEADERS_REMOVED = ['server', 'x-amz-server-side-encryption', 'x-amz-version-id', 'x-amz-id-2', 'x-amz-request-id', 'x-amz-expiration'];

export interface SiteStackProps extends StackProps {
  /** The Content-Security-Policy header; by default built from the hashes of dist/, or of infra/lib/csp-hashes.json without a build. */
  readonly contentSecurityPolicy?: string;
  /**
   * An https URL for CSP violation reports: sent as the Reporting-Endpoints header that the policy's report-to
   * directive names (build the policy with the same endpoint). None by default.
   */
  readonly cspReportEndpoint?: string;
}

export class SiteStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: SiteStackProps = {}) {
    super(scope, id, {
      description: 'Ship Small: the static course site on S3 and CloudFront',
      // The template has no assets and stays under CloudFormation's 51 KB inline limit, so the classic synthesizer
      // lets it deploy with the caller's own credentials and no `cdk bootstrap`: through `cdk deploy --app
      // infra/cdk.out` or plain `aws cloudformation deploy`.
      synthesizer: new LegacyStackSynthesizer(),
      ...props,
    });

    // ---- Parameters: everything optional; with the defaults the site is served at its *.cloudfront.net name, without logs.
    const domainName = new CfnParameter(this, 'DomainName', {
      type: 'String',
      default: '',
      description: 'Optional custom domain, such as course.example.com (point a DNS CNAME or alias at the distribution). Empty: none.',
      allowedPattern: '^$|^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$',
      constraintDescription: 'a lowercase host name such as course.example.com, or empty',
    });
    const certificateArn = new CfnParameter(this, 'CertificateArn', {
      type: 'String',
      default: '',
      description: 'ACM certificate for DomainName, issued in us-east-1 (CloudFront only reads certificates there). Required with DomainName.',
      allowedPattern: '^$|^arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]+$',
      constraintDescription: 'an ACM certificate ARN in us-east-1, or empty',
    });
    const accessLogs = new CfnParameter(this, 'AccessLogs', {
      type: 'String',
      default: 'disabled',
      allowedValues: ['disabled', 'enabled'],
      description:
        'enabled: create a log bucket and write CloudFront and S3 access logs to it (kept 90 days). disabled (default): no record of visitors is kept, and none to investigate with.',
    });
    const basePath = new CfnParameter(this, 'BasePath', {
      type: 'String',
      default: '/',
      description:
        'The path the site is built and uploaded under: / or, for BASE_PATH=/devops-course/, /devops-course/ (the deploy then uses --prefix devops-course).',
      allowedPattern: '^/([a-z0-9][a-z0-9._-]*/)*$',
      constraintDescription: 'a path that starts and ends with a slash, such as / or /devops-course/',
    });
    this.templateOptions.metadata = {
      'AWS::CloudFormation::Interface': {
        ParameterGroups: [
          { Label: { default: 'Custom domain (optional)' }, Parameters: [domainName.logicalId, certificateArn.logicalId] },
          { Label: { default: 'Access logs (optional)' }, Parameters: [accessLogs.logicalId] },
        ],
      },
    };

    const hasDomain = new CfnCondition(this, 'HasDomain', { expression: Fn.conditionNot(Fn.conditionEquals(domainName.valueAsString, '')) });
    const logsEnabled = new CfnCondition(this, 'LogsEnabled', { expression: Fn.conditionEquals(accessLogs.valueAsString, 'enabled') });
    new CfnRule(this, 'DomainNeedsCertificate', {
      ruleCondition: Fn.conditionNot(Fn.conditionEquals(domainName.valueAsString, '')),
      assertions: [
        {
          assert: Fn.conditionNot(Fn.conditionEquals(certificateArn.valueAsString, '')),
          assertDescription: 'A custom DomainName needs a CertificateArn (an ACM certificate in us-east-1 that covers it).',
        },
      ],
    });

    // ---- Optional log bucket, created only when AccessLogs=enabled.
    const logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logging writes with an ACL grant, so this one bucket keeps ACLs (owner-preferred).
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging its own access into itself would loop.',
    });

    // ---- The site bucket: private, TLS only, versioned so an overwritten or pruned object can be restored.
    this.bucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3 keeps ETags equal to the MD5 of the content, which the deploy uses to skip unchanged files.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [{ id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'S3ServerAccessLogs',
        principals: [new ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [logBucket.arnForObjects('s3/*')],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID }, ArnLike: { 'aws:SourceArn': this.bucket.bucketArn } },
      }),
    );
    onlyIf(logBucket, logsEnabled);
    (this.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
      'LoggingConfiguration',
      Fn.conditionIf(logsEnabled.logicalId, { DestinationBucketName: logBucket.bucketName, LogFilePrefix: 's3/' }, Aws.NO_VALUE),
    );
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logging is switched on by the AccessLogs parameter (a property override cdk-nag cannot see); off by default to keep a small site free of log storage.',
    });

    // The deploy's own records (release manifests, the pending record) are not for visitors: CloudFront may not read
    // them, so /_releases/current.json answers with the 404 page like any missing file.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DenyReleaseRecordsToCloudFront',
        effect: Effect.DENY,
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects('_releases/*'), this.bucket.arnForObjects('*/_releases/*')],
      }),
    );

    // ---- Edge behaviour.
    const viewerRequest = new cloudfront.Function(this, 'ViewerRequest', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromFile({ filePath: VIEWER_REQUEST_FILE }),
      comment: 'Serve /x/ as /x/index.html; redirect /x to /x/ keeping the query string; leave files alone.',
    });

    const immutableAssets = new cloudfront.CachePolicy(this, 'ImmutableAssets', {
      comment: 'Hashed /_astro/* assets: cached a year whatever the origin says; names change when content does.',
      minTtl: IMMUTABLE_TTL,
      defaultTtl: IMMUTABLE_TTL,
      maxTtl: IMMUTABLE_TTL,
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const revalidated = new cloudfront.CachePolicy(this, 'Revalidated', {
      comment: 'Pages and other unhashed files: follow the object Cache-Control (max-age=0, must-revalidate), so every request checks S3.',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      // Above zero so CloudFront may store (and compress) objects; the origin header still asks it to revalidate each time.
      maxTtl: IMMUTABLE_TTL,
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const reportEndpoint = props.cspReportEndpoint;
    const csp = props.contentSecurityPolicy ?? contentSecurityPolicy(siteHashes().hashes, { reportEndpoint });
    const customHeaders = [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }];
    if (reportEndpoint !== undefined) customHeaders.push({ header: 'Reporting-Endpoints', value: reportingEndpointsHeader(reportEndpoint), override: true });
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: "HSTS, nosniff, referrer policy, no framing, permissions policy and the site CSP; S3's own headers removed.",
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      },
      customHeadersBehavior: { customHeaders },
      removeHeaders: S3_HEADERS_REMOVED,
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const shared = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      responseHeadersPolicy: securityHeaders,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Ship Small course site',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        ...shared,
        cachePolicy: revalidated,
        functionAssociations: [{ function: viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      // Asset names all carry an extension, which the function would leave alone anyway: skip the invocation.
      additionalBehaviors: { '/_astro/*': { ...shared, cachePolicy: immutableAssets } },
      // Without s3:ListBucket, S3 answers a missing key with 403; both become the site's 404 page with a 404 status.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: ERROR_CACHE_TTL })),
    });

    // Custom domain and logs come from parameters, so they are set on the CloudFormation resource with Fn::If.
    const cfnDistribution = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
    // Under a base path, the hashed assets and the 404 page live below it.
    cfnDistribution.addPropertyOverride('DistributionConfig.CacheBehaviors.0.PathPattern', Fn.join('', [basePath.valueAsString, '_astro/*']));
    for (const i of [0, 1]) {
      cfnDistribution.addPropertyOverride(`DistributionConfig.CustomErrorResponses.${i}.ResponsePagePath`, Fn.join('', [basePath.valueAsString, '404.html']));
    }
    cfnDistribution.addPropertyOverride('DistributionConfig.Aliases', Fn.conditionIf(hasDomain.logicalId, [domainName.valueAsString], Aws.NO_VALUE));
    cfnDistribution.addPropertyOverride(
      'DistributionConfig.ViewerCertificate',
      Fn.conditionIf(
        hasDomain.logicalId,
        // TLSv1.2_2025: TLS 1.2 and 1.3 only, with forward-secret AEAD ciphers.
        { AcmCertificateArn: certificateArn.valueAsString, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2025' },
        { CloudFrontDefaultCertificate: true },
      ),
    );
    cfnDistribution.addPropertyOverride(
      'DistributionConfig.Logging',
      Fn.conditionIf(logsEnabled.logicalId, { Bucket: logBucket.bucketRegionalDomainName, Prefix: 'cloudfront/', IncludeCookies: false }, Aws.NO_VALUE),
    );
    acknowledge(this.distribution, {
      'AwsSolutions-CFR1': 'The course is public and meant for every country: no geo restriction.',
      'AwsSolutions-CFR2': 'A static site with no forms, logins or server code behind it; AWS WAF can be attached later if abuse appears, at extra cost.',
      'AwsSolutions-CFR3':
        'Access logging is switched on by AccessLogs=enabled (a property override cdk-nag cannot see). It is off by default: a small public course then keeps no record of visitors (no IP addresses to protect or delete) and pays for no log storage, at the cost of no record to investigate abuse or errors with.',
      'AwsSolutions-CFR4':
        'Without a DomainName the site is served on its *.cloudfront.net name, whose default certificate CloudFront fixes at the TLSv1 policy, so that name still accepts TLS 1.0 and 1.1. For production use a custom domain (DomainName and CertificateArn): its viewer certificate is then set to the TLSv1.2_2025 policy (TLS 1.2 and 1.3 only) by a property override.',
      'CloudFormation-Validate::F3014':
        'ViewerCertificate is an Fn::If whose branches each set exactly one of AcmCertificateArn or CloudFrontDefaultCertificate; the schema check cannot see into Fn::If.',
    });

    // ---- What the deploy command reads.
    new CfnOutput(this, 'SiteBucketName', { value: this.bucket.bucketName, description: 'Bucket the deploy command uploads to' });
    new CfnOutput(this, 'SiteBucketRegion', { value: Aws.REGION, description: 'Region of the site bucket' });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId, description: 'Distribution the deploy command invalidates' });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'SiteUrl', {
      value: Fn.conditionIf(hasDomain.logicalId, `https://${domainName.valueAsString}/`, `https://${this.distribution.distributionDomainName}/`).toString(),
    });
  }
}

/** Puts every CloudFormation resource under a construct behind a condition. */
function onlyIf(scope: IConstruct, condition: CfnCondition): void {
  for (const child of scope.node.findAll()) {
    if ('cfnOptions' in child) (child as CfnResource).cfnOptions.condition = condition;
  }
}

/** cdk-nag acknowledgements, each with its written reason. */
function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}

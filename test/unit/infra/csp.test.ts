// The Content-Security-Policy builder and the inline-code hashes it is built from.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARKED } from '../../../scripts/after-paint.ts';
import {
  CLOUDFRONT_CSP_MAX_LENGTH,
  CSP_REPORT_GROUP,
  contentSecurityPolicy,
  inlineCode,
  inlineHashes,
  inlineScriptHashes,
  missingHashes,
  recordedHashes,
  reportingEndpointsHeader,
} from '../../../infra/lib/csp.ts';

const FIXTURE = 'test/fixtures/s3-site';
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('finding inline code in a page', () => {
  it('takes inline scripts but not scripts loaded from a file or data blocks', () => {
    const html = `<script>a()</script><script type="module">b()</script><script type="module" src="/x.js"></script><script type="application/ld+json">{}</script>`;
    expect(inlineCode(html).scripts).toEqual(['a()', 'b()']);
  });

  it('takes inline scripts parked until first paint, which the page’s loader runs as they are', () => {
    expect(inlineCode(`<script type="${PARKED}">c()</script><script type="${PARKED}" src="/y.js"></script>`).scripts).toEqual(['c()']);
  });

  it('takes inline style elements and style attributes, decoding character references as the browser does', () => {
    const html = `<style>p{color:red}</style><td style="text-align:right"></td><p style='font-family:&quot;A&quot;'></p>`;
    expect(inlineCode(html)).toMatchObject({ styles: ['p{color:red}'], styleAttributes: ['text-align:right', 'font-family:"A"'] });
  });

  it('does not mistake text inside a script for a style attribute', () => {
    expect(inlineCode(`<script>el.innerHTML = '<b style="x">'</script>`).styleAttributes).toEqual([]);
  });
});

describe('hashing the inline code of a build', () => {
  it('hashes each distinct inline script once, whatever the number of pages that carry it', () => {
    const theme = readFileSync(`${FIXTURE}/index.html`, 'utf8').match(/<script>([\s\S]*?)<\/script>/)![1]!;
    expect(inlineScriptHashes(FIXTURE)).toEqual([hashOf(theme)]);
  });

  it('hashes the style attributes too', () => {
    expect(inlineHashes(FIXTURE)).toEqual({ scripts: [expect.any(String)], styles: [], styleAttributes: [hashOf('text-align:right')] });
  });
});

describe('the policy', () => {
  const policy = contentSecurityPolicy({ scripts: ["'sha256-A='"], styles: ["'sha256-B='"], styleAttributes: ["'sha256-C='"] });
  const d = directives(policy);

  it('allows scripts from the site and the hashed inline ones, and WebAssembly for Pagefind, but never eval or inline code', () => {
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-A='"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('allows only the hashed inline styles and style attributes', () => {
    expect(d.get('style-src')).toEqual(["'self'", "'sha256-B='"]);
    expect(d.get('style-src-attr')).toEqual(["'unsafe-hashes'", "'sha256-C='"]);
  });

  it('forbids plugins, framing, foreign form targets and <base>', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
  });

  it('names no other origin', () => {
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('forbids all style attributes when the pages have none', () => {
    expect(directives(contentSecurityPolicy({ scripts: [], styles: [], styleAttributes: [] })).get('style-src-attr')).toEqual(["'none'"]);
  });

  it('built from the recorded hashes, fits the length CloudFront accepts in a response headers policy', () => {
    expect(contentSecurityPolicy(recordedHashes()).length).toBeLessThanOrEqual(CLOUDFRONT_CSP_MAX_LENGTH);
  });
});

describe('reporting violations', () => {
  const hashes = { scripts: ["'sha256-A='"], styles: [], styleAttributes: [] };

  it('sends no report directive unless an endpoint is given', () => {
    expect(contentSecurityPolicy(hashes)).not.toMatch(/report-/);
  });

  it('names the endpoint with report-to, and with report-uri for browsers without the Reporting API', () => {
    const d = directives(contentSecurityPolicy(hashes, { reportEndpoint: 'https://reports.example/csp' }));
    expect(d.get('report-to')).toEqual([CSP_REPORT_GROUP]);
    expect(d.get('report-uri')).toEqual(['https://reports.example/csp']);
    expect(reportingEndpointsHeader('https://reports.example/csp')).toBe(`${CSP_REPORT_GROUP}="https://reports.example/csp"`);
  });

  it('refuses an endpoint that is not an https URL, or that could break out of the header', () => {
    expect(() => contentSecurityPolicy(hashes, { reportEndpoint: 'http://reports.example/csp' })).toThrow(/https/);
    expect(() => contentSecurityPolicy(hashes, { reportEndpoint: 'not a url' })).toThrow(/https/);
    expect(() => contentSecurityPolicy(hashes, { reportEndpoint: 'https://reports.example/a;script-src *' })).toThrow(/;/);
    expect(() => reportingEndpointsHeader('https://reports.example/"x')).toThrow(/"/);
  });
});

describe('checking a build against a deployed policy', () => {
  const deployed = contentSecurityPolicy({ scripts: ["'sha256-A='", "'sha256-B='"], styles: ["'sha256-S='"], styleAttributes: ["'sha256-T='"] });

  it('finds nothing missing when every hash of the build is in the policy, extra hashes allowed', () => {
    expect(missingHashes(deployed, { scripts: ["'sha256-A='"], styles: ["'sha256-S='"], styleAttributes: ["'sha256-T='"] })).toEqual([]);
  });

  it('names each hash of the build the policy lacks, with the directive it belongs in', () => {
    expect(missingHashes(deployed, { scripts: ["'sha256-A='", "'sha256-NEW='"], styles: ["'sha256-S2='"], styleAttributes: [] })).toEqual([
      { directive: 'script-src', hash: "'sha256-NEW='" },
      { directive: 'style-src', hash: "'sha256-S2='" },
    ]);
  });

  it('takes a style attribute as missing when the policy forbids all of them', () => {
    const none = contentSecurityPolicy({ scripts: [], styles: [], styleAttributes: [] });
    expect(missingHashes(none, { scripts: [], styles: [], styleAttributes: ["'sha256-T='"] })).toEqual([{ directive: 'style-src-attr', hash: "'sha256-T='" }]);
  });

  it('does not take a hash in one directive for another', () => {
    expect(missingHashes(deployed, { scripts: ["'sha256-S='"], styles: [], styleAttributes: [] })).toEqual([{ directive: 'script-src', hash: "'sha256-S='" }]);
  });
});

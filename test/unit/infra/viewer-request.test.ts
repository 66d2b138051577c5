// The CloudFront viewer-request function, evaluated as CloudFront runs it, against a table of paths.
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VIEWER_REQUEST_FILE, loadViewerRequest, route, viewerRequestEvent } from '../../../infra/lib/viewer-request.ts';

const handler = loadViewerRequest();
const source = readFileSync(VIEWER_REQUEST_FILE, 'utf8');

describe('the viewer-request function file', () => {
  it('is a plain script with no export, which CloudFront would reject', () => {
    expect(source).not.toMatch(/^\s*(export|import)\b/m);
    expect(source).not.toMatch(/module\.exports|\brequire\(/);
    expect(() => new Script(source, { filename: VIEWER_REQUEST_FILE })).not.toThrow();
  });

  it('fits in the 10 KB CloudFront allows for a function', () => {
    expect(Buffer.byteLength(source)).toBeLessThan(10 * 1024);
  });

  it('defines handler in a bare context without Node globals', () => {
    expect(typeof handler).toBe('function');
  });
});

/** Where a browser on a page of the site goes when it follows a redirect's Location. */
const followedFrom = (location: string, page = 'https://site.example/lessons/x') => new URL(location, page);

describe('redirects never leave the site', () => {
  const hostile: [description: string, uri: string, location: string][] = [
    ['two leading slashes (a scheme-relative URL)', '//evil.example/x', '/evil.example/x/'],
    ['three leading slashes', '///evil.example/x', '/evil.example/x/'],
    ['a slash and a backslash, which browsers read as two slashes', '/\\evil.example/x', '/%5Cevil.example/x/'],
    ['backslashes only', '/\\\\evil.example/x', '/%5C%5Cevil.example/x/'],
    ['a slash, a tab and a slash (browsers drop the tab)', '/\t/evil.example/x', '/%09/evil.example/x/'],
    ['a slash, a newline and a slash', '/\n/evil.example/x', '/%0A/evil.example/x/'],
    ['a slash, a space and a slash', '/ /evil.example/x', '/%20/evil.example/x/'],
    ['an IPv4 address written as one number', '//134744072', '/134744072/'],
    ['a host written with the ideographic full stop', '//evil\u3002example/x', '/evil%E3%80%82example/x/'],
    ['a host written with the fullwidth full stop', '//evil\uff0eexample', '/evil%EF%BC%8Eexample/'],
    ['a dot segment before the slashes', '/..//evil.example/x', '/../evil.example/x/'],
    ['doubled slashes further on', '/lessons//x', '/lessons/x/'],
    ['a DEL character', '/a\u007fb', '/a%7Fb/'],
    ['a lone surrogate', '/a\ud800b', '/a%EF%BF%BDb/'],
  ];

  it.each(hostile)('answers a path with %s with a redirect on the site (%j)', (_description, uri, location) => {
    expect(route(handler, uri)).toEqual({ kind: 'redirect', status: 301, location });
    expect(followedFrom(location).origin).toBe('https://site.example');
  });

  it('keeps the query string on a normalised redirect', () => {
    expect(route(handler, '//evil.example/x', 'a=1')).toEqual({ kind: 'redirect', status: 301, location: '/evil.example/x/?a=1' });
  });

  it('keeps every redirect, for any path a client can send, on the site and its Location free of control characters', () => {
    const segment = fc.string({
      unit: fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '.', '%', '@', ':', 'a', 'e', '\u3002', '\uff0e', '\u0000', '\ud800'),
    });
    fc.assert(
      fc.property(segment, fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (rest, query) => {
        const result = handler(viewerRequestEvent(`/${rest}`, query));
        if (!('statusCode' in result)) return;
        const location = result.headers!.location!.value;
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(location).not.toMatch(/[\u0000-\u0020\u007f-\uffff]/);
        expect(followedFrom(location).origin).toBe('https://site.example');
        expect(followedFrom(location, 'https://site.example/').origin).toBe('https://site.example');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('routing a viewer request', () => {
  const table: [description: string, uri: string, query: string | undefined, expected: ReturnType<typeof route>][] = [
    ['serves the home page as /index.html', '/', undefined, { kind: 'object', uri: '/index.html' }],
    ['serves a lesson with its slash as its index page', '/lessons/batch-size/', undefined, { kind: 'object', uri: '/lessons/batch-size/index.html' }],
    ['redirects a lesson without its slash', '/lessons/batch-size', undefined, { kind: 'redirect', status: 301, location: '/lessons/batch-size/' }],
    [
      'keeps the query string on the redirect',
      '/lessons/batch-size',
      'seed=42&batch=5',
      { kind: 'redirect', status: 301, location: '/lessons/batch-size/?seed=42&batch=5' },
    ],
    ['keeps repeated and valueless parameters as sent', '/lessons/x', 'a=1&a=2&flag', { kind: 'redirect', status: 301, location: '/lessons/x/?a=1&a=2&flag' }],
    [
      'keeps encoded characters in the query string',
      '/lessons/x',
      'q=caf%C3%A9%20au%20lait',
      { kind: 'redirect', status: 301, location: '/lessons/x/?q=caf%C3%A9%20au%20lait' },
    ],
    ['adds no "?" when the query string is empty', '/lessons/x', '', { kind: 'redirect', status: 301, location: '/lessons/x/' }],
    ['leaves the query string of a page alone (it stays on the request)', '/lessons/x/', 'seed=1', { kind: 'object', uri: '/lessons/x/index.html' }],
    ['leaves a hashed asset alone', '/_astro/BatchSim.D1lmNybE.js', undefined, { kind: 'object', uri: '/_astro/BatchSim.D1lmNybE.js' }],
    ['leaves a root file alone', '/favicon.svg', undefined, { kind: 'object', uri: '/favicon.svg' }],
    ['leaves an explicit index.html alone', '/lessons/x/index.html', undefined, { kind: 'object', uri: '/lessons/x/index.html' }],
    ['leaves the 404 page alone', '/404.html', undefined, { kind: 'object', uri: '/404.html' }],
    ['leaves Pagefind chunks alone', '/pagefind/index/en_1a2b.pf_index', undefined, { kind: 'object', uri: '/pagefind/index/en_1a2b.pf_index' }],
    ['serves a dotted directory with its slash as its index page', '/v1.2/intro/', undefined, { kind: 'object', uri: '/v1.2/intro/index.html' }],
    ['serves a dotted directory itself with its slash', '/v1.2/', undefined, { kind: 'object', uri: '/v1.2/index.html' }],
    ['redirects a page under a dotted directory', '/v1.2/intro', undefined, { kind: 'redirect', status: 301, location: '/v1.2/intro/' }],
    ['takes a bare dotted last segment for a file (links always carry the slash)', '/v1.2', undefined, { kind: 'object', uri: '/v1.2' }],
    ['keeps encoded characters in a directory path', '/notes%20and%20tips/', undefined, { kind: 'object', uri: '/notes%20and%20tips/index.html' }],
    ['redirects an encoded path without its slash, still encoded', '/caf%C3%A9', 'x=1', { kind: 'redirect', status: 301, location: '/caf%C3%A9/?x=1' }],
    ['counts an encoded dot as an extension, as S3 decodes it', '/notes%2Etxt', undefined, { kind: 'object', uri: '/notes%2Etxt' }],
    ['serves a site under a base path the same way', '/course/lessons/x/', undefined, { kind: 'object', uri: '/course/lessons/x/index.html' }],
  ];

  it.each(table)('%s (%s)', (_description, uri, query, expected) => {
    expect(route(handler, uri, query)).toEqual(expected);
  });

  it('rebuilds the query string from the parsed object on runtimes without rawQueryString()', () => {
    const event = viewerRequestEvent('/lessons/x', 'seed=42&tag=a&tag=b', { withRawHelper: false });
    const result = handler(event);
    expect(result).toMatchObject({ statusCode: 301, headers: { location: { value: '/lessons/x/?seed=42&tag=a&tag=b' } } });
  });

  it('returns a response CloudFront accepts: a status, its description and lowercase header names', () => {
    const result = handler(viewerRequestEvent('/lessons/x'));
    expect(result).toEqual({
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: '/lessons/x/' }, 'cache-control': { value: 'public, max-age=3600' } },
    });
  });

  it('returns the same request object with only its uri changed', () => {
    const event = viewerRequestEvent('/lessons/x/', 'a=1');
    const result = handler(event);
    expect(result).toBe(event.request);
    expect(result).toMatchObject({ method: 'GET', uri: '/lessons/x/index.html', querystring: { a: { value: '1' } } });
  });
});

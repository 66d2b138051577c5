// Runs infra/functions/viewer-request.js the way CloudFront does: as a plain script in a bare context, calling handler(event).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';

/** The one CloudFront Function source file: the stack deploys it and the tests run it. */
export const VIEWER_REQUEST_FILE = fileURLToPath(new URL('../functions/viewer-request.js', import.meta.url));

export interface CloudFrontValue {
  value: string;
  multiValue?: { value: string }[];
}

/** The request object CloudFront passes in a viewer-request event (the parts this site uses). */
export interface CloudFrontRequest {
  method: string;
  uri: string;
  querystring: Record<string, CloudFrontValue>;
  headers: Record<string, CloudFrontValue>;
  cookies: Record<string, CloudFrontValue>;
  rawQueryString?: () => string | undefined;
}

export interface CloudFrontResponse {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, CloudFrontValue>;
}

export type ViewerRequestHandler = (event: {
  version: string;
  context: object;
  viewer: object;
  request: CloudFrontRequest;
}) => CloudFrontRequest | CloudFrontResponse;

/** Evaluates the function file in a fresh context with no Node globals (no require, module or process) and returns its handler. */
export function loadViewerRequest(file = VIEWER_REQUEST_FILE): ViewerRequestHandler {
  const context = createContext({});
  runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  const handler = (context as { handler?: unknown }).handler;
  if (typeof handler !== 'function') throw new Error(`${file} does not define a global function handler(event)`);
  return handler as ViewerRequestHandler;
}

/**
 * A viewer-request event as CloudFront builds it from a URL path and an optional raw query string (without "?"):
 * lowercase names, values as sent, and the rawQueryString() helper of cloudfront-js-2.0.
 */
export function viewerRequestEvent(uri: string, rawQuery?: string, { withRawHelper = true } = {}) {
  // No prototype: a parameter named "__proto__" or "constructor" is then just a name, as it is to CloudFront.
  const querystring: Record<string, CloudFrontValue> = Object.create(null) as Record<string, CloudFrontValue>;
  for (const pair of rawQuery ? rawQuery.split('&') : []) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    const existing = querystring[name];
    if (existing) existing.multiValue = [...(existing.multiValue ?? [{ value: existing.value }]), { value }];
    else querystring[name] = { value };
  }
  const request: CloudFrontRequest = { method: 'GET', uri, querystring, headers: { host: { value: 'd111111abcdef8.cloudfront.net' } }, cookies: {} };
  if (withRawHelper) request.rawQueryString = () => rawQuery;
  return {
    version: '1.0',
    context: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: 'test' },
    viewer: { ip: '198.51.100.7' },
    request,
  };
}

export type Routed = { kind: 'object'; uri: string } | { kind: 'redirect'; status: number; location: string };

/** What the function does with a path: the URI it forwards to S3, or the redirect it answers with. */
export function route(handler: ViewerRequestHandler, uri: string, rawQuery?: string): Routed {
  const result = handler(viewerRequestEvent(uri, rawQuery));
  if ('statusCode' in result) return { kind: 'redirect', status: result.statusCode, location: result.headers?.location?.value ?? '' };
  return { kind: 'object', uri: result.uri };
}

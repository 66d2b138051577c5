// Serves dist/ the way S3 behind CloudFront does: the viewer-request function, exact keys, the 404 page, headers and compression.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { contentSecurityPolicy, inlineHashes } from '../infra/lib/csp.ts';
import { loadViewerRequest, viewerRequestEvent } from '../infra/lib/viewer-request.ts';
import { normalizeBase } from './deploy/s3-paths.ts';
import { headersFor } from './deploy/files.ts';

/**
 * Content types CloudFront compresses (its developer guide, "File types that CloudFront compresses"), the ones this
 * site serves among them. The web manifest, WebAssembly and Pagefind's pre-compressed chunks are not on the list.
 */
const COMPRESSIBLE = new Set([
  'application/javascript',
  'application/json',
  'application/xml',
  'image/svg+xml',
  'text/css',
  'text/csv',
  'text/html',
  'text/javascript',
  'text/plain',
  'text/xml',
]);

/** CloudFront compresses objects from 1,000 to 10,000,000 bytes only. */
const MIN_COMPRESSIBLE = 1000;
const MAX_COMPRESSIBLE = 10_000_000;

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding CloudFront answers with, given the viewer's Accept-Encoding, the object's type and size: Brotli when the
 * viewer takes both (the site's cache policies enable both), gzip when it takes only gzip, else the bytes as stored.
 * Chromium offers Brotli only over HTTPS, so on this plain-HTTP server it is served gzip, as the figures were.
 */
export function chooseEncoding(acceptEncoding: string | undefined, contentType: string, size: number): Encoding {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!COMPRESSIBLE.has(type) || size < MIN_COMPRESSIBLE || size > MAX_COMPRESSIBLE) return 'identity';
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

export interface ServeOptions {
  /** The built site. */
  dist?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The path prefix the site was built for ("/" or "/course/"). */
  base?: string;
  /** Send the site's Content-Security-Policy (and the other security headers) as the response headers policy does. */
  securityHeaders?: boolean;
}

export interface RunningServer {
  /** The site's root URL, ending in "/". */
  url: string;
  close(): Promise<void>;
}

interface Stored {
  status: number;
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

/** Starts the server; resolves once it listens. */
export async function serveCompressed({ dist = 'dist', port = 0, base = '/', securityHeaders = true }: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`serve-compressed: no build in ${dist}/. Run \`npm run build\` first.`);
  const prefix = normalizeBase(base);
  const handler = loadViewerRequest();
  const policyHeaders: Record<string, string> = securityHeaders
    ? {
        'content-security-policy': contentSecurityPolicy(inlineHashes(root)),
        'strict-transport-security': 'max-age=63072000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
      }
    : {};
  // Compressed bodies are kept, as CloudFront caches each encoding once.
  const compressed = new Map<string, Buffer>();

  /** The S3 object for a key (relative to dist), or undefined when S3 would answer 403/404. */
  const object = (key: string): Stored | undefined => {
    const file = join(root, key);
    if (!file.startsWith(root + '/') || !existsSync(file) || !statSync(file).isFile()) return undefined;
    const { contentType, cacheControl } = headersFor(key);
    return { status: 200, body: readFileSync(file), contentType, cacheControl };
  };

  /** What the distribution answers for a request path and query, before compression. */
  const answer = (pathname: string, query: string): Stored | { redirect: string } => {
    const routed = handler(viewerRequestEvent(pathname, query));
    if ('statusCode' in routed) return { redirect: routed.headers?.location?.value ?? '/' };
    const uri = decodeURIComponent(routed.uri);
    const found = uri.startsWith(prefix) ? object(uri.slice(prefix.length)) : undefined;
    if (found) return found;
    // 403 and 404 from S3 become the site's 404 page with status 404.
    const notFound = object('404.html');
    return notFound
      ? { ...notFound, status: 404 }
      : { status: 404, body: Buffer.from('Not found'), contentType: 'text/plain; charset=utf-8', cacheControl: 'no-store' };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...policyHeaders }).end();
      return;
    }
    let result: ReturnType<typeof answer>;
    try {
      result = answer(url.pathname, url.search.slice(1));
    } catch {
      res.writeHead(400, policyHeaders).end();
      return;
    }
    if ('redirect' in result) {
      res.writeHead(301, { location: result.redirect, 'cache-control': 'public, max-age=3600', ...policyHeaders }).end();
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], result.contentType, result.body.length);
    let body = result.body;
    if (encoding !== 'identity') {
      const cacheKey = `${encoding}:${url.pathname}:${result.status}`;
      body =
        compressed.get(cacheKey) ??
        (encoding === 'br'
          ? brotliCompressSync(result.body, { params: { [zlib.BROTLI_PARAM_SIZE_HINT]: result.body.length } })
          : gzipSync(result.body, { level: 6 }));
      compressed.set(cacheKey, body);
    }
    res.writeHead(result.status, {
      'content-type': result.contentType,
      'cache-control': result.cacheControl,
      'content-length': String(body.length),
      vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      ...policyHeaders,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// Run directly: serve until stopped.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: process.env.DIST ?? 'dist' },
      port: { type: 'string', default: process.env.PORT ?? '4322' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve-compressed: --port must be a whole number from 0 to 65535, got "${values.port}".`);
    process.exit(1);
  }
  try {
    const running = await serveCompressed({ dist: values.dist, port, base: values.base });
    console.log(`Serving ${values.dist}/ as CloudFront would (gzip or Brotli, exact S3 keys, the site's headers) at ${running.url}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

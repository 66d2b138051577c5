// The local stand-in for S3 behind CloudFront: encodings, exact keys, redirects, the 404 page and headers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serveCompressed, type RunningServer } from '../../../scripts/serve-compressed.ts';

describe('choosing an encoding as CloudFront does', () => {
  it('prefers Brotli when offered, falls back to gzip, and sends the bytes as stored otherwise', () => {
    expect(chooseEncoding('gzip, deflate, br', 'text/html; charset=utf-8', 5000)).toBe('br');
    expect(chooseEncoding('gzip, deflate', 'text/html; charset=utf-8', 5000)).toBe('gzip');
    expect(chooseEncoding('identity', 'text/html; charset=utf-8', 5000)).toBe('identity');
    expect(chooseEncoding(undefined, 'text/html; charset=utf-8', 5000)).toBe('identity');
    expect(chooseEncoding('br;q=0, gzip', 'text/css', 5000)).toBe('gzip');
  });

  it('compresses only its listed text types, from 1,000 bytes to 10,000,000', () => {
    expect(chooseEncoding('gzip', 'text/javascript; charset=utf-8', 999)).toBe('identity');
    expect(chooseEncoding('gzip', 'text/javascript; charset=utf-8', 1000)).toBe('gzip');
    expect(chooseEncoding('gzip', 'text/javascript; charset=utf-8', 10_000_001)).toBe('identity');
    expect(chooseEncoding('gzip', 'application/wasm', 50_000)).toBe('identity');
    expect(chooseEncoding('gzip', 'application/manifest+json', 5000)).toBe('identity');
    expect(chooseEncoding('gzip', 'application/octet-stream', 5000)).toBe('identity');
  });
});

describe('serving a build', () => {
  const dist = mkdtempSync(join(tmpdir(), 'serve-compressed-'));
  const big = `<!DOCTYPE html><html><body>${'<p>Ship small, ship often.</p>'.repeat(100)}</body></html>`;
  let server: RunningServer;
  beforeAll(async () => {
    mkdirSync(join(dist, 'lessons/x'), { recursive: true });
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'index.html'), big);
    writeFileSync(join(dist, 'lessons/x/index.html'), big);
    writeFileSync(join(dist, '404.html'), '<!DOCTYPE html><title>Not found</title>');
    writeFileSync(join(dist, '_astro/a.1234.js'), 'export const a = 1;\n'.repeat(100));
    server = await serveCompressed({ dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const get = (path: string, encoding = 'gzip') => fetch(new URL(path.slice(1), server.url), { headers: { 'accept-encoding': encoding }, redirect: 'manual' });

  it('serves a directory URL from its index.html, gzip-compressed, with the object headers the deploy sets', async () => {
    const res = await get('/lessons/x/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    // fetch decodes the body itself; the header shows what went over the wire.
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(big);
  });

  it('sends gzip bytes that really are the file, and hashed assets as immutable', async () => {
    const { request } = await import('node:http');
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
      request(new URL('_astro/a.1234.js', server.url), { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', fail)
        .end();
    });
    expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(raw.body).toString()).toBe('export const a = 1;\n'.repeat(100));
  });

  it('redirects a directory URL without its slash, keeping the query', async () => {
    const res = await get('/lessons/x?seed=4');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/lessons/x/?seed=4');
  });

  it('answers a missing key with the 404 page and status 404', async () => {
    const res = await get('/lessons/missing/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Not found');
  });

  it('refuses to start without a build, saying what to run', async () => {
    await expect(serveCompressed({ dist: join(dist, 'nothing-here') })).rejects.toThrow(/npm run build/);
  });
});

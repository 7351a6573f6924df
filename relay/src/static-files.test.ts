import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../test/helpers';
import { acceptedCodings, chooseEncoding } from './static-files';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['BR', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    [' br ; q=0.5 , gzip ; q=0.4', 'br'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['deflate', 'identity'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, *;q=0.1', 'gzip'],
    ['br;q=abc, gzip;q=0.5', 'gzip'],
    ['identity;q=0', 'identity'],
    ['identity;q=0, *;q=0', 'identity'],
    [',, ;q=1,', 'identity'],
  ] as const)('answers Accept-Encoding %j with %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });

  it('lists every accepted coding, most wanted first, so a missing variant falls back to the next', () => {
    expect(acceptedCodings('gzip;q=0.9, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedCodings('br, gzip;q=0')).toEqual(['br']);
  });
});

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** node:http rather than fetch: fetch sends its own Accept-Encoding and decodes the body before we see it. */
function send(
  relay: TestRelay,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(relay.httpUrl + path, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('precompressed static files over HTTP', () => {
  let relay: TestRelay;
  let root: string;
  // Text long and repetitive enough that both codings shrink it, and differently.
  const text = (name: string) =>
    Array.from({ length: 200 }, (_, i) => `/* ${name} */ console.log("Chung Tay ${i}");\n`).join('');
  const originals = new Map<string, Buffer>();

  /** Writes a file and, for each suffix given, its precompressed sibling as the client build does. */
  function write(path: string, content: Buffer, variants: readonly ('.br' | '.gz')[]): void {
    writeFileSync(join(root, path), content);
    originals.set(path, content);
    if (variants.includes('.br')) writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
    if (variants.includes('.gz')) writeFileSync(join(root, `${path}.gz`), gzipSync(content, { level: 9 }));
  }
  const original = (path: string): Buffer => {
    const content = originals.get(path);
    if (content === undefined) throw new Error(`no fixture ${path}`);
    return content;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'relay-precompressed-'));
    mkdirSync(join(root, 'assets'));
    const both = ['.br', '.gz'] as const;
    write('index.html', Buffer.from(`<!doctype html><title>Chung Tay</title>${text('index')}`), both);
    write('sw.js', Buffer.from(text('sw')), both);
    write('workbox-9c191d2f.js', Buffer.from(text('workbox')), both);
    write('manifest.webmanifest', Buffer.from(JSON.stringify({ name: 'Chung Tay', notes: text('m') })), both);
    write('assets/index-3f9a1c.js', Buffer.from(text('app')), both);
    write('assets/gzip-only-8d7e6f.js', Buffer.from(text('gzip only')), ['.gz']);
    write('assets/plain-9f8e7d.css', Buffer.from('body{margin:0}'), []);
    write('icon-192.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), []);
    // A stray sibling of an image must never be sent: images are not negotiated.
    writeFileSync(join(root, 'icon-192.png.br'), brotliCompressSync(original('icon-192.png')));
    relay = await startTestRelay({ staticDir: root });
  });
  afterAll(async () => {
    await relay.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, with the original type and the variant length', async () => {
    const response = await send(relay, '/assets/index-3f9a1c.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    const onDisk = readFileSync(join(root, 'assets/index-3f9a1c.js.br'));
    expect(Number(response.headers['content-length'])).toBe(onDisk.length);
    expect(response.body.length).toBeLessThan(original('assets/index-3f9a1c.js').length / 4);
    expect(brotliDecompressSync(response.body).equals(original('assets/index-3f9a1c.js'))).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip, or prefers it by q', async () => {
    for (const acceptEncoding of ['gzip', 'gzip;q=1, br;q=0.5', 'br;q=0, *']) {
      const response = await send(relay, '/assets/index-3f9a1c.js', { 'accept-encoding': acceptEncoding });
      expect(response.headers['content-encoding'], acceptEncoding).toBe('gzip');
      expect(Number(response.headers['content-length']), acceptEncoding).toBe(response.body.length);
      expect(gunzipSync(response.body).equals(original('assets/index-3f9a1c.js')), acceptEncoding).toBe(true);
    }
  });

  it('sends the original to a client that accepts no coding, still saying the answer varies', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': '*;q=0' }]) {
      const response = await send(relay, '/assets/index-3f9a1c.js', headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBe(original('assets/index-3f9a1c.js').length);
      expect(response.body.equals(original('assets/index-3f9a1c.js'))).toBe(true);
    }
    const refused = await send(relay, '/assets/index-3f9a1c.js', { 'accept-encoding': 'identity;q=0' });
    expect(refused.status).toBe(200);
    expect(refused.body.equals(original('assets/index-3f9a1c.js'))).toBe(true);
  });

  it('falls back to the next accepted coding, then to the original, when a variant was not built', async () => {
    const gzipOnly = await send(relay, '/assets/gzip-only-8d7e6f.js', { 'accept-encoding': 'br, gzip' });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.body).equals(original('assets/gzip-only-8d7e6f.js'))).toBe(true);

    const brOnly = await send(relay, '/assets/gzip-only-8d7e6f.js', { 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(original('assets/gzip-only-8d7e6f.js'))).toBe(true);

    const plain = await send(relay, '/assets/plain-9f8e7d.css', { 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe('body{margin:0}');
  });

  it('never negotiates images: no coding, no Vary', async () => {
    const response = await send(relay, '/icon-192.png', { 'accept-encoding': 'br, gzip' });
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toBeUndefined();
    expect(response.body.equals(original('icon-192.png'))).toBe(true);
  });

  it('caches content-hashed files for a year and makes the rest revalidate, compressed or not', async () => {
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      for (const [path, cacheControl] of [
        ['/assets/index-3f9a1c.js', IMMUTABLE],
        ['/workbox-9c191d2f.js', IMMUTABLE],
        ['/', 'no-cache'],
        ['/index.html', 'no-cache'],
        ['/club/abc/roster', 'no-cache'],
        ['/sw.js', 'no-cache'],
        ['/manifest.webmanifest', 'no-cache'],
        ['/icon-192.png', 'no-cache'],
      ] as const) {
        const response = await send(relay, path, { 'accept-encoding': acceptEncoding });
        expect(response.status, `${path} ${acceptEncoding}`).toBe(200);
        expect(response.headers['cache-control'], `${path} ${acceptEncoding}`).toBe(cacheControl);
      }
    }
  });

  it('answers an SPA route with the compressed index', async () => {
    const response = await send(relay, '/club/abc/roster', { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(response.body).equals(original('index.html'))).toBe(true);
    const manifest = await send(relay, '/manifest.webmanifest', { 'accept-encoding': 'gzip' });
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(gunzipSync(manifest.body).equals(original('manifest.webmanifest'))).toBe(true);
  });

  it('tags each variant apart and answers 304 to a matching If-None-Match', async () => {
    const path = '/sw.js';
    const br = await send(relay, path, { 'accept-encoding': 'br' });
    const gzip = await send(relay, path, { 'accept-encoding': 'gzip' });
    const identity = await send(relay, path);
    const tags = [br, gzip, identity].map((response) => response.headers.etag);
    expect(new Set(tags).size).toBe(3);
    const brTag = br.headers.etag ?? '';

    const notModified = await send(relay, path, { 'accept-encoding': 'br', 'if-none-match': brTag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(brTag);
    expect(notModified.headers.vary).toBe('Accept-Encoding');
    expect(notModified.headers['cache-control']).toBe('no-cache');

    // Weak comparison, and a tag among several.
    const strongForm = brTag.replace(/^W\//, '');
    for (const ifNoneMatch of [strongForm, `"other", ${brTag}`, '*']) {
      const response = await send(relay, path, { 'accept-encoding': 'br', 'if-none-match': ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
    }

    // The brotli tag does not validate the gzip body: a browser that changed its mind gets the full answer.
    const otherVariant = await send(relay, path, { 'accept-encoding': 'gzip', 'if-none-match': brTag });
    expect(otherVariant.status).toBe(200);
    expect(otherVariant.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(otherVariant.body).equals(original('sw.js'))).toBe(true);
  });

  it('answers HEAD with the headers of the variant GET would send, and no body', async () => {
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      const get = await send(relay, '/workbox-9c191d2f.js', { 'accept-encoding': acceptEncoding });
      const head = await send(relay, '/workbox-9c191d2f.js', { 'accept-encoding': acceptEncoding }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of [
        'content-encoding',
        'content-length',
        'content-type',
        'vary',
        'etag',
        'cache-control',
      ]) {
        expect(head.headers[name], `${acceptEncoding} ${name}`).toBe(get.headers[name]);
      }
      expect(Number(head.headers['content-length'])).toBe(get.body.length);
    }
  });

  it('still keeps requests inside the static root', async () => {
    const escaped = await send(relay, '/..%2f..%2fetc/hosts.txt', { 'accept-encoding': 'br' });
    expect(escaped.status).toBe(404);
    const missing = await send(relay, '/assets/missing-123.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
  });
});

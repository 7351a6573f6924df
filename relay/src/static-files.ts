import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The files the client build writes .br/.gz beside (client/vite.config.ts); images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** The codings the build precompresses, in the order we prefer them when the client likes both equally. */
const PRECOMPRESSED = ['br', 'gzip'] as const;
type Precompressed = (typeof PRECOMPRESSED)[number];
export type ContentCoding = Precompressed | 'identity';
const SUFFIX: Readonly<Record<Precompressed, string>> = { br: '.br', gzip: '.gz' };

/** Must be revalidated on every load, or a PWA update never reaches the tablets. */
const NEVER_CACHED = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);

/** Workbox names its runtime after a hash of its content (workbox-9c191d2f.js), like Vite's /assets/. */
const HASHED_WORKBOX = /^\/workbox-[0-9a-f]+\.js$/;

function cacheControl(path: string): string {
  if (NEVER_CACHED.has(path)) return 'no-cache';
  // A content-hashed file never changes under its name: a changed file gets a new name.
  if (path.startsWith('/assets/') || HASHED_WORKBOX.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * The precompressed codings an Accept-Encoding header accepts, most wanted first: by q, brotli first on a tie. A
 * coding the header does not name takes the q of `*`, and q=0 refuses it. No header, or none accepted: identity
 * only. Identity stays the last resort even when refused (`identity;q=0`): an uncompressed answer serves the
 * client better than a 406.
 */
export function acceptedCodings(acceptEncoding: string | undefined): readonly Precompressed[] {
  if (acceptEncoding === undefined) return [];
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    // A weight that is not a number in [0, 1] is malformed: the entry is dropped rather than guessed at.
    if (Number.isNaN(q) || q < 0 || q > 1) continue;
    weights.set(name, q);
  }
  const weighted = PRECOMPRESSED.map((coding) => ({
    coding,
    q: weights.get(coding) ?? weights.get('*') ?? 0,
  }));
  // Array.prototype.sort is stable, so equal weights keep PRECOMPRESSED's order (brotli first).
  return weighted
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ coding }) => coding);
}

/** The coding to answer with when every variant exists. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentCoding {
  return acceptedCodings(acceptEncoding)[0] ?? 'identity';
}

async function fileStats(path: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** Weak: it is made from size and time, not from the bytes; the coding keeps each variant's tag apart. */
function entityTag(stats: Stats, coding: ContentCoding): string {
  const base = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
  return `W/"${coding === 'identity' ? base : `${base}-${coding}`}"`;
}

function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  // If-None-Match compares weakly: W/"x" and "x" are the same tag.
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(tag));
}

/**
 * The file to send: the most wanted precompressed sibling that exists, else the original. A variant the build
 * skipped (it saved nothing) or that was never built falls through to the next accepted one.
 */
async function pickVariant(
  file: string,
  original: Stats,
  acceptEncoding: string | undefined,
): Promise<{ path: string; stats: Stats; coding: ContentCoding }> {
  for (const coding of acceptedCodings(acceptEncoding)) {
    const path = file + SUFFIX[coding];
    const stats = await fileStats(path);
    if (stats !== undefined) return { path, stats, coding };
  }
  return { path: file, stats: original, coding: 'identity' };
}

/**
 * Serves the built PWA. A GET for a path without a file extension that is not a file (an SPA route such as
 * /club/abc/roster) gets index.html; a missing file with an extension gets 404. Text files go out as the
 * .br or .gz the build wrote beside them when the request accepts that coding, so the relay compresses nothing.
 */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://relay').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const relative = normalize(pathname === '/' ? '/index.html' : pathname);
  let file = join(root, relative);
  let served = relative;
  // normalize() resolves '..'; anything still escaping the root is refused.
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    response.writeHead(404).end();
    return;
  }
  let original = await fileStats(file);
  if (original === undefined) {
    const index = extname(relative) === '' ? await fileStats(join(root, 'index.html')) : undefined;
    if (index === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
    served = '/index.html';
    original = index;
  }
  const compressible = COMPRESSIBLE.has(extname(file));
  const variant = compressible
    ? await pickVariant(file, original, request.headers['accept-encoding'])
    : { path: file, stats: original, coding: 'identity' as const };
  const tag = entityTag(variant.stats, variant.coding);
  const headers: OutgoingHttpHeaders = {
    'cache-control': cacheControl(served),
    etag: tag,
    // Every answer for this URL depends on Accept-Encoding, the uncompressed one too: a shared cache must not
    // hand the identity body to a browser that could have had brotli, nor brotli to one that cannot read it.
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  };
  if (matchesIfNoneMatch(request.headers['if-none-match'], tag)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': variant.stats.size,
    ...(variant.coding === 'identity' ? {} : { 'content-encoding': variant.coding }),
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // The file may vanish between stat and read (a rebuild): cut the connection rather than crash the relay.
  pipeline(createReadStream(variant.path), response, (error) => {
    if (error) response.destroy();
  });
}

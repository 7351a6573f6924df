import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isClubId, parseBearerKey } from '@chungtay/protocol';
import type { ClubRegistry } from '../store/doc-store';
import { blobKeyRole, decideBlobAccess } from './blob-access';
import type { BlobScope, BlobStore } from './blob-store';

export interface BlobLimits {
  /** One photo, shrunk on the tablet to about 1,600 px: some 300 KB; 5 MB leaves room for a dense scan. */
  readonly maxBlobBytes: number;
  /** Everything a club's blobs may take on the relay. */
  readonly clubMaxBlobBytes: number;
}

export const DEFAULT_BLOB_LIMITS: BlobLimits = {
  maxBlobBytes: 5 * 1024 * 1024,
  clubMaxBlobBytes: 2 * 1024 ** 3,
};

export interface BlobApiContext {
  readonly blobs: BlobStore;
  readonly clubs: ClubRegistry;
  readonly limits: BlobLimits;
}

/** PUT/GET/DELETE /api/clubs/:clubId/blobs/:hash; the hash is lowercase hex SHA-256 of the bytes. */
export const BLOB_ROUTE = /^\/api\/clubs\/([^/]+)\/blobs\/([0-9a-f]{64})$/;

/** Only what the tablet makes (see client/src/device/photo-shrink.ts): nothing the browser would run. */
const CONTENT_TYPES = new Set(['image/jpeg', 'image/webp']);

function answer(response: ServerResponse, status: number, error?: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(error === undefined ? { ok: true } : { error }));
}

async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Stop reading at once: a hostile client cannot make the relay buffer more than the limit.
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function scopeOf(request: IncomingMessage): BlobScope | undefined {
  const given = request.headers['x-blob-scope'] ?? 'club';
  return given === 'club' || given === 'health' ? given : undefined;
}

export async function handleBlobRequest(
  context: BlobApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  clubId: string,
  hash: string,
): Promise<void> {
  if (!isClubId(clubId)) return answer(response, 404, 'clubNotRegistered');
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'PUT' && method !== 'DELETE') return answer(response, 405, 'notFound');
  const key = parseBearerKey(request.headers.authorization);
  const who = await blobKeyRole(context.clubs, clubId, key);
  if (!who.ok)
    return answer(response, who.access.type === 'refused' ? who.access.status : 401, 'unauthorized');

  if (method === 'GET') {
    const stored = await context.blobs.get(clubId, hash);
    const access = decideBlobAccess(who.role, 'read', stored?.scope ?? 'club');
    if (access.type === 'refused') return answer(response, access.status, access.reason);
    if (stored === undefined) return answer(response, 404, 'blobNotFound');
    response.writeHead(200, {
      'content-type': stored.contentType,
      'content-length': String(stored.bytes.length),
      // The address is the content: it never changes, but it is private, so no shared cache keeps it.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    response.end(Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.length));
    return;
  }

  if (method === 'DELETE') {
    // Erasure of the photos on an erased member's visits: the committee's key only. Absent already (a
    // retry, another tablet's erasure) is 404, which the tablet takes as done.
    const access = decideBlobAccess(who.role, 'delete', 'club');
    if (access.type === 'refused') return answer(response, access.status, access.reason);
    return (await context.blobs.delete(clubId, hash))
      ? answer(response, 200)
      : answer(response, 404, 'blobNotFound');
  }

  const scope = scopeOf(request);
  if (scope === undefined) return answer(response, 400, 'invalidScope');
  const access = decideBlobAccess(who.role, 'write', scope);
  if (access.type === 'refused') return answer(response, access.status, access.reason);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!CONTENT_TYPES.has(contentType)) return answer(response, 415, 'unsupportedType');
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > context.limits.maxBlobBytes) return answer(response, 413, 'blobTooLarge');
  if (await context.blobs.has(clubId, hash)) {
    // Already here (another tablet sent it): the upload is done without reading it.
    request.resume();
    return answer(response, 200);
  }
  const bytes = await readBody(request, context.limits.maxBlobBytes);
  if (bytes === undefined) return answer(response, 413, 'blobTooLarge');
  if (createHash('sha256').update(bytes).digest('hex') !== hash) return answer(response, 400, 'hashMismatch');
  if ((await context.blobs.clubBytes(clubId)) + bytes.length > context.limits.clubMaxBlobBytes)
    return answer(response, 507, 'storageQuotaExceeded');
  await context.blobs.put({ clubId, hash, bytes, contentType, scope });
  return answer(response, 201);
}

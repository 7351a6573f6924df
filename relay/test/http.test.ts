import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, registerClubPath, rotateKeysPath } from '@chungtay/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClubId, startTestRelay, type TestRelay } from './helpers';

function postRegistration(relay: TestRelay, clubId: string, registrationCode?: string) {
  return fetch(relay.httpUrl + registerClubPath(clubId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ editorKey: generateKey(), viewerKey: generateKey(), registrationCode }),
  });
}

describe('http endpoints', () => {
  let relay: TestRelay;
  let staticDir: string;
  const get = (path: string) => fetch(relay.httpUrl + path);

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'relay-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Chung Tay</title>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.skipWaiting()');
    writeFileSync(join(staticDir, 'registerSW.js'), '/* register */');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Chung Tay"}');
    writeFileSync(join(staticDir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.css'), 'body{}');
    relay = await startTestRelay({ staticDir });
  });
  afterAll(async () => {
    await relay.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('never caches the index, the service worker, its registration or the manifest', async () => {
    for (const [path, type] of [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/sw.js', 'text/javascript'],
      ['/registerSW.js', 'text/javascript'],
      ['/manifest.webmanifest', 'application/manifest+json'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('content-type'), path).toContain(type);
    }
  });

  it('caches hashed assets for good, with their content types', async () => {
    const js = await get('/assets/index-3f9a1c.js');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect((await get('/assets/index-3f9a1c.css')).headers.get('content-type')).toContain('text/css');
    expect((await get('/icon-192.png')).headers.get('content-type')).toBe('image/png');
  });

  it('answers SPA routes with index.html and missing files with 404', async () => {
    const route = await get('/club/abc/roster');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Chung Tay');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/assets/missing-123.js')).status).toBe(404);
    // '..' never leaves the static root: this is just another SPA route.
    expect(await (await get('/%2e%2e/%2e%2e/etc/passwd')).text()).toContain('Chung Tay');
    expect((await get('/..%2f..%2fetc/hosts.txt')).status).toBe(404);
  });

  it('reports health as JSON', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', protocolVersion: 1 });
  });

  it('serves Prometheus metrics', async () => {
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of [
      'relay_connections',
      'relay_documents_in_memory',
      'relay_updates_received_total',
      'relay_bytes_received_total',
      'relay_messages_sent_total',
      'relay_bytes_sent_total',
      'relay_updates_stored_per_second',
      'relay_bytes_received_per_second',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
  });

  describe('CORS for the club API, so the app may be served from another origin than its relay', () => {
    const appOrigin = 'https://app.example.vn';

    it('answers the browser preflight of a registration or a rotation', async () => {
      for (const path of [registerClubPath(newClubId()), rotateKeysPath(newClubId())]) {
        const response = await fetch(relay.httpUrl + path, {
          method: 'OPTIONS',
          headers: {
            origin: appOrigin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, authorization',
          },
        });
        expect(response.status, path).toBe(204);
        expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
        // PUT and GET for the photo blobs, whose scope travels in X-Blob-Scope.
        expect(response.headers.get('access-control-allow-methods'), path).toBe('POST, PUT, GET, DELETE');
        expect(response.headers.get('access-control-allow-headers'), path).toBe(
          'content-type, authorization, x-blob-scope',
        );
        expect(response.headers.get('access-control-max-age'), path).toBe('86400');
        expect(response.headers.get('access-control-allow-credentials'), path).toBeNull();
        expect(await response.text(), path).toBe('');
      }
    });

    it('lets another origin read the API answers, refusals included', async () => {
      const clubId = newClubId();
      const keys = { editorKey: generateKey(), viewerKey: generateKey() };
      const post = (path: string, body: unknown, bearer?: string) =>
        fetch(relay.httpUrl + path, {
          method: 'POST',
          headers: {
            origin: appOrigin,
            'content-type': 'application/json',
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          body: JSON.stringify(body),
        });
      const registered = await post(registerClubPath(clubId), keys);
      expect(registered.status).toBe(201);
      expect(registered.headers.get('access-control-allow-origin')).toBe('*');
      const next = { editorKey: generateKey(), viewerKey: generateKey() };
      const rotated = await post(rotateKeysPath(clubId), next, keys.editorKey);
      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('access-control-allow-origin')).toBe('*');
      const refused = await post(
        rotateKeysPath(clubId),
        { editorKey: generateKey(), viewerKey: generateKey() },
        keys.editorKey,
      );
      expect(refused.status).toBe(410);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      const wrongMethod = await fetch(relay.httpUrl + registerClubPath(clubId), {
        headers: { origin: appOrigin },
      });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('adds no CORS headers outside /api/', async () => {
      for (const path of ['/', '/healthz', '/metrics']) {
        const response = await fetch(relay.httpUrl + path, { headers: { origin: appOrigin } });
        expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
      }
      const preflight = await fetch(`${relay.httpUrl}/healthz`, {
        method: 'OPTIONS',
        headers: { origin: appOrigin, 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(405);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('lets a relay without a registration code register whatever code comes along, however often', async () => {
    for (let i = 0; i < 15; i++) {
      const response = await postRegistration(relay, newClubId(), `anything ${i}`);
      expect(response.status).toBe(201);
    }
  });

  it('refuses websocket upgrades outside /sync/', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`ws://127.0.0.1:${relay.port}/elsewhere`);
    const outcome = await new Promise<string>((resolve) => {
      socket.on('error', () => resolve('error'));
      socket.on('open', () => resolve('open'));
    });
    expect(outcome).toBe('error');
  });
});

describe('registration code attempts', () => {
  it('are refused relay-wide with 429 once 10 failed, the right code too, and counted', async () => {
    const code = 'Kx7qP2mZ9vR4tW8n';
    const relay = await startTestRelay({ registrationCode: code });
    try {
      for (let i = 0; i < 10; i++)
        expect((await postRegistration(relay, newClubId(), `guess${i}`)).status).toBe(403);
      const refused = await postRegistration(relay, newClubId(), 'guess10');
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({ error: 'tooManyAttempts' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(6);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect((await postRegistration(relay, newClubId(), code)).status).toBe(429);
      // Without a code nothing is guessed: the tablet is told a code is needed, as always.
      expect((await postRegistration(relay, newClubId())).status).toBe(403);
      const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
      expect(metrics).toContain('relay_registrations_refused_total{reason="wrongCode"} 10');
      expect(metrics).toContain('relay_registrations_refused_total{reason="tooManyAttempts"} 2');
      expect(metrics).toContain('relay_registrations_refused_total{reason="missingCode"} 1');
    } finally {
      await relay.close();
    }
  });
});

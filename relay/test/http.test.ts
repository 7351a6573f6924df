import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from './helpers';

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
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
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

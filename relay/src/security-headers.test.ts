import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../test/helpers';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers';

describe('security headers', () => {
  let relay: TestRelay;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'relay-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(
      join(staticDir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/a.js"></script>',
    );
    writeFileSync(join(staticDir, 'assets', 'a.js'), 'export {};');
    relay = await startTestRelay({ staticDir });
  });
  afterAll(async () => {
    await relay.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('come with every answer: the app, its assets, a deep link, a missing file, the API, health and metrics', async () => {
    const answers = await Promise.all([
      fetch(`${relay.httpUrl}/`),
      fetch(`${relay.httpUrl}/assets/a.js`),
      fetch(`${relay.httpUrl}/club/abc/roster`),
      fetch(`${relay.httpUrl}/missing.png`),
      fetch(`${relay.httpUrl}/api/clubs/x/register`, { method: 'POST', body: '{' }),
      fetch(`${relay.httpUrl}/api/clubs/x/register`, { method: 'OPTIONS' }),
      fetch(`${relay.httpUrl}/healthz`),
      fetch(`${relay.httpUrl}/metrics`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 404, 400, 204, 200, 200]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(answer.headers.get(name), `${answer.url} ${name}`).toBe(value);
    }
  });

  it('allow no inline script and no framing, the camera for this origin only, and no referrer', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(SECURITY_HEADERS['permissions-policy']).toMatch(/(^|, )camera=\(self\)(,|$)/);
    expect(SECURITY_HEADERS['permissions-policy']).toContain('microphone=()');
    expect(SECURITY_HEADERS['referrer-policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });
});

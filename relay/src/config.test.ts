import { describe, expect, it } from 'vitest';
import type { ConfigSources } from './config';
import { parseConfig } from './config';

const base: ConfigSources = { env: {}, argv: [], packageDir: '/srv/app/relay', cwd: '/run' };

describe('parseConfig', () => {
  it('uses the documented defaults', () => {
    const parsed = parseConfig(base);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/run/.data',
      staticDir: '/srv/app/client/dist',
      registrationCode: undefined,
      limits: {
        maxMessageBytes: 4 * 1024 * 1024,
        rateLimitMessagesPerSecond: 250,
        rateLimitBurst: 300,
        rateLimitCloseAfterMs: 60_000,
      },
    });
  });

  it('reads environment variables, and flags win over them', () => {
    const parsed = parseConfig({
      ...base,
      env: { PORT: '9000', DATA_DIR: '/var/relay', RELAY_REGISTRATION_CODE: 'abc', MAX_DOCS_IN_MEMORY: '10' },
      argv: ['--port', '9100', '--idle-unload-ms=5', '--static-dir', 'dist'],
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      port: 9100,
      dataDir: '/var/relay',
      staticDir: '/run/dist',
      registrationCode: 'abc',
      limits: { maxDocsInMemory: 10, idleUnloadMs: 5 },
    });
  });

  it('names the setting that is wrong', () => {
    const error = (sources: Partial<ConfigSources>) => {
      const parsed = parseConfig({ ...base, ...sources });
      return parsed.ok ? undefined : parsed.error.setting;
    };
    expect(error({ env: { PORT: 'eighty' } })).toBe('PORT');
    expect(error({ env: { MAX_MESSAGE_BYTES: '10' } })).toBe('MAX_MESSAGE_BYTES');
    expect(error({ argv: ['--nope', '1'] })).toBe('--nope');
    expect(error({ argv: ['--port'] })).toBe('--port');
    expect(error({ env: { LOG_LEVEL: 'loud' } })).toBe('LOG_LEVEL');
    expect(error({ argv: ['--rate-limit-close-after-ms', '10'] })).toBe('RATE_LIMIT_CLOSE_AFTER_MS');
  });
});

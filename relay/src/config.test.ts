import { describe, expect, it } from 'vitest';
import type { ConfigSources } from './config';
import { parseConfig } from './config';

const base: ConfigSources = { env: {}, argv: [], packageDir: '/srv/app/relay', cwd: '/run' };

describe('parseConfig', () => {
  it('uses the documented defaults', () => {
    const parsed = parseConfig({ ...base, env: { RELAY_REGISTRATION_CODE: 'a-long-random-code' } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/run/.data',
      staticDir: '/srv/app/client/dist',
      registrationCode: 'a-long-random-code',
      openRegistration: false,
      backup: undefined,
      limits: {
        maxMessageBytes: 4 * 1024 * 1024,
        rateLimitMessagesPerSecond: 250,
        rateLimitBurst: 300,
        rateLimitCloseAfterMs: 60_000,
        maxConnections: 20_000,
        clubMaxDocuments: 2_000,
        clubMaxBytes: 100 * 1024 * 1024,
      },
    });
  });

  it('refuses to listen beyond loopback without a registration code, unless registration is opened explicitly', () => {
    const refused = parseConfig(base);
    expect(refused.ok || refused.error.setting).toBe('RELAY_REGISTRATION_CODE');
    expect(parseConfig({ ...base, argv: ['--host', '192.168.1.10'] }).ok).toBe(false);
    for (const host of ['127.0.0.1', '127.3.0.1', '::1', '[::1]', 'localhost']) {
      const parsed = parseConfig({ ...base, argv: ['--host', host] });
      expect(parsed.ok && parsed.value.openRegistration).toBe(false);
    }
    const flag = parseConfig({ ...base, argv: ['--open-registration', '--port', '9000'] });
    expect(flag.ok && flag.value).toMatchObject({ openRegistration: true, port: 9000 });
    expect(parseConfig({ ...base, env: { OPEN_REGISTRATION: '1' } }).ok).toBe(true);
    expect(parseConfig({ ...base, env: { OPEN_REGISTRATION: '0' } }).ok).toBe(false);
    const wrong = parseConfig({ ...base, env: { OPEN_REGISTRATION: 'yes please' } });
    expect(wrong.ok || wrong.error.setting).toBe('OPEN_REGISTRATION');
  });

  it('takes a Redis URL to share rooms with other relay processes, and refuses anything else', () => {
    const local = { ...base, argv: ['--host', '127.0.0.1'] };
    expect(parseConfig(local).ok && parseConfig(local)).toMatchObject({ value: { redisUrl: undefined } });
    const parsed = parseConfig({ ...local, env: { REDIS_URL: 'redis://10.0.0.5:6379' } });
    expect(parsed.ok && parsed.value.redisUrl).toBe('redis://10.0.0.5:6379');
    const wrong = parseConfig({ ...local, env: { REDIS_URL: 'localhost:6379' } });
    expect(wrong.ok || wrong.error.setting).toBe('REDIS_URL');
  });

  it('reads a backup schedule only when a backup directory is given', () => {
    const local = { ...base, argv: ['--host', '127.0.0.1'] };
    expect(parseConfig(local).ok && parseConfig(local)).toMatchObject({ value: { backup: undefined } });
    const parsed = parseConfig({ ...local, env: { BACKUP_DIR: 'backups', BACKUP_INTERVAL_MINUTES: '60' } });
    expect(parsed.ok && parsed.value.backup).toEqual({ dir: '/run/backups', intervalMinutes: 60, keep: 28 });
    const zero = parseConfig({ ...local, env: { BACKUP_DIR: '/b', BACKUP_INTERVAL_MINUTES: '0' } });
    expect(zero.ok || zero.error.setting).toBe('BACKUP_INTERVAL_MINUTES');
  });

  it('reads environment variables, and flags win over them', () => {
    const parsed = parseConfig({
      ...base,
      env: {
        PORT: '9000',
        DATA_DIR: '/var/relay',
        RELAY_REGISTRATION_CODE: 'abc',
        MAX_DOCS_IN_MEMORY: '10',
        CLUB_MAX_BYTES: '2048',
      },
      argv: ['--port', '9100', '--idle-unload-ms=5', '--static-dir', 'dist'],
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      port: 9100,
      dataDir: '/var/relay',
      staticDir: '/run/dist',
      registrationCode: 'abc',
      limits: { maxDocsInMemory: 10, idleUnloadMs: 5, clubMaxBytes: 2048 },
    });
  });

  it('stays on SQLite without DATABASE_URL and takes a postgres:// URL and pool size when given', () => {
    const local = parseConfig({ ...base, env: { HOST: '127.0.0.1' } });
    expect(local.ok && local.value.databaseUrl).toBeUndefined();
    const shared = parseConfig({
      ...base,
      env: { HOST: '127.0.0.1', DATABASE_URL: 'postgres://relay@db.local:5432/chungtay' },
      argv: ['--database-pool-max', '4'],
    });
    expect(shared.ok && shared.value).toMatchObject({
      databaseUrl: 'postgres://relay@db.local:5432/chungtay',
      databasePoolMax: 4,
    });
    const wrong = parseConfig({ ...base, env: { HOST: '127.0.0.1', DATABASE_URL: 'mysql://x/y' } });
    expect(wrong.ok ? undefined : wrong.error.setting).toBe('DATABASE_URL');
  });

  it('names the setting that is wrong', () => {
    const error = (sources: Partial<ConfigSources>) => {
      const parsed = parseConfig({
        ...base,
        env: { HOST: '127.0.0.1', ...sources.env },
        argv: sources.argv ?? [],
      });
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

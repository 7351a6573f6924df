import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';

export interface RelayConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly staticDir: string;
  readonly registrationCode: string | undefined;
  /**
   * Anyone may register a club although the relay listens beyond loopback (OPEN_REGISTRATION, an explicit
   * choice: without it such a relay refuses to start with no registration code).
   */
  readonly openRegistration?: boolean;
  /** Online backups of the SQLite store on a schedule (see backup.ts); none when BACKUP_DIR is unset. */
  readonly backup?: BackupSchedule | undefined;
  readonly limits: RelayLimits;
  readonly compactAfterUpdates: number;
  readonly storedAckIntervalMs: number;
  /** How often each socket is pinged to find dead ones (see heartbeat.ts). */
  readonly pingIntervalMs: number;
  readonly syncChunkBytes: number;
  readonly logLevel: string;
  readonly sqliteSynchronous: 'normal' | 'full';
  /** Redis shared by several relay processes (see README, *Several processes*); unset: one process alone. */
  readonly redisUrl?: string | undefined;
  /** PostgreSQL shared by several relay processes (README, *PostgreSQL*); unset: SQLite in DATA_DIR. */
  readonly databaseUrl?: string | undefined;
  /** Connections this process opens to PostgreSQL at most. */
  readonly databasePoolMax?: number;
}

export interface BackupSchedule {
  readonly dir: string;
  readonly intervalMinutes: number;
  /** How many of the newest backups are kept; older ones are deleted after each new one. */
  readonly keep: number;
}

export type ConfigError = {
  readonly type: 'invalidConfig';
  readonly setting: string;
  readonly reason: string;
};
export type ConfigResult =
  | { readonly ok: true; readonly value: RelayConfig }
  | { readonly ok: false; readonly error: ConfigError };

export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Command-line arguments after the script, e.g. ['--port', '9000'] or ['--port=9000']. */
  readonly argv: readonly string[];
  /** Directory of the relay package, against which the default STATIC_DIR is resolved. */
  readonly packageDir: string;
  readonly cwd: string;
}

/** Every setting, by its environment name; the flag is the lower-case, dashed form (PORT → --port). */
const SETTINGS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'STATIC_DIR',
  'RELAY_REGISTRATION_CODE',
  'OPEN_REGISTRATION',
  'MAX_CONNECTIONS',
  'CLUB_MAX_DOCUMENTS',
  'CLUB_MAX_BYTES',
  'BACKUP_DIR',
  'BACKUP_INTERVAL_MINUTES',
  'BACKUP_KEEP',
  'MAX_MESSAGE_BYTES',
  'RATE_LIMIT_MESSAGES_PER_SECOND',
  'RATE_LIMIT_BURST',
  'RATE_LIMIT_CLOSE_AFTER_MS',
  'MAX_DOCS_IN_MEMORY',
  'IDLE_UNLOAD_MS',
  'COMPACT_AFTER_UPDATES',
  'STORED_ACK_INTERVAL_MS',
  'PING_INTERVAL_MS',
  'LOG_LEVEL',
  'SQLITE_SYNCHRONOUS',
  'SYNC_CHUNK_BYTES',
  'REDIS_URL',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
] as const;
type Setting = (typeof SETTINGS)[number];
/** Settings that are switches: the flag alone means on (`--open-registration`). */
const SWITCHES: ReadonlySet<Setting> = new Set(['OPEN_REGISTRATION']);

/** Whether a bind address reaches this machine only: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

export function flagName(setting: Setting): string {
  return `--${setting.toLowerCase().replaceAll('_', '-')}`;
}

function readFlags(argv: readonly string[]): Map<string, string> | ConfigError {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const setting = SETTINGS.find((s) => flagName(s) === name);
    if (setting === undefined) return { type: 'invalidConfig', setting: arg, reason: 'unknown flag' };
    const value = eq !== -1 ? arg.slice(eq + 1) : SWITCHES.has(setting) ? '1' : argv[++i];
    if (value === undefined) return { type: 'invalidConfig', setting: name, reason: 'missing value' };
    flags.set(setting, value);
  }
  return flags;
}

/** Parses and validates the configuration once, at start-up; flags win over environment variables. */
export function parseConfig(sources: ConfigSources): ConfigResult {
  const flags = readFlags(sources.argv);
  if (!(flags instanceof Map)) return { ok: false, error: flags };
  const raw = (setting: Setting): string | undefined => {
    const value = flags.get(setting) ?? sources.env[setting];
    return value === '' ? undefined : value;
  };
  let failure: ConfigError | undefined;
  const integer = (
    setting: Setting,
    fallback: number,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): number => {
    const text = raw(setting);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      failure ??= { type: 'invalidConfig', setting, reason: `must be an integer from ${min} to ${max}` };
    }
    return value;
  };
  const path = (value: string, base: string) => (isAbsolute(value) ? value : resolve(base, value));
  const toggle = (setting: Setting): boolean => {
    const text = raw(setting);
    if (text === undefined || text === '0' || text === 'false') return false;
    if (text !== '1' && text !== 'true')
      failure ??= { type: 'invalidConfig', setting, reason: 'must be 1 or 0 (true or false)' };
    return true;
  };
  const backupDir = raw('BACKUP_DIR');

  const config: RelayConfig = {
    port: integer('PORT', 8080, 0, 65535),
    host: raw('HOST') ?? '0.0.0.0',
    dataDir: path(raw('DATA_DIR') ?? './.data', sources.cwd),
    staticDir:
      raw('STATIC_DIR') === undefined
        ? resolve(sources.packageDir, '../client/dist')
        : path(raw('STATIC_DIR') ?? '', sources.cwd),
    registrationCode: raw('RELAY_REGISTRATION_CODE'),
    openRegistration: toggle('OPEN_REGISTRATION'),
    backup:
      backupDir === undefined
        ? undefined
        : {
            dir: path(backupDir, sources.cwd),
            intervalMinutes: integer('BACKUP_INTERVAL_MINUTES', 360, 1, 7 * 24 * 60),
            keep: integer('BACKUP_KEEP', 28, 1, 10_000),
          },
    limits: {
      maxMessageBytes: integer('MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes, 1024),
      rateLimitMessagesPerSecond: integer(
        'RATE_LIMIT_MESSAGES_PER_SECOND',
        DEFAULT_LIMITS.rateLimitMessagesPerSecond,
        1,
      ),
      rateLimitBurst: integer('RATE_LIMIT_BURST', DEFAULT_LIMITS.rateLimitBurst, 1),
      rateLimitCloseAfterMs: integer('RATE_LIMIT_CLOSE_AFTER_MS', DEFAULT_LIMITS.rateLimitCloseAfterMs, 1000),
      maxDocsInMemory: integer('MAX_DOCS_IN_MEMORY', DEFAULT_LIMITS.maxDocsInMemory, 1),
      idleUnloadMs: integer('IDLE_UNLOAD_MS', DEFAULT_LIMITS.idleUnloadMs, 0),
      maxConnections: integer('MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections, 1),
      clubMaxDocuments: integer('CLUB_MAX_DOCUMENTS', DEFAULT_LIMITS.clubMaxDocuments, 1),
      clubMaxBytes: integer('CLUB_MAX_BYTES', DEFAULT_LIMITS.clubMaxBytes, 1024),
    },
    compactAfterUpdates: integer('COMPACT_AFTER_UPDATES', 500, 2),
    storedAckIntervalMs: integer('STORED_ACK_INTERVAL_MS', 1000, 0, 10_000),
    pingIntervalMs: integer('PING_INTERVAL_MS', 30_000, 100, 600_000),
    syncChunkBytes: integer('SYNC_CHUNK_BYTES', 256 * 1024, 1024),
    logLevel: raw('LOG_LEVEL') ?? 'info',
    sqliteSynchronous: raw('SQLITE_SYNCHRONOUS') === 'full' ? 'full' : 'normal',
    redisUrl: raw('REDIS_URL'),
    databaseUrl: raw('DATABASE_URL'),
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 1000),
  };
  if (config.databaseUrl !== undefined && !/^postgres(ql)?:\/\/./.test(config.databaseUrl)) {
    failure ??= {
      type: 'invalidConfig',
      setting: 'DATABASE_URL',
      reason: 'must be a postgres:// or postgresql:// URL',
    };
  }
  if (config.redisUrl !== undefined && !/^rediss?:\/\/./.test(config.redisUrl)) {
    failure ??= {
      type: 'invalidConfig',
      setting: 'REDIS_URL',
      reason: 'must be a redis:// or rediss:// URL',
    };
  }
  if (!['normal', 'full', undefined].includes(raw('SQLITE_SYNCHRONOUS'))) {
    failure ??= { type: 'invalidConfig', setting: 'SQLITE_SYNCHRONOUS', reason: 'must be normal or full' };
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    failure ??= { type: 'invalidConfig', setting: 'LOG_LEVEL', reason: 'must be a pino level' };
  }
  // Safe by default: a relay others can reach lets nobody register a club without the code, unless the
  // operator said so in as many words (relay/README.md, *Safe by default*).
  if (!isLoopbackHost(config.host) && config.registrationCode === undefined && !config.openRegistration) {
    failure ??= {
      type: 'invalidConfig',
      setting: 'RELAY_REGISTRATION_CODE',
      reason: `required when HOST (${config.host}) is not a loopback address; set it, or start with --open-registration (OPEN_REGISTRATION=1) to let anyone register a club`,
    };
  }
  return failure === undefined ? { ok: true, value: config } : { ok: false, error: failure };
}

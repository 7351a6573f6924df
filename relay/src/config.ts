import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';

export interface RelayConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly staticDir: string;
  readonly registrationCode: string | undefined;
  readonly limits: RelayLimits;
  readonly compactAfterUpdates: number;
  readonly storedAckIntervalMs: number;
  /** How often each socket is pinged to find dead ones (see heartbeat.ts). */
  readonly pingIntervalMs: number;
  readonly syncChunkBytes: number;
  readonly logLevel: string;
  readonly sqliteSynchronous: 'normal' | 'full';
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
] as const;
type Setting = (typeof SETTINGS)[number];

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
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
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

  const config: RelayConfig = {
    port: integer('PORT', 8080, 0, 65535),
    host: raw('HOST') ?? '0.0.0.0',
    dataDir: path(raw('DATA_DIR') ?? './.data', sources.cwd),
    staticDir:
      raw('STATIC_DIR') === undefined
        ? resolve(sources.packageDir, '../client/dist')
        : path(raw('STATIC_DIR') ?? '', sources.cwd),
    registrationCode: raw('RELAY_REGISTRATION_CODE'),
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
    },
    compactAfterUpdates: integer('COMPACT_AFTER_UPDATES', 500, 2),
    storedAckIntervalMs: integer('STORED_ACK_INTERVAL_MS', 1000, 0, 10_000),
    pingIntervalMs: integer('PING_INTERVAL_MS', 30_000, 100, 600_000),
    syncChunkBytes: integer('SYNC_CHUNK_BYTES', 256 * 1024, 1024),
    logLevel: raw('LOG_LEVEL') ?? 'info',
    sqliteSynchronous: raw('SQLITE_SYNCHRONOUS') === 'full' ? 'full' : 'normal',
  };
  if (!['normal', 'full', undefined].includes(raw('SQLITE_SYNCHRONOUS'))) {
    failure ??= { type: 'invalidConfig', setting: 'SQLITE_SYNCHRONOUS', reason: 'must be normal or full' };
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    failure ??= { type: 'invalidConfig', setting: 'LOG_LEVEL', reason: 'must be a pino level' };
  }
  return failure === undefined ? { ok: true, value: config } : { ok: false, error: failure };
}

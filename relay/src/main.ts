/** Entry point and the only module that reads the environment: parse config, open storage, listen, stop cleanly. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startRelay } from './app';
import { canBackUp, listenForBackupRequests, ScheduledBackups } from './backup';
import { runBackupCommand } from './backup-cli';
import { openSqliteBlobStore } from './blob/sqlite-blob-store';
import { isLoopbackHost, parseConfig } from './config';
import { openSqliteStorage } from './store/sqlite-doc-store';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `backup <destination>`: a command, not a relay (backup-cli.ts). pnpm runs it in the package directory and
// says in INIT_CWD where the operator typed it, against which a relative destination is meant.
if (process.argv[2] === 'backup') {
  const code = await runBackupCommand(process.argv.slice(3), {
    dataDir: resolve(process.cwd(), process.env.DATA_DIR || './.data'),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    logger: pino({ name: 'relay-backup' }),
  });
  process.exit(code);
}
const parsed = parseConfig({ env: process.env, argv: process.argv.slice(2), packageDir, cwd: process.cwd() });
const bootLogger = pino({ name: 'relay' });
if (!parsed.ok) {
  bootLogger.fatal({ setting: parsed.error.setting, reason: parsed.error.reason }, 'invalid configuration');
  process.exit(2);
}
const config = parsed.value;
const logger = pino({ name: 'relay', level: config.logLevel });
// DATABASE_URL: documents and clubs in a PostgreSQL several relay processes share; else SQLite in DATA_DIR.
const storage =
  config.databaseUrl === undefined
    ? openSqliteStorage(config.dataDir, config.sqliteSynchronous)
    : // Loaded only when configured: `pg` and `ioredis` weigh ~8 MiB of RSS a SQLite relay never uses.
      await (await import('./store/postgres-doc-store'))
        .openPostgresStorage(config.databaseUrl, {
          poolMax: config.databasePoolMax,
          onPoolError: (error) =>
            logger.warn({ err: error }, 'a PostgreSQL connection failed; the pool opens another'),
        })
        .catch((error: unknown) => {
          // Unreachable, wrong password, or a schema from a newer relay: one log line, never the URL (it holds
          // the password).
          logger.fatal({ err: error }, 'cannot open the PostgreSQL database (DATABASE_URL)');
          process.exit(1);
        });
if (config.databaseUrl !== undefined) logger.info({ poolMax: config.databasePoolMax }, 'storage: PostgreSQL');
// Waits for Redis: a relay started without it would serve its documents apart from the other processes.
const bus =
  config.redisUrl === undefined
    ? undefined
    : await (await import('./room/redis-bus')).RedisRoomBus.connect(config.redisUrl, logger);
// Photos beside the documents: a SQLite file of their own, or the PostgreSQL database every process shares
// (relay/README.md, *Photos and scans*).
const blobs =
  config.databaseUrl === undefined
    ? openSqliteBlobStore(config.dataDir)
    : await (await import('./blob/postgres-blob-store'))
        .openPostgresBlobStore(config.databaseUrl, (error) =>
          logger.warn(
            { err: error },
            'a PostgreSQL connection of the photo store failed; the pool opens another',
          ),
        )
        .catch((error: unknown) => {
          logger.fatal({ err: error }, 'cannot open the photo store in PostgreSQL (DATABASE_URL)');
          process.exit(1);
        });
const relay = await startRelay(config, Object.assign(storage, { blobs }), logger, bus);
logger.info(
  {
    port: relay.port,
    host: config.host,
    dataDir: config.dataDir,
    staticDir: config.staticDir,
    registrationRequired: config.registrationCode !== undefined,
    sharedThroughRedis: bus !== undefined,
  },
  'relay listening',
);
if (config.registrationCode === undefined && !isLoopbackHost(config.host))
  logger.warn(
    { host: config.host },
    'open registration: anyone who reaches this relay may register a club (started with --open-registration)',
  );

// Backups of the SQLite store while it runs (backup.ts): on request from `pnpm backup`, and on a schedule.
const backupSource = canBackUp(storage) ? storage : undefined;
const adminSocket =
  backupSource &&
  (await listenForBackupRequests(backupSource, config.dataDir, logger).catch((error: unknown) => {
    // E.g. a DATA_DIR path too long for a Unix socket (108 bytes): the relay runs, scheduled backups still do.
    logger.warn({ err: error }, 'backup requests cannot be taken (admin socket)');
    return undefined;
  }));
const scheduledBackups =
  backupSource && config.backup && new ScheduledBackups(backupSource, config.backup, logger);
if (config.backup !== undefined && backupSource === undefined)
  logger.warn('BACKUP_DIR backs up SQLite only: back PostgreSQL up with pg_dump (relay/README.md, Backups)');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  adminSocket?.close();
  Promise.resolve(scheduledBackups?.stop())
    .then(() => relay.close())
    .then(() => bus?.close())
    .then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

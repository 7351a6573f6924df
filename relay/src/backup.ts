import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, isAbsolute, join } from 'node:path';
import type { Logger } from 'pino';
import type { BackupSchedule } from './config';

/** What can back itself up while it runs: SQLite's online backup (sqlite-doc-store.ts). */
export interface BackupSource {
  backup(destination: string): Promise<void>;
}

/** Whether a store can back itself up while it runs (SQLite can; PostgreSQL is backed up with pg_dump). */
export function canBackUp(storage: object): storage is BackupSource {
  return typeof (storage as Partial<BackupSource>).backup === 'function';
}

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
  readonly ms: number;
}

/** The Unix socket in DATA_DIR through which `pnpm backup` asks the running relay for a backup. */
export function adminSocketPath(dataDir: string): string {
  return join(dataDir, 'admin.sock');
}

/**
 * Backs the running store up into `destination`: SQLite's online backup copies the database page by page
 * between the relay's own transactions, so appends go on meanwhile and the copy is one consistent moment.
 * It is written beside the destination first and renamed at the end, so a file at that name is always whole.
 */
export async function backupTo(source: BackupSource, destination: string): Promise<BackupResult> {
  const started = performance.now();
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await source.backup(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return {
    path: destination,
    bytes: statSync(destination).size,
    ms: Math.round(performance.now() - started),
  };
}

/** `relay-20261203T143000Z.sqlite`: sorts by time, and says when it was taken. */
export function backupFileName(at: Date): string {
  return `relay-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.sqlite`;
}

const SCHEDULED = /^relay-\d{8}T\d{6}Z\.sqlite$/;

/** Deletes all but the newest `keep` scheduled backups in `dir` (files the relay did not name are left alone). */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => SCHEDULED.test(name))
    .sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

/**
 * Backups on a schedule (BACKUP_DIR, BACKUP_INTERVAL_MINUTES, BACKUP_KEEP): one at each interval, the oldest
 * beyond `keep` deleted after each new one. A failed backup is logged and the next one is tried on time.
 */
export class ScheduledBackups {
  private readonly timer: ReturnType<typeof setInterval>;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: BackupSource,
    private readonly schedule: BackupSchedule,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.timer = setInterval(() => void this.runOnce(), schedule.intervalMinutes * 60_000);
    this.timer.unref();
  }

  /** Takes one scheduled backup now (also what each tick does). */
  runOnce(): Promise<unknown> {
    this.running = this.running.then(async () => {
      try {
        const result = await backupTo(this.source, join(this.schedule.dir, backupFileName(this.now())));
        const removed = pruneBackups(this.schedule.dir, this.schedule.keep);
        this.logger.info({ ...result, removed: removed.length }, 'scheduled backup written');
      } catch (error) {
        this.logger.error({ err: error, dir: this.schedule.dir }, 'scheduled backup failed');
      }
    });
    return this.running;
  }

  /** Stops the schedule; resolves once a backup under way has finished. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

/**
 * Listens on DATA_DIR/admin.sock for backup requests from `pnpm backup` (backup-cli.ts): one JSON line
 * `{"backup":"/absolute/path"}`, answered with one JSON line. Why a Unix socket and not an HTTP endpoint: only
 * someone who may open the data directory (mode 0600, the relay's own user) can ask, nothing listens on the
 * network, and no password is needed. The relay holds SQLite's exclusive lock, so no other process could read
 * the database while it runs.
 */
export function listenForBackupRequests(
  source: BackupSource,
  dataDir: string,
  logger: Logger,
): Promise<Server> {
  const path = adminSocketPath(dataDir);
  // A socket file left by a relay that was killed; this relay holds the database lock, so it is stale.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    const onData = (chunk: string) => {
      text += chunk;
      if (text.length > 4096) return void socket.destroy();
      if (!text.includes('\n')) return;
      // One request per connection: what follows the first line is not read.
      socket.off('data', onData);
      void answer(text.slice(0, text.indexOf('\n'))).then((reply) =>
        socket.end(`${JSON.stringify(reply)}\n`),
      );
    };
    socket.on('data', onData);
  });
  async function answer(line: string): Promise<object> {
    let destination: unknown;
    try {
      destination = (JSON.parse(line) as { backup?: unknown }).backup;
    } catch {
      return { ok: false, error: 'invalidRequest' };
    }
    if (typeof destination !== 'string' || !isAbsolute(destination))
      return { ok: false, error: 'destinationMustBeAbsolute' };
    try {
      const result = await backupTo(source, destination);
      logger.info(result, 'backup written on request');
      return { ok: true, ...result };
    } catch (error) {
      logger.error({ err: error, destination }, 'backup on request failed');
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      chmodSync(path, 0o600);
      resolve(server);
    });
  });
}

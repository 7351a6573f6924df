import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { adminSocketPath, type BackupResult, backupTo } from './backup';

export interface BackupCommandContext {
  /** DATA_DIR as the relay would resolve it (main.ts passes the environment's). */
  readonly dataDir: string;
  /** Where a relative destination is resolved: the directory the operator typed the command in. */
  readonly cwd: string;
  readonly logger: Logger;
}

type Reply = ({ ok: true } & BackupResult) | { ok: false; error: string };

/** Asks the running relay for a backup over its admin socket; undefined when no relay listens there. */
function askRunningRelay(socketPath: string, destination: string): Promise<Reply | undefined> {
  return new Promise((settle, reject) => {
    const socket = connect(socketPath);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ backup: destination })}\n`));
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => {
      try {
        settle(JSON.parse(text) as Reply);
      } catch {
        reject(new Error(`unreadable answer from the relay: ${text.slice(0, 200)}`));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') settle(undefined);
      else reject(error);
    });
  });
}

/**
 * `pnpm --filter @chungtay/relay backup -- <destination> [--data-dir <dir>]`: a consistent copy of the relay's
 * SQLite database. A running relay makes it itself (it holds the database's exclusive lock; backup.ts); a
 * stopped relay's database is copied directly, the same way. Returns the process exit code.
 */
export async function runBackupCommand(
  args: readonly string[],
  context: BackupCommandContext,
): Promise<number> {
  let dataDir = context.dataDir;
  let destination: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    // pnpm hands on the `--` of `pnpm backup -- <file>` as an argument.
    if (arg === '--') continue;
    if (arg === '--data-dir') dataDir = resolve(context.cwd, args[++i] ?? '');
    else if (arg.startsWith('--data-dir=')) dataDir = resolve(context.cwd, arg.slice('--data-dir='.length));
    else if (destination === undefined && !arg.startsWith('--')) destination = arg;
    else {
      context.logger.fatal({ argument: arg }, 'usage: backup <destination file> [--data-dir <dir>]');
      return 2;
    }
  }
  if (destination === undefined) {
    context.logger.fatal('usage: backup <destination file> [--data-dir <dir>]');
    return 2;
  }
  const target = isAbsolute(destination) ? destination : resolve(context.cwd, destination);
  if (existsSync(target)) {
    context.logger.fatal({ destination: target }, 'the destination exists; choose a new file name');
    return 2;
  }
  const reply = await askRunningRelay(adminSocketPath(dataDir), target);
  if (reply !== undefined) {
    if (!reply.ok) {
      context.logger.error({ error: reply.error }, 'the relay could not write the backup');
      return 1;
    }
    context.logger.info(
      { path: reply.path, bytes: reply.bytes, ms: reply.ms },
      'backup written by the running relay',
    );
    return 0;
  }
  const databasePath = join(dataDir, 'relay.sqlite');
  if (!existsSync(databasePath)) {
    context.logger.fatal({ dataDir }, 'no relay.sqlite in the data directory, and no relay running on it');
    return 1;
  }
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const result = await backupTo({ backup: async (to) => void (await db.backup(to)) }, target);
    context.logger.info(result, 'backup written from the stopped relay’s database');
    return 0;
  } finally {
    db.close();
  }
}

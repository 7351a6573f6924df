/**
 * A throwaway PostgreSQL 15 cluster for one test file: initdb into a temporary directory, pg_ctl on a free
 * loopback port, a fresh database per caller, everything removed by stop().
 *
 * PostgreSQL refuses to run as root, so when the tests run as root (CI, this machine) the cluster is owned by
 * and run as the `postgres` user that Debian's package creates. shared_buffers is 16 MB instead of 128 MB,
 * since several test files run a cluster each at the same time. fsync is off: the tests check the relay's
 * behaviour, not the disk, and a crash of the test machine loses nothing worth keeping.
 *
 * Missing binaries fail the test with a message saying what to install; the PostgreSQL tests are never
 * silently skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);

export interface PostgresServer {
  readonly port: number;
  /** Creates an empty database and returns its postgres:// URL. */
  createDatabase(): Promise<string>;
  /** Runs one SQL statement as the superuser in the given database (for tests that reconfigure it). */
  sql(database: string, text: string): Promise<pg.QueryResult>;
  /** Stops the server as a crash would (no shutdown checkpoint), keeping its data; `start()` brings it back. */
  crash(): Promise<void>;
  /** Starts a crashed server again on the same port; it recovers from its WAL. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string {
  return process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
}

/** Throws a clear error when PostgreSQL 15 is not installed. */
export function requirePostgresBinaries(): string {
  const dir = binDir();
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(dir, tool))) {
      throw new Error(
        `PostgreSQL 15 is required for the relay's PostgreSQL tests but ${join(dir, tool)} is missing: ` +
          "install Debian's package (apt-get install postgresql, which scripts/ensure-tools.sh does as root) " +
          'or point PG_BIN at a PostgreSQL 15 bin directory',
      );
    }
  }
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Runs a PostgreSQL tool as the cluster's owner: `postgres` when we are root, ourselves otherwise. */
function asOwner(asRoot: boolean, command: string, args: readonly string[]) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, [...args]);
}

export interface PostgresServerOptions {
  /** Flush to disk as a production server does (off by default: tests check behaviour, not the disk). */
  readonly fsync?: boolean;
}

export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = requirePostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const base = await mkdtemp(join(tmpdir(), 'relay-pg-'));
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(base, uid, gid);
  }
  const data = join(base, 'data');
  await asOwner(asRoot, join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);

  const pgCtl = (...args: string[]) => asOwner(asRoot, join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const startOn = (candidate: number) =>
    pgCtl(
      '-o',
      `-p ${candidate} -k ${base} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c fsync=${options.fsync ? 'on' : 'off'}`,
      '-l',
      join(data, 'server.log'),
      '-w',
      'start',
    );
  // Another test file may take the same free port between our probe and the server's bind: try a few.
  let port = 0;
  for (let attempt = 1; port === 0; attempt++) {
    const candidate = await freePort();
    try {
      await startOn(candidate);
      port = candidate;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  const admin = (database: string) => new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database });
  let databases = 0;
  const sql = async (database: string, text: string) => {
    const client = admin(database);
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    async createDatabase() {
      databases += 1;
      const name = `relay_test_${databases}`;
      await sql('postgres', `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    sql,
    async crash() {
      await pgCtl('-m', 'immediate', '-w', 'stop');
    },
    async start() {
      await startOn(port);
    },
    async stop() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => {});
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** A test file's server, as its tests use it: every call waits for the server to have started. */
export type SharedPostgresServer = Omit<PostgresServer, 'port'>;

/**
 * One server for the calling test file: started in beforeAll, stopped in afterAll. Each test's first call
 * waits for it, so when PostgreSQL is missing or fails to start every test fails with the reason (vitest
 * would report the tests of a failed beforeAll as skipped).
 */
export function usePostgresServer(options: PostgresServerOptions = {}): SharedPostgresServer {
  let starting: Promise<PostgresServer> | undefined;
  // Waits for the start here, so that a slow initdb on a busy machine (seconds at a load of 17 on 2 cores)
  // counts against this generous hook timeout rather than the first test's; a failure is reported by each
  // test that uses the server, not here.
  beforeAll(async () => {
    starting = startPostgresServer(options);
    await starting.catch(() => {});
  }, 120_000);
  afterAll(async () => {
    const server = await starting?.catch(() => undefined);
    await server?.stop();
  });
  const ready = () => starting ?? Promise.reject(new Error('usePostgresServer: used outside a test'));
  return {
    createDatabase: async () => (await ready()).createDatabase(),
    sql: async (database, text) => (await ready()).sql(database, text),
    crash: async () => (await ready()).crash(),
    start: async () => (await ready()).start(),
    stop: async () => (await ready()).stop(),
  };
}

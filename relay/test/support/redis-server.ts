/**
 * A throwaway Redis for one test file: redis-server on a free loopback port, no persistence, its own
 * temporary directory, stopped (and the directory removed) by stop(). restart() kills it and starts a new
 * one on the same port, empty, as a crashed Redis comes back.
 *
 * A missing binary fails the test with a message saying what to install; the Redis tests are never
 * silently skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Kills the server (SIGKILL, nothing saved) and starts an empty one on the same port. */
  restart(): Promise<void>;
  /** Kills the server; `start()` brings an empty one back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function requireRedisBinary(): string {
  const binary = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
  if (!existsSync(binary)) {
    throw new Error(
      `Redis is required for the relay's multi-process tests but ${binary} is missing: install Debian's ` +
        'package (apt-get install redis-server) or point REDIS_SERVER at a redis-server binary',
    );
  }
  return binary;
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

/** Starts redis-server in the foreground and resolves once it accepts connections. */
function launch(binary: string, port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)),
    );
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = requireRedisBinary();
  const dir = await mkdtemp(join(tmpdir(), 'relay-redis-'));
  // Another test file may take the same free port between the probe and the bind: try a few.
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 1; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(binary, port, dir);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let current: ChildProcess | undefined = child;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (current !== undefined) await killed(current, 'SIGKILL');
      current = undefined;
    },
    async start() {
      current ??= await launch(binary, port, dir);
    },
    async restart() {
      await server.kill();
      await server.start();
    },
    async stop() {
      if (current !== undefined) await killed(current, 'SIGTERM');
      current = undefined;
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

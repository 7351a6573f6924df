/** Starts a relay as its own Node process (bound to 127.0.0.1) and reads its CPU time and memory from /proc. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { coreLayout } from './cores';

/** `floor` is bench/floor-server.ts, measured in the load workload only. */
export type ServerKind = 'chungtay' | 'reference' | 'floor';

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly port: number;
  readonly pid: number;
  /** Its temporary data directory (ours only uses it), removed when it stops. */
  readonly dataDir: string;
  readonly httpUrl: string;
  readonly syncUrl: string;
  /** CPU seconds (user + system) used so far. */
  cpuSeconds(): number;
  /** The same, split: user time, and system time (the kernel's work for it: socket and file writes). */
  cpuSplit(): { user: number; system: number };
  /** Read and write system calls so far (socket and file writes both count). */
  syscalls(): { reads: number; writes: number };
  /** Current and peak resident set size in MiB. */
  memory(): { rssMiB: number; peakRssMiB: number };
  stop(): Promise<void>;
  /** kill -9: no shutdown of any kind; the data directory stays, for a restart in the same place. */
  kill(): Promise<void>;
}

/** Where a restarted server runs: the port and data directory of the one it replaces. */
export interface ServerPlace {
  readonly port: number;
  readonly dataDir: string;
}

const CLOCK_TICKS_PER_SECOND = 100;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function waitForLine(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not print "${text}" in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        // Stop collecting: the server's later log lines must not grow a string in the benchmark process.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

function cpuOf(pid: number): { user: number; system: number } {
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    user: Number(fields[11]) / CLOCK_TICKS_PER_SECOND,
    system: Number(fields[12]) / CLOCK_TICKS_PER_SECOND,
  };
}

let built = false;

/** The Node flags `npm start` gives the relay (relay/package.json), so the benchmark runs it the same way. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const command = pkg.scripts.start.slice(pkg.scripts.start.lastIndexOf('node '));
  return command.split(' ').filter((arg) => arg.startsWith('--'));
}

/**
 * Every server runs the same way, as plain JavaScript on plain Node (no TypeScript loader at run time), so
 * their CPU and RSS figures compare directly: ours as `npm start` runs it (dist/main.js from build.mjs), the
 * reference and the floor transpiled by esbuild into dist/bench/ beside it.
 */
function entryFor(kind: ServerKind): string {
  if (!built) {
    execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
    built = true;
  }
  if (kind === 'chungtay') return 'dist/main.js';
  const outfile = `dist/bench/${kind}-server.js`;
  buildSync({
    entryPoints: [`bench/${kind}-server.ts`],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

export async function startServer(
  kind: ServerKind,
  nodeArgs: readonly string[] = [],
  /** Extra flags for our relay (e.g. `--sqlite-synchronous full`); the other servers take none. */
  relayArgs: readonly string[] = [],
  place?: ServerPlace,
): Promise<ServerProcess> {
  const port = place?.port ?? (await freePort());
  const dataDir = place?.dataDir ?? mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const args =
    kind === 'chungtay'
      ? [
          ...startFlags(),
          entryFor(kind),
          '--port',
          String(port),
          '--host',
          '127.0.0.1',
          '--data-dir',
          dataDir,
          '--log-level',
          'info',
          '--max-docs-in-memory',
          '5000',
          '--max-message-bytes',
          String(8 * 1024 * 1024),
          ...relayArgs,
        ]
      : [entryFor(kind), String(port)];
  const [command = process.execPath, ...prefixArgs] = [...coreLayout().serverPrefix, process.execPath];
  const child = spawn(command, [...prefixArgs, ...nodeArgs, ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Never leave a server behind, whatever happens to the benchmark.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  await waitForLine(child, 'relay listening', 30_000);
  const pid = child.pid ?? 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    kind,
    port,
    pid,
    dataDir,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    cpuSeconds() {
      const { user, system } = cpuOf(pid);
      return user + system;
    },
    cpuSplit: () => cpuOf(pid),
    syscalls() {
      const io = readFileSync(`/proc/${pid}/io`, 'utf8');
      const count = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1] ?? 0);
      return { reads: count('syscr'), writes: count('syscw') };
    },
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
      return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

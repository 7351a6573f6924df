/** Starts a relay as its own Node process (bound to 127.0.0.1) and reads its CPU time and memory from /proc. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerKind = 'chungtay' | 'reference';

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly port: number;
  readonly httpUrl: string;
  readonly syncUrl: string;
  /** CPU seconds (user + system) used so far. */
  cpuSeconds(): number;
  /** Current and peak resident set size in MiB. */
  memory(): { rssMiB: number; peakRssMiB: number };
  stop(): Promise<void>;
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

/** Both servers run the same way (node --import tsx <entry>), so their CPU and RSS figures compare directly. */
export async function startServer(
  kind: ServerKind,
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const args =
    kind === 'chungtay'
      ? [
          '--import',
          'tsx',
          'src/main.ts',
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
        ]
      : ['--import', 'tsx', 'bench/reference-server.ts', String(port)];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
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
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    cpuSeconds() {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
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
  };
}

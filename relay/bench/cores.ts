/**
 * Where the benchmark's processes run. On a machine with two or more cores (and `taskset`), the server under
 * test gets the last core to itself and the benchmark process, which plays every client, the others.
 *
 * Why: unpinned, the 200 clients and the server take turns on the same cores, so a burst of client work
 * delays the server's forwarding, and the scheduler's choices differ from round to round; the run-to-run
 * spread then exceeded the differences between servers. Keeping the load generator off the server's core
 * is how load tests are usually run (ideally on another machine). Every server is pinned alike.
 * BENCH_PIN=off measures unpinned.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CoreLayout {
  /** The command prefix that starts a server on its core, empty when unpinned. */
  readonly serverPrefix: readonly string[];
  /** For the printed report. */
  readonly description: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let layout: CoreLayout | undefined;

/** Pins this process (every thread) to the client cores, once, and says how servers are to be started. */
export function coreLayout(): CoreLayout {
  if (layout !== undefined) return layout;
  const cores = availableParallelism();
  if (process.env.BENCH_PIN === 'off' || cores < 2 || !hasTaskset()) {
    layout = { serverPrefix: [], description: `unpinned, ${cores} cores shared by clients and server` };
    return layout;
  }
  const serverCore = String(cores - 1);
  const clientCores = cores === 2 ? '0' : `0-${cores - 2}`;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', clientCores, String(process.pid)], { stdio: 'ignore' });
  } catch {
    // A container may forbid changing affinity: measure unpinned rather than not at all.
    layout = { serverPrefix: [], description: `unpinned (taskset refused), ${cores} cores shared` };
    return layout;
  }
  layout = {
    serverPrefix: ['taskset', '-c', serverCore],
    description: `server pinned to core ${serverCore}, clients to core ${clientCores}`,
  };
  return layout;
}

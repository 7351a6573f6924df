/**
 * Where the cores' time went during a measured window: per group of processes (the relays, HAProxy, Redis,
 * PostgreSQL, the benchmark's clients), the CPU they used and the time their threads were ready to run but
 * waiting for a core (the scheduler's run-queue delay, /proc/<pid>/task/<tid>/schedstat); and per core, how
 * busy it was with anyone's work (/proc/stat), other people's included.
 *
 * Why: on a shared 2-core machine a latency tail is mostly time spent waiting for a core. These figures say
 * whether a set of processes could have been faster on this machine at all, so a latency ratio is read
 * together with them (relay/README.md, *What a 2-core machine can and cannot show*).
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Times {
  /** Nanoseconds on a core (every thread), and ready but waiting for one (the main thread: the event loop). */
  cpuNs: number;
  waitNs: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process or thread ended between listing and reading.
    return undefined;
  }
}

function threadTimes(pid: number): Times {
  const total = { cpuNs: 0, waitNs: 0 };
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return total;
  }
  for (const tid of tids) {
    const [cpu = '0', wait = '0'] = read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ') ?? [];
    total.cpuNs += Number(cpu);
    // Helper threads (V8's, libuv's) waiting matters only through the main thread, which is counted.
    if (tid === String(pid)) total.waitNs += Number(wait);
  }
  return total;
}

/** Every process below `roots` (them included), with its command name. */
function descendants(roots: readonly number[]): Array<{ pid: number; name: string }> {
  const parents = new Map<number, { parent: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (stat === undefined) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(pid, { parent, name });
  }
  const under = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (roots.includes(at)) return true;
      at = parents.get(at)?.parent ?? 1;
    }
    return false;
  };
  return [...parents].filter(([pid]) => under(pid)).map(([pid, { name }]) => ({ pid, name }));
}

function coreTicks(): number[][] {
  return (read('/proc/stat') ?? '')
    .split('\n')
    .filter((line) => /^cpu\d/.test(line))
    .map((line) => line.split(/\s+/).slice(1).map(Number));
}

/**
 * A process outside this benchmark's tree (PostgreSQL's pg_ctl detaches its server), by command name and a
 * fragment of its command line (`-p 5433`); undefined if none.
 */
export function findProcess(name: string, fragment: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || read(`/proc/${pid}/comm`)?.trim() !== name) continue;
    if (read(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ').includes(fragment)) return pid;
  }
  return undefined;
}

export interface CoreTime {
  /**
   * Per group: the share of one core its processes used (all threads), and the share of the window their
   * main threads were ready to run but waited for a core (the mean over the group's processes).
   */
  readonly groups: ReadonlyArray<{ name: string; cpu: number; waited: number }>;
  /** Per core: share of the window it was busy, with anyone's work. */
  readonly coresBusy: readonly number[];
}

/**
 * Starts a window; `end()` returns its figures. `group` names a process of this benchmark's tree (by pid
 * and command name); processes it names `undefined` are left out.
 */
export function startCoreTime(
  group: (pid: number, name: string) => string | undefined,
  otherRoots: readonly number[] = [],
): {
  end(): CoreTime;
} {
  const sample = () => {
    const byGroup = new Map<string, Times & { processes: number }>();
    for (const { pid, name } of descendants([process.pid, ...otherRoots])) {
      const key = group(pid, name);
      if (key === undefined) continue;
      const times = threadTimes(pid);
      const sum = byGroup.get(key) ?? { cpuNs: 0, waitNs: 0, processes: 0 };
      sum.cpuNs += times.cpuNs;
      sum.waitNs += times.waitNs;
      sum.processes += 1;
      byGroup.set(key, sum);
    }
    return byGroup;
  };
  const startedAt = process.hrtime.bigint();
  const before = sample();
  const ticksBefore = coreTicks();
  return {
    end() {
      const windowNs = Number(process.hrtime.bigint() - startedAt);
      const after = sample();
      const ticksAfter = coreTicks();
      const groups = [...after].map(([name, times]) => {
        const was = before.get(name) ?? { cpuNs: 0, waitNs: 0 };
        return {
          name,
          cpu: (times.cpuNs - was.cpuNs) / windowNs,
          waited: (times.waitNs - was.waitNs) / times.processes / windowNs,
        };
      });
      // /proc/stat: user nice system idle iowait irq softirq steal; idle and iowait are the idle time.
      const coresBusy = ticksAfter.map((now, core) => {
        const then = ticksBefore[core] ?? now;
        const delta = now.map((value, i) => value - (then[i] ?? 0));
        const total = delta.slice(0, 8).reduce((sum, value) => sum + value, 0);
        const idle = (delta[3] ?? 0) + (delta[4] ?? 0);
        return total === 0 ? 0 : 1 - idle / total;
      });
      return { groups, coresBusy };
    },
  };
}

/** One line: "relays 41% of a core (waited 12%), haproxy …; cores busy 97% / 64%". */
export function describeCoreTime(time: CoreTime): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const groups = time.groups
    .filter((g) => g.cpu >= 0.005 || g.waited >= 0.005)
    .sort((a, b) => b.cpu - a.cpu)
    .map((g) => `${g.name} ${percent(g.cpu)} of a core (waited ${percent(g.waited)} of the time)`);
  return `${groups.join(', ')}; cores busy ${time.coresBusy.map(percent).join(' / ')}`;
}

/**
 * `tsx bench/durability.ts [--load]`: what power-cut durability costs. SQLite's synchronous=FULL fsyncs the WAL
 * at every commit; NORMAL only at checkpoints (a committed append then survives any process death, not a power
 * cut). Measures the store's append (each one its own commit, as the relay makes it) under both, rounds
 * alternating; with --load, also the relay's propagation latency under the benchmark's load in each mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openSqliteStorage, type SqliteSynchronous } from '../src/store/sqlite-doc-store';
import { startServer } from './server-process';
import { runLoad } from './workloads';

export interface AppendResult {
  readonly mode: SqliteSynchronous;
  readonly appends: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? Number.NaN;

/** Small updates like a meeting's: one attendance mark or field each, over 50 club documents. */
function meetingUpdates(count: number): Array<{ doc: string; update: Uint8Array }> {
  const docs = Array.from({ length: 50 }, (_, i) => ({ name: `club-bench-${i}`, doc: new Y.Doc() }));
  const updates: Array<{ doc: string; update: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const target = docs[i % docs.length];
    if (target === undefined) continue;
    const before = Y.encodeStateVector(target.doc);
    target.doc.getMap('attendance').set(`member-${i % 70}`, { status: 'present', at: i });
    updates.push({ doc: target.name, update: Y.encodeStateAsUpdate(target.doc, before) });
  }
  return updates;
}

/** Appends one after the other on a real disk (tmpdir here is the VM's disk, not tmpfs). */
export async function measureAppends(mode: SqliteSynchronous, count = 3000): Promise<AppendResult> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-durability-'));
  const storage = openSqliteStorage(dir, mode);
  const updates = meetingUpdates(count);
  const times: number[] = [];
  const started = performance.now();
  try {
    for (const { doc, update } of updates) {
      const at = performance.now();
      await storage.docs.append(doc, update);
      times.push(performance.now() - at);
    }
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    mode,
    appends: count,
    perSecond: count / elapsed,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times.at(-1) ?? Number.NaN,
  };
}

/** Both modes, `rounds` times each, alternating; per mode and figure the best round (noise only hurts). */
export async function measureDurability(rounds = 2): Promise<Record<SqliteSynchronous, AppendResult>> {
  const results: Record<SqliteSynchronous, AppendResult[]> = { normal: [], full: [] };
  for (let round = 0; round < rounds; round++)
    for (const mode of ['normal', 'full'] as const) results[mode].push(await measureAppends(mode));
  const best = (all: AppendResult[]): AppendResult => ({
    mode: all[0]?.mode ?? 'normal',
    appends: all[0]?.appends ?? 0,
    perSecond: Math.max(...all.map((r) => r.perSecond)),
    p50Ms: Math.min(...all.map((r) => r.p50Ms)),
    p99Ms: Math.min(...all.map((r) => r.p99Ms)),
    maxMs: Math.min(...all.map((r) => r.maxMs)),
  });
  return { normal: best(results.normal), full: best(results.full) };
}

export function describeDurability(results: Record<SqliteSynchronous, AppendResult>): string[] {
  const f = (n: number, digits = 2) => n.toFixed(digits);
  return [
    '| SQLite synchronous | appends/s | append p50 (ms) | append p99 (ms) | max (ms) |',
    '|---|---:|---:|---:|---:|',
    ...(['normal', 'full'] as const).map((mode) => {
      const r = results[mode];
      return `| ${mode} | ${f(r.perSecond, 0)} | ${f(r.p50Ms, 3)} | ${f(r.p99Ms, 3)} | ${f(r.maxMs)} |`;
    }),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const write = (line: string) => process.stdout.write(`${line}\n`);
  write('# SQLite appends, 3,000 one-mark updates over 50 documents, each its own commit, best of 2 rounds');
  for (const line of describeDurability(await measureDurability())) write(line);
  if (process.argv.includes('--load')) {
    for (const mode of ['normal', 'full'] as const) {
      const server = await startServer('chungtay', [], ['--sqlite-synchronous', mode]);
      const load = await runLoad(server).finally(() => server.stop());
      write(
        `load with synchronous=${mode}: p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, CPU ${load.cpuSeconds.toFixed(1)} s, ${load.samples} samples`,
      );
    }
  }
}

/**
 * `tsx bench/load.ts [rounds] [--wire]`: only the load workload, alternating reference, chungtay and the floor
 * server for a number of rounds, each round printed. For A/B checks of a relay change (~1 min per round).
 * `--wire` uses the light clients of wire-clients.ts instead of WebsocketProviders, so that the benchmark
 * process's own work weighs less in the latency.
 */
import { describeCoreTime } from './core-time';
import { coreLayout } from './cores';
import { type ServerKind, startServer } from './server-process';
import { type LoadResult, runLoad } from './workloads';

const args = process.argv.slice(2);
const wire = args.includes('--wire');
const rounds = Number(args.find((arg) => !arg.startsWith('--')) ?? 2);
process.stdout.write(`# ${coreLayout().description}\n`);
const results: Record<ServerKind, LoadResult[]> = { reference: [], chungtay: [], floor: [] };
for (let round = 1; round <= rounds; round++) {
  for (const kind of ['reference', 'chungtay', 'floor'] as const) {
    const server = await startServer(kind);
    const result = await runLoad(server, wire).finally(() => server.stop());
    results[kind].push(result);
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(
      `${kind.padEnd(10)} round ${round}: p50 ${f(result.p50)} p95 ${f(result.p95)} p99 ${f(result.p99)} ms, CPU ${f(result.cpuSeconds)} s (system ${f(result.systemSeconds)}), peak RSS ${result.peakRssMiB.toFixed(1)} MiB, ${result.writeCalls} write calls\n  core time: ${describeCoreTime(result.coreTime)}\n`,
    );
  }
}

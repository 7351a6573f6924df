/**
 * `tsx bench/load.ts [rounds]`: only the load workload, alternating reference, chungtay and the floor server for a number of
 * rounds, each figure's best round printed side by side. For A/B checks of a relay change (~1 min per round).
 */
import { type ServerKind, startServer } from './server-process';
import { type LoadResult, runLoad } from './workloads';

const rounds = Number(process.argv[2] ?? 2);
const results: Record<ServerKind, LoadResult[]> = { reference: [], chungtay: [], floor: [] };
for (let round = 1; round <= rounds; round++) {
  for (const kind of ['reference', 'chungtay', 'floor'] as const) {
    const server = await startServer(kind);
    const result = await runLoad(server).finally(() => server.stop());
    results[kind].push(result);
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(
      `${kind.padEnd(10)} round ${round}: p50 ${f(result.p50)} p95 ${f(result.p95)} p99 ${f(result.p99)} ms, CPU ${f(result.cpuSeconds)} s, peak RSS ${result.peakRssMiB.toFixed(1)} MiB, ${result.writeCalls} write calls\n`,
    );
  }
}

/**
 * Cross-process propagation through the Redis bus against forwarding within one relay, in one run:
 * a writer on relay A makes 1,000 single edits, 5 ms apart; one reader sits on A, one on relay B (A and B
 * share a real Redis and one memory store, all in this Node process, so the figures include no network
 * hop between machines and both relays share one event loop).
 *
 *   pnpm exec tsx relay/src/room/redis-bus-latency.bench.ts
 */
import { pino } from 'pino';
import { connectClient, registerClub, testConfig, waitFor } from '../../test/helpers';
import { startRedisServer } from '../../test/support/redis-server';
import { startRelay } from '../app';
import { openMemoryStorage } from '../store/memory-doc-store';
import { RedisRoomBus } from './redis-bus';

const EDITS = 1_000;
const logger = pino({ level: 'silent' });
const redis = await startRedisServer();
const storage = openMemoryStorage();
const buses = [await RedisRoomBus.connect(redis.url, logger), await RedisRoomBus.connect(redis.url, logger)];
const [a, b] = await Promise.all(buses.map((bus) => startRelay(testConfig(), storage, logger, bus)));
if (a === undefined || b === undefined) throw new Error('two relays expected');
const syncUrl = (port: number) => `ws://127.0.0.1:${port}/sync`;
const club = await registerClub(`http://127.0.0.1:${a.port}`);
const writer = connectClient(syncUrl(a.port), club.clubId, club.editorKey);
const readers = {
  'same relay': connectClient(syncUrl(a.port), club.clubId, club.editorKey),
  'other relay': connectClient(syncUrl(b.port), club.clubId, club.editorKey),
};
await waitFor(() => [writer, ...Object.values(readers)].every((client) => client.provider.synced));

const latencies = new Map<string, number[]>();
let start = 0;
let pending = new Set<string>();
for (const [name, reader] of Object.entries(readers)) {
  latencies.set(name, []);
  reader.text.observe(() => {
    if (pending.delete(name)) latencies.get(name)?.push(performance.now() - start);
  });
}
for (let i = 0; i < EDITS; i++) {
  pending = new Set(Object.keys(readers));
  start = performance.now();
  writer.text.insert(writer.text.length, `${i};`);
  await waitFor(() => pending.size === 0, `edit ${i}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? Number.NaN;
for (const [name, values] of latencies) {
  const p50 = percentile(values, 0.5).toFixed(2);
  const p99 = percentile(values, 0.99).toFixed(2);
  process.stdout.write(`${name}: p50 ${p50} ms, p99 ${p99} ms (${values.length} edits)\n`);
}
for (const client of [writer, ...Object.values(readers)]) client.destroy();
await Promise.all([a.close(), b.close()]);
await Promise.all(buses.map((bus) => bus.close()));
await redis.stop();

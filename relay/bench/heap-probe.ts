/**
 * `tsx bench/heap-probe.ts [connections]`: where an idle connection's memory goes. Starts the relay as the
 * benchmark does, opens the idle clients of idle-connections.ts, and compares two heap snapshots of the relay
 * (at 100 and at N connections) by constructor: objects and bytes added per connection. Anonymous closures
 * and dictionaries of properties are named by where they were made (script id:line:column in the bundle).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { prepareClub, waitUntil } from './clients';
import { openIdle } from './idle-connections';
import { startServer } from './server-process';

type Inventory = Map<string, { count: number; bytes: number }>;

/** Self sizes by node type and name, from a .heapsnapshot file. */
function inventory(file: string): Inventory {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const edgeFields = (snapshot.snapshot.meta as unknown as { edge_fields: string[] }).edge_fields;
  const edges = (snapshot as unknown as { edges: number[] }).edges;
  const edgeCountAt = fields.indexOf('edge_count');
  const toAt = edgeFields.indexOf('to_node');
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const result: Inventory = new Map();
  // Which object holds each dictionary of properties (an object in dictionary mode), by the holder's name.
  const holderOf = new Map<number, string>();
  let edgeIndex = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const holder = `${types[snapshot.nodes[i + (typeAt ?? 0)] ?? 0]}:${snapshot.strings[snapshot.nodes[i + (nameAt ?? 0)] ?? 0]}`;
    const count = snapshot.nodes[i + edgeCountAt] ?? 0;
    for (let e = 0; e < count; e++, edgeIndex += edgeFields.length) {
      const to = edges[edgeIndex + toAt] ?? 0;
      if (!holderOf.has(to)) holderOf.set(to, holder);
    }
  }
  // Where each closure was defined, for naming anonymous ones: node index → script:line:column.
  const locations = (snapshot as unknown as { locations: number[] }).locations ?? [];
  const whereIs = new Map<number, string>();
  for (let l = 0; l < locations.length; l += 4)
    whereIs.set(
      locations[l] ?? 0,
      `${locations[l + 1]}:${(locations[l + 2] ?? 0) + 1}:${(locations[l + 3] ?? 0) + 1}`,
    );
  const holderIndex = new Map<number, number>();
  edgeIndex = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const count = snapshot.nodes[i + edgeCountAt] ?? 0;
    for (let e = 0; e < count; e++, edgeIndex += edgeFields.length) {
      const to = edges[edgeIndex + toAt] ?? 0;
      if (!holderIndex.has(to)) holderIndex.set(to, i);
    }
  }
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + (typeAt ?? 0)] ?? 0] ?? '?';
    const name =
      type === 'object' || type === 'native' || type === 'closure' || type === 'array' || type === 'hidden'
        ? `${type}:${snapshot.strings[snapshot.nodes[i + (nameAt ?? 0)] ?? 0]}`
        : type;
    const holder = holderIndex.get(i);
    const held =
      name === 'closure:'
        ? `closure at ${whereIs.get(i) ?? '?'}`
        : name === 'array:(object properties)'
          ? `${name} of ${holderOf.get(i) ?? '?'} ${holder === undefined ? '' : (whereIs.get(holder) ?? '')}`
          : name;
    const entry = result.get(held) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + (sizeAt ?? 0)] ?? 0;
    result.set(held, entry);
  }
  return result;
}

const target = Number(process.argv[2] ?? 3000);
// The relay exactly as npm start runs it (the bundle: tsx's transform would add its own closures' costs),
// writing a heap snapshot (after a full GC) into its data directory on SIGUSR2.
const server = await startServer('chungtay', ['--heapsnapshot-signal=SIGUSR2']);
const pid = server.pid;
// Node writes the snapshot into the server's working directory (this one); each is removed once read.
const dataDir = process.cwd();
const snapshot = async (): Promise<string> => {
  const existing = new Set(readdirSync(dataDir));
  process.kill(pid, 'SIGUSR2');
  let file: string | undefined;
  await waitUntil(
    () => {
      file = readdirSync(dataDir).find((name) => name.endsWith('.heapsnapshot') && !existing.has(name));
      return file !== undefined;
    },
    'heap snapshot',
    120_000,
  );
  // Written in pieces: complete once it ends with the JSON's closing brace.
  const path = join(dataDir, file ?? '');
  const ends = () => {
    const text = readFileSync(path, 'utf8');
    return text.trimEnd().endsWith(']}');
  };
  await waitUntil(ends, 'the heap snapshot written', 120_000);
  return path;
};

const club = await prepareClub(server);
const sockets: WebSocket[] = [];
const openUpTo = async (count: number) => {
  while (sockets.length < count) {
    const start = sockets.length;
    const batch = Math.min(250, count - start);
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: batch }, (_, i) => openIdle(server, club, (start + i) % 100)),
      )),
    );
  }
};
await openUpTo(100);
const readOnce = async () => {
  const path = await snapshot();
  const result = inventory(path);
  rmSync(path);
  return result;
};
const a = await readOnce();
const rssBefore = server.memory().rssMiB;
await openUpTo(target);
const b = await readOnce();
const added = target - 100;
process.stdout.write(
  `${added} connections added; RSS ${(((server.memory().rssMiB - rssBefore) * 1024 * 1024) / added).toFixed(0)} B each (snapshots grow it too)\n`,
);
const rows = [...b]
  .map(([name, entry]) => {
    const base = a.get(name) ?? { count: 0, bytes: 0 };
    return { name, count: (entry.count - base.count) / added, bytes: (entry.bytes - base.bytes) / added };
  })
  .filter((row) => row.bytes >= 8)
  .sort((x, y) => y.bytes - x.bytes);
for (const row of rows.slice(0, 40))
  process.stdout.write(
    `${row.bytes.toFixed(0).padStart(6)} B  ${row.count.toFixed(2).padStart(6)}×  ${row.name}\n`,
  );
process.stdout.write(
  `${rows.reduce((sum, row) => sum + row.bytes, 0).toFixed(0)} B of JS heap per connection in all\n`,
);
for (const socket of sockets) socket.terminate();
await server.stop();
process.exit(0);

/**
 * `tsx bench/delete-set.ts`: what taking in one update costs a room (`EncodedDoc.add`) on a document whose
 * delete set names many client ids, against merging delete sets with `Y.mergeDeleteSets`, which the relay did
 * on every update until 03/12/2026. A club document gains a client id at every app start (each Y.Doc takes a
 * new one), and an edit that overwrites a map entry deletes the overwritten item's client's range, so after a
 * few years of meetings its delete set names thousands of ids.
 */
import * as Y from 'yjs';
import { EncodedDoc } from '../src/room/encoded-doc';

const UPDATES = 2000;

/** A document `clients` app starts have edited, each overwriting map entries (deleting older ones). */
function oldDocument(clients: number): Uint8Array {
  const doc = new Y.Doc();
  for (let client = 1; client <= clients; client++) {
    doc.clientID = client;
    doc.getMap('m').set(`k${client % 50}`, client);
    doc.getMap('m').set(`k${client % 50}`, client + 1);
  }
  return Y.encodeStateAsUpdate(doc);
}

/** A tablet's meeting-day edits on it, one update each. */
function edits(base: Uint8Array, clients: number): Uint8Array[] {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, base);
  writer.clientID = clients + 1;
  const updates: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < UPDATES; i++) writer.getMap('m').set(`k${i % 50}`, i);
  return updates;
}

const microseconds = (ms: number) => `${((ms * 1000) / UPDATES).toFixed(1)} µs`;

function measure(clients: number): { mergeMs: number; addMs: number } {
  const base = oldDocument(clients);
  const updates = edits(base, clients);
  const decoded = updates.map((update) => Y.decodeUpdate(update));
  let merged = Y.decodeUpdate(base).ds;
  let started = performance.now();
  for (const { ds } of decoded) if (ds.clients.size > 0) merged = Y.mergeDeleteSets([merged, ds]);
  const mergeMs = performance.now() - started;
  const doc = new EncodedDoc([base]);
  started = performance.now();
  for (const [i, update] of decoded.entries()) doc.add(updates[i] ?? new Uint8Array(), update);
  return { mergeMs, addMs: performance.now() - started };
}

// Once untimed first, so that neither way is timed while the JIT is still compiling it.
measure(10);
for (const clients of [10, 500, 3000]) {
  const { mergeMs, addMs } = measure(clients);
  process.stdout.write(
    `${clients} client ids in the delete set: Y.mergeDeleteSets alone ${microseconds(mergeMs)} per update; EncodedDoc.add, all of it, ${microseconds(addMs)}\n`,
  );
}

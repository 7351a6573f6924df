import { expect } from 'vitest';
import * as Y from 'yjs';
import { readClub } from '../src/club/read-club';
import type { ClubView } from '../src/schema/types';

/**
 * Multi-peer helpers. Peers are plain Y.Docs that talk only through encoded updates, the way the relay
 * and IndexedDB will carry them; convergence is checked on every delivery order.
 */

export function createPeers(count: number): Y.Doc[] {
  return Array.from({ length: count }, () => new Y.Doc());
}

/** Sends `from` everything `to` lacks, as one incremental update computed from `to`'s state vector. */
export function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), { type: 'remote', source: 'test' });
}

/** Full mesh sync; after it every peer holds every change. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) deliver(from, to);
  for (const from of docs) for (const to of docs) if (from !== to) deliver(from, to);
}

export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

/**
 * Exchanges the peers' current states in every order, without touching the peers themselves:
 * - each peer (as a replica) receives the others' incremental updates in every order;
 * - a fresh observer receives every peer's full state in every order.
 * Returns the readClub() of every resulting replica.
 */
export function exchangeInEveryOrder(docs: readonly Y.Doc[]): ClubView[] {
  const views: ClubView[] = [];
  docs.forEach((doc, i) => {
    const others = docs.filter((_, j) => j !== i);
    for (const order of permutations(others)) {
      const replica = replicaOf(doc);
      for (const other of order) deliver(other, replica);
      views.push(readClub(replica));
    }
  });
  const states = docs.map((doc) => Y.encodeStateAsUpdate(doc));
  for (const order of permutations(states)) {
    const observer = new Y.Doc();
    for (const state of order) Y.applyUpdate(observer, state);
    views.push(readClub(observer));
  }
  return views;
}

/** Asserts every delivery order converges to one view, and returns it. */
export function expectConvergence(docs: readonly Y.Doc[]): ClubView {
  const [first, ...rest] = exchangeInEveryOrder(docs);
  if (first === undefined) throw new Error('no peers');
  for (const other of rest) expect(other).toEqual(first);
  return first;
}

/** Starts `count` peers from one doc's state, as if each had synced once before going offline. */
export function forkPeers(origin: Y.Doc, count: number): Y.Doc[] {
  return Array.from({ length: count }, () => replicaOf(origin));
}

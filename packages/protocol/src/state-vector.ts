import { ByteReader } from './varint';

/** Decodes a Yjs (v1) state vector: varUint count, then (client, clock) varUint pairs. Throws on malformed input. */
export function decodeStateVector(stateVector: Uint8Array): Map<number, number> {
  const reader = new ByteReader(stateVector);
  const clocks = new Map<number, number>();
  const count = reader.readVarUint();
  for (let i = 0; i < count; i++) {
    const client = reader.readVarUint();
    clocks.set(client, reader.readVarUint());
  }
  return clocks;
}

/**
 * True when `remote` (what the relay reports as durably stored) holds everything `local` holds:
 * for every client in local, remote's clock >= local's. This is what "synced" means in the app.
 * Malformed input counts as not covered, so a bad message can never make the app claim it is synced.
 */
export function isStateVectorCovered(local: Uint8Array, remote: Uint8Array): boolean {
  let localClocks: Map<number, number>;
  let remoteClocks: Map<number, number>;
  try {
    localClocks = decodeStateVector(local);
    remoteClocks = decodeStateVector(remote);
  } catch {
    return false;
  }
  for (const [client, clock] of localClocks) {
    if (clock > 0 && (remoteClocks.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * What the relay has told one connection it holds durably, per Yjs client: the union of every
 * MESSAGE_STORED (the relay's whole state vector after a sync step 1, then its clocks for the clients of
 * each update it stored) and of the updates it sent (the relay only ever sends what it has stored).
 * Clocks only grow: a relay's store is append-only. Start afresh on every connection.
 */
export class StoredClocks {
  private readonly clocks = new Map<number, number>();
  private reported = false;
  /** The highest settled-message count reported; undefined while none came (or from an older relay). */
  private settled: number | undefined;

  /** Merges a reported state vector; a malformed one is ignored and returns false. */
  addStateVector(stateVector: Uint8Array): boolean {
    let decoded: Map<number, number>;
    try {
      decoded = decodeStateVector(stateVector);
    } catch {
      return false;
    }
    for (const [client, clock] of decoded) this.addClock(client, clock);
    this.reported = true;
    return true;
  }

  /** Merges a MESSAGE_STORED: its state vector and, when the relay sent one, its settled-message count. */
  addReport(report: { readonly stateVector: Uint8Array; readonly settledUpdates?: number }): boolean {
    if (!this.addStateVector(report.stateVector)) return false;
    if (report.settledUpdates !== undefined)
      this.settled = Math.max(this.settled ?? 0, report.settledUpdates);
    return true;
  }

  addClock(client: number, clock: number): void {
    if (clock > (this.clocks.get(client) ?? 0)) this.clocks.set(client, clock);
  }

  /**
   * True once the relay reported at all, every clock of `local` (a state vector) is held and, when the relay
   * counts settled messages, it has settled all `sentUpdates` sync content frames this connection sent
   * (which covers deletions, invisible in a state vector).
   */
  covers(local: Uint8Array, sentUpdates = 0): boolean {
    if (!this.reported) return false;
    if (this.settled !== undefined && this.settled < sentUpdates) return false;
    let localClocks: Map<number, number>;
    try {
      localClocks = decodeStateVector(local);
    } catch {
      return false;
    }
    for (const [client, clock] of localClocks) {
      if (clock > 0 && (this.clocks.get(client) ?? 0) < clock) return false;
    }
    return true;
  }

  clear(): void {
    this.clocks.clear();
    this.reported = false;
    this.settled = undefined;
  }
}

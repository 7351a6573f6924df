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

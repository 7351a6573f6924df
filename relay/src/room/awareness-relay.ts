import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who sent an entry; compared by identity. */
export interface AwarenessOwner {
  readonly role: 'editor' | 'viewer' | undefined;
}

interface Entry {
  clock: number;
  /** The client's state as the JSON text it sent ('null' once removed), forwarded without re-serialising. */
  state: string;
  owner: AwarenessOwner | null;
  updatedAt: number;
}

interface Change {
  readonly client: number;
  readonly clock: number;
  readonly state: string;
}

/** y-protocols drops a remote state not renewed for this long; clients renew theirs every 15 s. */
const OUTDATED_MS = 30_000;

function encodeChanges(changes: readonly Change[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, changes.length);
  for (const change of changes) {
    encoding.writeVarUint(encoder, change.client);
    encoding.writeVarUint(encoder, change.clock);
    encoding.writeVarString(encoder, change.state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The presence (y-protocols awareness) of one document's clients, relayed without a y-protocols Awareness.
 *
 * Why not Awareness: it needs a Y.Doc and runs a 3 s timer per instance, which the relay pays per room; the
 * relay only needs to accept newer entries, answer newcomers and remove a leaving connection's entries.
 * Entries are kept as the JSON text clients sent (validated once), with the same acceptance rule as
 * y-protocols: a higher clock wins; the same clock with a null state removes.
 *
 * An entry belongs to the connection that announced it. A viewer may only change its own entries, so a
 * read-only tablet cannot make a committee member disappear; an editor may take over an id (a tablet that
 * reconnects before the relay noticed its old socket died keeps its id).
 */
export class AwarenessRelay {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly now: () => number) {}

  /**
   * Applies an awareness update from `owner`; returns the encoded update of what changed (to send to every
   * connection of the room), or null. Throws on malformed input.
   */
  apply(owner: AwarenessOwner, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const incoming: Change[] = [];
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      JSON.parse(state); // throws on garbage, which closes the connection
      incoming.push({ client, clock, state });
    }
    const now = this.now();
    const accepted: Change[] = [];
    for (const change of incoming) {
      const entry = this.entries.get(change.client);
      if (entry !== undefined && entry.owner !== null && entry.owner !== owner && owner.role !== 'editor') {
        continue;
      }
      const removing = change.state === 'null';
      const newer =
        entry === undefined ||
        entry.clock < change.clock ||
        (entry.clock === change.clock && removing && entry.state !== 'null');
      if (!newer) continue;
      this.entries.set(change.client, {
        clock: change.clock,
        state: change.state,
        owner: removing ? null : owner,
        updatedAt: now,
      });
      accepted.push(change);
    }
    return accepted.length > 0 ? encodeChanges(accepted) : null;
  }

  /** Every present client's state, for a newcomer (or a query); null when nobody is present. */
  encodePresent(): Uint8Array | null {
    const oldest = this.now() - OUTDATED_MS;
    const present: Change[] = [];
    for (const [client, entry] of this.entries) {
      if (entry.state !== 'null' && entry.updatedAt >= oldest)
        present.push({ client, clock: entry.clock, state: entry.state });
    }
    return present.length > 0 ? encodeChanges(present) : null;
  }

  /** Removes what `owner` announced (it left); returns the removal to send to the others, or null. */
  removeOwner(owner: AwarenessOwner): Uint8Array | null {
    const removed: Change[] = [];
    for (const [client, entry] of this.entries) {
      if (entry.owner !== owner) continue;
      entry.clock += 1;
      entry.state = 'null';
      entry.owner = null;
      removed.push({ client, clock: entry.clock, state: 'null' });
    }
    this.forgetRemoved();
    return removed.length > 0 ? encodeChanges(removed) : null;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Removed entries are kept only while someone could still send their stale state; once nobody owns an
   * entry and it is older than the outdated timeout, it goes, so a long-lived room does not accumulate ids.
   */
  private forgetRemoved(): void {
    const oldest = this.now() - OUTDATED_MS;
    for (const [client, entry] of this.entries) {
      if (entry.owner === null && entry.updatedAt < oldest) this.entries.delete(client);
    }
  }
}

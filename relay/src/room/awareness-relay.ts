import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';

/** Who sent an entry; compared by identity. */
export interface AwarenessOwner {
  readonly role: 'editor' | 'viewer' | undefined;
  /** Every client id this owner has announced a state for (see MAX_CLIENTS_PER_CONNECTION). */
  readonly awarenessClients: Set<number>;
}

/**
 * Client ids one connection may announce over its life. A tablet's y-protocols Awareness takes its id once,
 * when created, and y-websocket sends states for other ids only as echoes of what the relay sent it (never
 * newer, so never taken); one is what an honest tablet uses, and the rest is margin. Without a bound, one
 * message could make the relay keep, relay and replay to every newcomer hundreds of thousands of entries.
 */
export const MAX_CLIENTS_PER_CONNECTION = 4;
/** Bytes of one state's JSON; the app's (a name, a colour, a caret) stays well under 1 KiB. */
export const MAX_STATE_BYTES = 16 * 1024;

/** An awareness update beyond the limits above; the connection is closed and nothing of it is kept. */
export class AwarenessLimitError extends Error {}

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

/** Reads an awareness update; throws on garbage (which closes the connection) and on oversized states. */
function decodeChanges(update: Uint8Array): Change[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.length > MAX_STATE_BYTES) throw new AwarenessLimitError('state too large');
    const state = string.decodeUtf8(bytes);
    JSON.parse(state);
    changes.push({ client, clock, state });
  }
  return changes;
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
    const incoming = decodeChanges(update);
    const now = this.now();
    // Staged first, so that an update over the limits leaves nothing behind; one change per id goes out.
    const staged = new Map<number, Entry>();
    for (const change of incoming) {
      const entry = staged.get(change.client) ?? this.entries.get(change.client);
      const removing = change.state === 'null';
      // Nobody holds a state the relay never had: such a removal tells no one anything, and keeping it
      // would let one message fill the room with ids.
      if (entry === undefined && removing) continue;
      if (entry !== undefined && entry.owner !== null && entry.owner !== owner && owner.role !== 'editor') {
        continue;
      }
      const newer =
        entry === undefined ||
        entry.clock < change.clock ||
        (entry.clock === change.clock && removing && entry.state !== 'null');
      if (!newer) continue;
      staged.set(change.client, {
        clock: change.clock,
        state: change.state,
        owner: removing ? null : owner,
        updatedAt: now,
      });
    }
    const announced = new Set(owner.awarenessClients);
    for (const [client, entry] of staged) if (entry.owner === owner) announced.add(client);
    if (announced.size > MAX_CLIENTS_PER_CONNECTION) throw new AwarenessLimitError('too many client ids');
    for (const client of announced) owner.awarenessClients.add(client);
    const accepted: Change[] = [];
    for (const [client, entry] of staged) {
      this.entries.set(client, entry);
      accepted.push({ client, clock: entry.clock, state: entry.state });
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

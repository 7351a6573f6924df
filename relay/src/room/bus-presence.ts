import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AccessRole } from '../access';
import type { AwarenessOwner, AwarenessRelay } from './awareness-relay';
import type { RoomMessage } from './bus';

type AwarenessMessage = Extract<RoomMessage, { type: 'awareness' }>;

/**
 * Presence that other processes' connections announced, in this process's room of the document.
 *
 * Each remote connection gets an owner of its own (by sender process and connection id), so that the
 * ownership rules of AwarenessRelay hold across processes: a viewer here cannot remove the presence of an
 * editor connected elsewhere. An owner is forgotten when its connection's removal arrives; those of a
 * process that died stay until the room unloads (their entries fade for clients after 30 s).
 */
export class RemotePresence {
  private readonly owners = new Map<string, AwarenessOwner>();

  /** Applies a remote awareness message; returns what changed, to send to this room's clients, or null. */
  apply(awareness: AwarenessRelay, sender: string, message: AwarenessMessage): Uint8Array | null {
    const key = `${sender}/${message.owner}`;
    const owner = this.owners.get(key) ?? { role: message.role, awarenessClients: new Set<number>() };
    this.owners.set(key, owner);
    try {
      return awareness.apply(owner, message.update);
    } finally {
      if (message.left) this.owners.delete(key);
    }
  }
}

/** What a connection announced, for answering another process's presence query. */
export interface PresenceHolder {
  readonly id: number;
  readonly role: AccessRole | undefined;
  readonly awarenessClients: ReadonlySet<number>;
}

/**
 * The room's answer to a presence query (a room of the document just loaded in another process): one
 * awareness message per connection of this process, holding the present entries of the client ids it
 * announced, so the newcomer's room can greet its clients with everyone present, not only after their
 * next renewal (15 s). `present` is AwarenessRelay.encodePresent()'s update.
 */
export function presenceAnswers(present: Uint8Array, holders: Iterable<PresenceHolder>): AwarenessMessage[] {
  const decoder = decoding.createDecoder(present);
  const entries = new Map<number, { clock: number; state: string }>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.set(client, { clock, state: decoding.readVarString(decoder) });
  }
  const answers: AwarenessMessage[] = [];
  for (const holder of holders) {
    const own = [...holder.awarenessClients].filter((client) => entries.has(client));
    if (own.length === 0) continue;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, own.length);
    for (const client of own) {
      const entry = entries.get(client);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, entry?.clock ?? 0);
      encoding.writeVarString(encoder, entry?.state ?? 'null');
    }
    const update = encoding.toUint8Array(encoder);
    answers.push({ type: 'awareness', owner: holder.id, role: holder.role ?? 'viewer', update, left: false });
  }
  return answers;
}

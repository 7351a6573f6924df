import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ClubControl, RoomMessage } from './bus';

/**
 * The Redis bus's messages in binary (lib0 varints, as the sync protocol itself): the sender's process id
 * first, so a process drops its own echo before decoding the rest. Updates are Yjs binary; JSON would
 * have to base64 them.
 */
const Kind = {
  update: 0,
  awareness: 1,
  keysRotated: 2,
  presenceQuery: 3,
  tabletRevoked: 4,
  docsRetired: 5,
} as const;

export interface Envelope<T> {
  readonly sender: string;
  readonly message: T;
}

export function encodeRoomMessage(sender: string, message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, sender);
  if (message.type === 'update') {
    encoding.writeVarUint(encoder, Kind.update);
    encoding.writeVarUint8Array(encoder, message.frame);
  } else if (message.type === 'presenceQuery') {
    encoding.writeVarUint(encoder, Kind.presenceQuery);
  } else {
    encoding.writeVarUint(encoder, Kind.awareness);
    encoding.writeVarUint(encoder, message.owner);
    encoding.writeVarUint(encoder, message.role === 'editor' ? 0 : 1);
    encoding.writeVarUint(encoder, message.left ? 1 : 0);
    encoding.writeVarUint8Array(encoder, message.update);
  }
  return encoding.toUint8Array(encoder);
}

export function readSender(data: Uint8Array): string {
  return decoding.readVarString(decoding.createDecoder(data));
}

/** Throws on a message this codec did not write (another program on the same channel). */
export function decodeRoomMessage(data: Uint8Array): Envelope<RoomMessage> {
  const decoder = decoding.createDecoder(data);
  const sender = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind === Kind.update)
    return { sender, message: { type: 'update', frame: decoding.readVarUint8Array(decoder) } };
  if (kind === Kind.presenceQuery) return { sender, message: { type: 'presenceQuery' } };
  if (kind !== Kind.awareness) throw new Error(`unknown room message kind ${kind}`);
  const owner = decoding.readVarUint(decoder);
  const role = decoding.readVarUint(decoder) === 0 ? 'editor' : 'viewer';
  const left = decoding.readVarUint(decoder) === 1;
  const update = decoding.readVarUint8Array(decoder);
  return { sender, message: { type: 'awareness', owner, role, left, update } };
}

export function encodeClubControl(sender: string, message: ClubControl): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, sender);
  encoding.writeVarUint(encoder, Kind[message.type]);
  encoding.writeVarString(encoder, message.clubId);
  if (message.type === 'tabletRevoked') encoding.writeVarString(encoder, message.keyHash);
  if (message.type === 'docsRetired') {
    encoding.writeVarUint(encoder, message.names.length);
    for (const name of message.names) encoding.writeVarString(encoder, name);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeClubControl(data: Uint8Array): Envelope<ClubControl> {
  const decoder = decoding.createDecoder(data);
  const sender = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind === Kind.keysRotated)
    return { sender, message: { type: 'keysRotated', clubId: decoding.readVarString(decoder) } };
  if (kind === Kind.docsRetired) {
    const clubId = decoding.readVarString(decoder);
    const names = Array.from({ length: decoding.readVarUint(decoder) }, () =>
      decoding.readVarString(decoder),
    );
    return { sender, message: { type: 'docsRetired', clubId, names } };
  }
  if (kind !== Kind.tabletRevoked) throw new Error(`unknown club message kind ${kind}`);
  const clubId = decoding.readVarString(decoder);
  return { sender, message: { type: 'tabletRevoked', clubId, keyHash: decoding.readVarString(decoder) } };
}

import { err, ok, type Result } from './result';
import { ByteReader, ByteWriter } from './varint';

/**
 * y-websocket message types. 0–3 come from y-protocols; 20 and 21 are ours, far enough above them that a future
 * y-protocols type will not collide. A stock client ignores (logs) types it has no handler for.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stored: 20,
  notice: 21,
} as const;

/**
 * The sync message's own types, y-protocols' `messageYjsSyncStep1`, `messageYjsSyncStep2` and
 * `messageYjsUpdate`: the varUint after `MessageType.sync`, then a varUint8Array (a state vector for step 1,
 * a Yjs update for the others). Written here once for the relay, the client and @chungtay/sync-frames; pinned
 * against y-protocols and y-websocket in relay/test/protocol-compat.test.ts and the client's y-websocket
 * contract test.
 */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

export type SyncMessageTypeValue = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/**
 * Relay → client: varUint8Array, the room's state vector after the updates it reflects were durably appended;
 * then (relays since 2026-11-26) varUint, how many of this connection's sync step 2 and update messages the
 * relay has finished with (stored, found already stored, or dropped for a viewer). Once that count reaches
 * the number the client sent, every one of them is settled, whatever the order: it is what proves a pure
 * deletion stored, since a deletion moves no state vector clock. See `isSyncContentFrame`, `StoredClocks`.
 */
export const MESSAGE_STORED = MessageType.stored;
/** Relay → client: varString, JSON of a Notice. */
export const MESSAGE_NOTICE = MessageType.notice;

export type Notice = { readonly type: 'viewerWriteDropped' } | { readonly type: 'readOnlyAccess' };

export type CustomMessage =
  | {
      readonly type: 'stored';
      readonly stateVector: Uint8Array;
      /** Absent from relays that predate the count. */
      readonly settledUpdates?: number;
    }
  | { readonly type: 'notice'; readonly notice: Notice };

export type CustomMessageError = { readonly type: 'malformedCustomMessage' };

export function encodeStoredMessage(stateVector: Uint8Array, settledUpdates: number): Uint8Array {
  const writer = new ByteWriter();
  writer.writeVarUint(MESSAGE_STORED);
  writer.writeVarUint8Array(stateVector);
  writer.writeVarUint(settledUpdates);
  return writer.toUint8Array();
}

/**
 * True for the frames the relay counts in MESSAGE_STORED: y-websocket sync step 2 and update messages
 * (message type 0, sync type 1 or 2), whatever they carry. Both sides use this one rule.
 */
export function isSyncContentFrame(frame: Uint8Array): boolean {
  // Every type here is below 128, so its varUint is this one byte.
  return (
    frame[0] === MessageType.sync &&
    (frame[1] === SyncMessageType.step2 || frame[1] === SyncMessageType.update)
  );
}

export function encodeNoticeMessage(notice: Notice): Uint8Array {
  const writer = new ByteWriter();
  writer.writeVarUint(MESSAGE_NOTICE);
  writer.writeVarString(JSON.stringify(notice));
  return writer.toUint8Array();
}

function isNotice(value: unknown): value is Notice {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'viewerWriteDropped' || type === 'readOnlyAccess';
}

/**
 * Decodes a whole frame (type byte included). In a y-websocket `messageHandlers[type]` callback, pass the
 * lib0 decoder's `arr`, the frame it was created from.
 */
export function decodeCustomMessage(frame: Uint8Array): Result<CustomMessage, CustomMessageError> {
  try {
    const reader = new ByteReader(frame);
    const type = reader.readVarUint();
    if (type === MESSAGE_STORED) {
      const stateVector = reader.readVarUint8Array();
      if (reader.remaining === 0) return ok({ type: 'stored', stateVector });
      return ok({ type: 'stored', stateVector, settledUpdates: reader.readVarUint() });
    }
    if (type === MESSAGE_NOTICE) {
      const notice: unknown = JSON.parse(reader.readVarString());
      if (isNotice(notice)) return ok({ type: 'notice', notice: { type: notice.type } });
    }
  } catch {
    // Truncated bytes, bad UTF-8 or bad JSON: all the same malformed message to the caller.
  }
  return err({ type: 'malformedCustomMessage' });
}

import { encodeNoticeMessage, MessageType } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Connection } from './connection';
import type { Metrics } from './metrics';
import type { Room } from './room';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface MessageHandlerContext {
  readonly metrics: Metrics;
  readonly now: () => number;
  /** At most one viewerWriteDropped notice per connection per this many ms. */
  readonly viewerNoticeIntervalMs: number;
}

/** True when an update carries no structs and no deletions (what a client with nothing new sends). */
function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

function handleUpdate(
  room: Room,
  connection: Connection,
  update: Uint8Array,
  context: MessageHandlerContext,
): void {
  if (connection.role !== 'editor') {
    // Viewers may read, never write: not applied, not stored, not forwarded. Decoding also rejects garbage.
    if (isEmptyUpdate(update)) return;
    context.metrics.viewerWritesDropped += 1;
    const now = context.now();
    if (now - connection.lastNoticeAt >= context.viewerNoticeIntervalMs) {
      connection.lastNoticeAt = now;
      connection.send(encodeNoticeMessage({ type: 'viewerWriteDropped' }));
    }
    return;
  }
  // Decode fully before touching the room's doc: a truncated update would otherwise integrate its structs
  // and throw only at its delete set, leaving the doc half-changed.
  Y.decodeUpdate(update);
  room.applyUpdate(connection, update);
}

/**
 * Handles one y-websocket frame from a connection whose room has loaded. Anything that does not decode,
 * fails to apply or has an unknown type closes this connection with malformedMessage (4001).
 */
export function handleMessage(
  room: Room,
  connection: Connection,
  data: Uint8Array,
  context: MessageHandlerContext,
): void {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SYNC_STEP_1) room.answerSyncStep1(connection, decoding.readVarUint8Array(decoder));
        else if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
          handleUpdate(room, connection, decoding.readVarUint8Array(decoder), context);
        } else connection.fail('malformedMessage');
        return;
      }
      case MessageType.awareness:
        room.applyAwareness(connection, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.queryAwareness:
        connection.send(room.encodeAwareness([...room.awareness.getStates().keys()]));
        return;
      case MessageType.auth:
        // y-protocols' auth message only flows relay → client; a client sending one is harmless, so ignore it.
        return;
      default:
        connection.fail('malformedMessage');
    }
  } catch {
    connection.fail('malformedMessage');
  }
}

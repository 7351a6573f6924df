import { encodeNoticeMessage, MessageType, SyncMessageType } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Connection } from './connection';
import type { Metrics } from './metrics';
import { AwarenessLimitError } from './room/awareness-relay';
import type { DecodedUpdate } from './room/encoded-doc';
import type { Room } from './room/room';

export interface MessageHandlerContext {
  readonly metrics: Metrics;
  readonly now: () => number;
  /** At most one viewerWriteDropped notice per connection per this many ms. */
  readonly viewerNoticeIntervalMs: number;
}

function handleUpdate(
  room: Room,
  connection: Connection,
  update: Uint8Array,
  frameBytes: Uint8Array | undefined,
  context: MessageHandlerContext,
): void {
  // Decoding validates: a frame that does not decode closes the connection before anything is stored.
  const decoded: DecodedUpdate = Y.decodeUpdate(update);
  if (connection.role !== 'editor') {
    // Viewers may read, never write: not stored, not forwarded. What the relay already holds is not a write
    // either: every sync step 2 re-sends the tablet's whole delete set, and it is empty with nothing new.
    room.settleDropped(connection);
    if (room.holds(decoded)) return;
    context.metrics.viewerWritesDropped += 1;
    const now = context.now();
    if (connection.relayMessages && now - connection.lastNoticeAt >= context.viewerNoticeIntervalMs) {
      connection.lastNoticeAt = now;
      connection.send(encodeNoticeMessage({ type: 'viewerWriteDropped' }));
    }
    return;
  }
  room.receiveUpdate(connection, update, decoded, frameBytes);
}

/**
 * Handles one y-websocket frame from a connection whose room has loaded. Anything that does not decode,
 * fails to apply or has an unknown type closes this connection with malformedMessage (4001), as does presence
 * over its limits (counted as awarenessLimit).
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
        if (syncType === SyncMessageType.step1)
          room.answerSyncStep1(connection, decoding.readVarUint8Array(decoder));
        else if (syncType === SyncMessageType.step2 || syncType === SyncMessageType.update) {
          const update = decoding.readVarUint8Array(decoder);
          if (decoding.hasContent(decoder)) {
            connection.fail('malformedMessage');
            return;
          }
          // A sync update frame goes to the other clients exactly as it came; a step 2 is re-framed as an update.
          handleUpdate(
            room,
            connection,
            update,
            syncType === SyncMessageType.update ? data : undefined,
            context,
          );
        } else connection.fail('malformedMessage');
        return;
      }
      case MessageType.awareness:
        room.receiveAwareness(connection, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.queryAwareness:
        room.answerAwarenessQuery(connection);
        return;
      case MessageType.auth:
        // y-protocols' auth message only flows relay → client; a client sending one is harmless, so ignore it.
        return;
      default:
        connection.fail('malformedMessage');
    }
  } catch (error) {
    connection.fail(error instanceof AwarenessLimitError ? 'awarenessLimit' : 'malformedMessage');
  }
}

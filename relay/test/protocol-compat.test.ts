/**
 * The protocol package writes lib0 encoding and the libraries' message numbers by hand; check them against
 * lib0, Yjs, y-protocols and y-websocket themselves.
 */
import {
  decodeCustomMessage,
  encodeNoticeMessage,
  encodeStoredMessage,
  isStateVectorCovered,
  isSyncContentFrame,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  MessageType,
  SyncMessageType,
} from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as yWebsocket from 'y-websocket';
import * as Y from 'yjs';

describe('message types against y-websocket and y-protocols', () => {
  // The protocol writes these numbers once for the relay, the client and sync-frames; the libraries' own
  // exports are the authority. A pinned version that renumbers them fails here, not on a tablet.
  it('names the message types as y-websocket does, with ours clear of them', () => {
    expect({
      sync: MessageType.sync,
      awareness: MessageType.awareness,
      auth: MessageType.auth,
      queryAwareness: MessageType.queryAwareness,
    }).toEqual({
      sync: yWebsocket.messageSync,
      awareness: yWebsocket.messageAwareness,
      auth: yWebsocket.messageAuth,
      queryAwareness: yWebsocket.messageQueryAwareness,
    });
    expect([MESSAGE_STORED, MESSAGE_NOTICE]).toEqual([MessageType.stored, MessageType.notice]);
  });

  it('names the sync types as y-protocols does, and they are what its writers write', () => {
    expect(SyncMessageType).toEqual({
      step1: syncProtocol.messageYjsSyncStep1,
      step2: syncProtocol.messageYjsSyncStep2,
      update: syncProtocol.messageYjsUpdate,
    });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const firstByte = (write: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      write(encoder);
      return encoding.toUint8Array(encoder)[0];
    };
    expect(firstByte((e) => syncProtocol.writeSyncStep1(e, doc))).toBe(SyncMessageType.step1);
    expect(firstByte((e) => syncProtocol.writeSyncStep2(e, doc))).toBe(SyncMessageType.step2);
    expect(firstByte((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))).toBe(
      SyncMessageType.update,
    );
  });
});

describe('protocol encoding against lib0 and Yjs', () => {
  it('writes MESSAGE_STORED exactly as lib0 would', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(300));
    const sv = Y.encodeStateVector(doc);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_STORED);
    encoding.writeVarUint8Array(encoder, sv);
    encoding.writeVarUint(encoder, 1_000_000);
    expect(encodeStoredMessage(sv, 1_000_000)).toEqual(encoding.toUint8Array(encoder));
  });

  it('counts the frames y-websocket sends with document content, and no others', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const frames: Uint8Array[] = [];
    for (const write of [
      syncProtocol.writeSyncStep1,
      syncProtocol.writeSyncStep2,
      syncProtocol.writeUpdate,
    ]) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      if (write === syncProtocol.writeUpdate) write(encoder, Y.encodeStateAsUpdate(doc));
      else write(encoder, doc as never);
      frames.push(encoding.toUint8Array(encoder));
    }
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, MessageType.awareness);
    encoding.writeVarUint8Array(awareness, Uint8Array.of(0));
    expect([...frames, encoding.toUint8Array(awareness)].map(isSyncContentFrame)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('writes notices lib0 can read, and reads what lib0 writes', () => {
    const decoder = decoding.createDecoder(encodeNoticeMessage({ type: 'readOnlyAccess' }));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_NOTICE);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ type: 'readOnlyAccess' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_NOTICE);
    encoding.writeVarString(encoder, JSON.stringify({ type: 'viewerWriteDropped' }));
    expect(decodeCustomMessage(encoding.toUint8Array(encoder))).toEqual({
      ok: true,
      value: { type: 'notice', notice: { type: 'viewerWriteDropped' } },
    });
  });

  it('compares real Yjs state vectors', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'hello');
    expect(isStateVectorCovered(Y.encodeStateVector(a), Y.encodeStateVector(b))).toBe(false);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(0, 'more');
    expect(isStateVectorCovered(Y.encodeStateVector(a), Y.encodeStateVector(b))).toBe(true);
    expect(isStateVectorCovered(Y.encodeStateVector(b), Y.encodeStateVector(a))).toBe(false);
  });
});

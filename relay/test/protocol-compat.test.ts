/** The protocol package writes lib0 encoding by hand; check it against lib0 and Yjs themselves. */
import {
  decodeCustomMessage,
  encodeNoticeMessage,
  encodeStoredMessage,
  isStateVectorCovered,
  isSyncContentFrame,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
} from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

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
      encoding.writeVarUint(encoder, 0);
      if (write === syncProtocol.writeUpdate) write(encoder, Y.encodeStateAsUpdate(doc));
      else write(encoder, doc as never);
      frames.push(encoding.toUint8Array(encoder));
    }
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, 1);
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

import { describe, expect, it } from 'vitest';
import {
  decodeCustomMessage,
  encodeNoticeMessage,
  encodeStoredMessage,
  isSyncContentFrame,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  MessageType,
  SyncMessageType,
} from './messages';
import { decodeStateVector, isStateVectorCovered, StoredClocks } from './state-vector';
import { ByteReader, ByteWriter } from './varint';

/** A state vector as Yjs writes it. */
function stateVector(entries: Array<[number, number]>): Uint8Array {
  const writer = new ByteWriter();
  writer.writeVarUint(entries.length);
  for (const [client, clock] of entries) {
    writer.writeVarUint(client);
    writer.writeVarUint(clock);
  }
  return writer.toUint8Array();
}

describe('varint encoding', () => {
  it('writes lib0 varUints (7 bits per byte, low bits first) and reads them back up to 2^53', () => {
    const writer = new ByteWriter();
    writer.writeVarUint(300);
    expect(writer.toUint8Array()).toEqual(Uint8Array.of(0xac, 0x02));
    for (const value of [0, 1, 127, 128, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
      const w = new ByteWriter();
      w.writeVarUint(value);
      expect(new ByteReader(w.toUint8Array()).readVarUint()).toBe(value);
    }
    expect(() => new ByteReader(Uint8Array.of(0x80)).readVarUint()).toThrow(RangeError);
  });
});

describe('custom messages', () => {
  it('encode the stored state vector after type 20 and decode it back', () => {
    const sv = stateVector([[12345, 7]]);
    const frame = encodeStoredMessage(sv, 300);
    expect(frame[0]).toBe(MESSAGE_STORED);
    expect(decodeCustomMessage(frame)).toEqual({
      ok: true,
      value: { type: 'stored', stateVector: sv, settledUpdates: 300 },
    });
  });

  it('read a stored report without the settled count, as relays before it sent them', () => {
    const sv = stateVector([[12345, 7]]);
    const writer = new ByteWriter();
    writer.writeVarUint(MESSAGE_STORED);
    writer.writeVarUint8Array(sv);
    expect(decodeCustomMessage(writer.toUint8Array())).toEqual({
      ok: true,
      value: { type: 'stored', stateVector: sv },
    });
  });

  it('encode notices as JSON strings after type 21', () => {
    const frame = encodeNoticeMessage({ type: 'viewerWriteDropped' });
    expect(frame[0]).toBe(MESSAGE_NOTICE);
    expect(decodeCustomMessage(frame)).toEqual({
      ok: true,
      value: { type: 'notice', notice: { type: 'viewerWriteDropped' } },
    });
  });

  it('report truncated frames, unknown notices and other types as malformed', () => {
    const truncated = encodeStoredMessage(stateVector([[1, 2]]), 0).slice(0, 3);
    const truncatedCount = encodeStoredMessage(stateVector([[1, 2]]), 200).slice(0, -1);
    const unknownNotice = new ByteWriter();
    unknownNotice.writeVarUint(MESSAGE_NOTICE);
    unknownNotice.writeVarString('{"type":"other"}');
    for (const frame of [
      truncated,
      truncatedCount,
      unknownNotice.toUint8Array(),
      Uint8Array.of(0, 0, 1, 0),
      new Uint8Array(),
    ]) {
      expect(decodeCustomMessage(frame).ok).toBe(false);
    }
  });
});

describe('message types', () => {
  // These numbers are the wire format every stock y-websocket client and server speaks: changing one breaks
  // them all. relay/test/protocol-compat.test.ts checks them against y-websocket's and y-protocols' exports.
  it('keep the y-websocket and y-protocols numbers, and ours above them', () => {
    expect(MessageType).toEqual({
      sync: 0,
      awareness: 1,
      auth: 2,
      queryAwareness: 3,
      stored: 20,
      notice: 21,
    });
    expect(SyncMessageType).toEqual({ step1: 0, step2: 1, update: 2 });
  });

  it('count sync step 2 and update frames as content, not step 1, presence or our own', () => {
    const frame = (type: number, syncType: number) => Uint8Array.of(type, syncType, 0);
    expect(isSyncContentFrame(frame(MessageType.sync, SyncMessageType.step1))).toBe(false);
    expect(isSyncContentFrame(frame(MessageType.sync, SyncMessageType.step2))).toBe(true);
    expect(isSyncContentFrame(frame(MessageType.sync, SyncMessageType.update))).toBe(true);
    expect(isSyncContentFrame(frame(MessageType.awareness, SyncMessageType.update))).toBe(false);
    expect(isSyncContentFrame(encodeStoredMessage(Uint8Array.of(0), 1))).toBe(false);
  });
});

describe('isStateVectorCovered', () => {
  it('is true when the remote clock of every local client is at least the local one', () => {
    const local = stateVector([
      [1, 5],
      [2, 3],
    ]);
    expect(
      isStateVectorCovered(
        local,
        stateVector([
          [2, 3],
          [1, 9],
          [3, 1],
        ]),
      ),
    ).toBe(true);
    expect(
      isStateVectorCovered(
        local,
        stateVector([
          [1, 5],
          [2, 2],
        ]),
      ),
    ).toBe(false);
    expect(isStateVectorCovered(local, stateVector([[1, 5]]))).toBe(false);
    expect(isStateVectorCovered(stateVector([]), stateVector([]))).toBe(true);
    expect(isStateVectorCovered(stateVector([[4, 0]]), stateVector([]))).toBe(true);
  });

  it('is false for malformed input, so garbage never reads as synced', () => {
    expect(isStateVectorCovered(Uint8Array.of(1), stateVector([]))).toBe(false);
    expect(isStateVectorCovered(stateVector([]), Uint8Array.of(2, 1))).toBe(false);
    expect(decodeStateVector(stateVector([[9, 1]])).get(9)).toBe(1);
  });
});

describe('StoredClocks', () => {
  it('is not synced before any report, then covers what the reports and received clocks hold', () => {
    const stored = new StoredClocks();
    const local = stateVector([[1, 5]]);
    expect(stored.covers(stateVector([]))).toBe(false);
    stored.addReport({ stateVector: stateVector([[1, 3]]) });
    expect(stored.covers(local)).toBe(false);
    stored.addClock(1, 5);
    expect(stored.covers(local)).toBe(true);
    stored.clear();
    expect(stored.covers(local)).toBe(false);
  });

  it('waits until the relay settled every content frame sent, which is how deletions are confirmed', () => {
    const stored = new StoredClocks();
    const local = stateVector([[1, 5]]);
    stored.addReport({ stateVector: local, settledUpdates: 2 });
    expect(stored.covers(local, 2)).toBe(true);
    // A deletion moves no clock: only the count tells it apart.
    expect(stored.covers(local, 3)).toBe(false);
    stored.addReport({ stateVector: stateVector([]), settledUpdates: 3 });
    expect(stored.covers(local, 3)).toBe(true);
    // Reports can arrive with an older count (a complete report after a paced one): counts only grow.
    stored.addReport({ stateVector: stateVector([]), settledUpdates: 1 });
    expect(stored.covers(local, 3)).toBe(true);
  });

  it('falls back to clocks alone with a relay that sends no count, and ignores malformed reports', () => {
    const stored = new StoredClocks();
    const local = stateVector([[1, 5]]);
    expect(stored.addReport({ stateVector: Uint8Array.of(3) })).toBe(false);
    expect(stored.covers(local, 4)).toBe(false);
    stored.addReport({ stateVector: local });
    expect(stored.covers(local, 4)).toBe(true);
  });
});

import { MessageType, SyncMessageType } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep2Frames } from './chunked-sync';

/** Applies frames as a y-websocket client would: sync update and sync step 2 both apply the update. */
function applyFrames(doc: Y.Doc, frames: readonly Uint8Array[]): void {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    expect([SyncMessageType.step2, SyncMessageType.update]).toContain(decoding.readVarUint(decoder));
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
}

function busyDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (let author = 0; author < 4; author++) {
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const map = peer.getMap('records');
    for (let i = 0; i < 300; i++) map.set(`a${author}-${i}`, { id: i, note: 'x'.repeat(100) });
    peer.getText('minutes').insert(0, `author ${author} `.repeat(50));
    peer.getArray<number>('list').push([author, author + 1]);
    for (let i = 0; i < 100; i += 3) map.delete(`a${author}-${i}`);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
  }
  return doc;
}

describe('encodeSyncStep2Frames', () => {
  it('sends a small diff as one sync step 2', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const frames = encodeSyncStep2Frames(Y.encodeStateAsUpdate(doc), 1024);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.[1]).toBe(1);
  });

  it('splits a large diff into bounded frames that rebuild the same document, deletions included', () => {
    const doc = busyDoc();
    const frames = encodeSyncStep2Frames(Y.encodeStateAsUpdate(doc), 8 * 1024);
    expect(frames.length).toBeGreaterThan(10);
    for (const frame of frames.slice(0, -1)) expect(frame.length).toBeLessThan(9 * 1024);
    expect(frames.at(-1)?.[1]).toBe(1);
    const copy = new Y.Doc();
    applyFrames(copy, frames);
    expect(copy.toJSON()).toEqual(doc.toJSON());
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
  });

  it('sends only what a partly synced client lacks, even from inside a struct', () => {
    const doc = busyDoc();
    const text = doc.getText('minutes');
    text.insert(text.length, 'a'.repeat(3000));
    const lagging = new Y.Doc();
    Y.applyUpdate(lagging, Y.encodeStateAsUpdate(doc));
    // Typing on at the end: Yjs merges it into the same struct, so the lagging clock falls inside it.
    for (let i = 0; i < 20; i++) text.insert(text.length, 'b'.repeat(500));
    const structs = doc.store.clients.get(doc.clientID) ?? [];
    expect(structs.length).toBeLessThan(5);
    const frames = encodeSyncStep2Frames(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(lagging)), 2 * 1024);
    expect(frames.length).toBeGreaterThan(1);
    applyFrames(lagging, frames);
    expect(lagging.getText('minutes').toString()).toBe(text.toString());
    expect(lagging.getMap('records').toJSON()).toEqual(doc.getMap('records').toJSON());
  });

  it('rebuild the same document whatever order the frames and a concurrent edit arrive in', () => {
    const doc = busyDoc();
    const frames = encodeSyncStep2Frames(Y.encodeStateAsUpdate(doc), 8 * 1024);
    const other = new Y.Doc();
    other.getMap('records').set('late', { id: -1, note: 'from another tablet' });
    const concurrent = Y.encodeStateAsUpdate(other);
    const orders = [
      [...frames, concurrent],
      [...frames].reverse().concat([concurrent]),
      [concurrent, ...frames.filter((_, i) => i % 2 === 0), ...frames.filter((_, i) => i % 2 === 1)],
    ];
    const results = orders.map((order) => {
      const copy = new Y.Doc();
      for (const frame of order) {
        if (frame === concurrent) Y.applyUpdate(copy, concurrent);
        else applyFrames(copy, [frame]);
      }
      return copy;
    });
    for (const copy of results) {
      expect(copy.getMap('records').get('late')).toEqual({ id: -1, note: 'from another tablet' });
      expect(copy.getText('minutes').toString()).toBe(doc.getText('minutes').toString());
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(results[0] ?? copy));
    }
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PhotoStore } from './photo-store';
import { TestPhotoRelay } from './photo-test-relay';
import { PhotoUploadQueue } from './photo-upload-queue';

let databases = 0;
const photo = (hash: string, size = 3) => ({
  clubId: 'club-1',
  hash,
  contentType: 'image/jpeg',
  scope: 'club' as const,
  size,
  bytes: new Blob([new Uint8Array(size)]),
  uploaded: false,
});

function setup() {
  const store = new PhotoStore(indexedDB, `photos-test-${++databases}`);
  const relay = new TestPhotoRelay();
  return { store, relay, queue: new PhotoUploadQueue('club-1', store, relay) };
}

describe('photo upload queue', () => {
  it('keeps photos taken offline and sends them all once the relay is reachable', async () => {
    const { store, relay, queue } = setup();
    relay.answer = 'retry';
    await store.put(photo('a'));
    await store.put(photo('b'));
    await queue.run();
    // The first failure stops the pass: the second photo is not tried against a relay that is not there.
    expect(relay.attempts).toEqual(['a']);
    expect(queue.waiting).toBe(2);
    relay.answer = 'sent';
    await queue.run();
    expect([...relay.held.keys()].sort()).toEqual(['a', 'b']);
    expect(queue.waiting).toBe(0);
    expect(await store.listWaiting('club-1')).toEqual([]);
  });

  it('leaves a refused photo waiting and goes on with the others', async () => {
    const { store, relay, queue } = setup();
    relay.answer = 'refused';
    await store.put(photo('a'));
    await store.put(photo('b'));
    await queue.run();
    expect(relay.attempts).toEqual(['a', 'b']);
    expect(queue.waiting).toBe(2);
  });

  it('runs again for a photo added while a pass is under way', async () => {
    const { store, relay, queue } = setup();
    await store.put(photo('a'));
    const first = queue.run();
    await store.put(photo('b'));
    await Promise.all([first, queue.run()]);
    expect([...relay.held.keys()].sort()).toEqual(['a', 'b']);
  });

  it('shows what photos take, and drops only copies the relay holds', async () => {
    const { store, queue } = setup();
    await store.put(photo('a', 100));
    await queue.run();
    await store.put({ ...photo('b', 40) });
    expect(await store.usage('club-1')).toEqual({
      count: 2,
      bytes: 140,
      droppableBytes: 100,
      waitingToSend: 1,
    });
    expect(await store.dropUploadedCopies('club-1')).toBe(100);
    expect(await store.usage('club-1')).toEqual({ count: 1, bytes: 40, droppableBytes: 0, waitingToSend: 1 });
    // The dropped photo is still known to be on the relay; a fetched copy put back keeps that.
    expect((await store.get('club-1', photo('a').hash))?.uploaded).toBe(true);
  });
});

describe('an erased photo', () => {
  it('is dropped here at once, never sent, and deleted from the relay once it is reachable', async () => {
    const { store, relay, queue } = setup();
    await store.put(photo('a'));
    await store.put(photo('b'));
    await queue.run();
    expect([...relay.held.keys()].sort()).toEqual(['a', 'b']);
    relay.answer = 'retry';
    await store.erase('club-1', 'a');
    await store.put(photo('c'));
    expect((await store.get('club-1', 'a'))?.bytes).toBeUndefined();
    await queue.run();
    // Offline: the deletion waits, and so does the new photo.
    expect(relay.held.has('a')).toBe(true);
    expect(queue.waiting).toBe(1);
    relay.answer = 'sent';
    await queue.run();
    expect([...relay.held.keys()].sort()).toEqual(['b', 'c']);
    expect(await store.listErased('club-1')).toEqual([]);
    expect(await store.get('club-1', 'a')).toBeUndefined();
  });

  it('stays erased when a stale screen fetches it again, and an unsent erased photo is never uploaded', async () => {
    const { store, relay, queue } = setup();
    relay.answer = 'retry';
    await store.put(photo('d'));
    await store.erase('club-1', 'd');
    await store.put({ ...photo('d'), uploaded: true });
    expect((await store.get('club-1', 'd'))?.bytes).toBeUndefined();
    expect(await store.listWaiting('club-1')).toEqual([]);
    relay.answer = 'sent';
    await queue.run();
    expect(relay.attempts.filter((a) => a === 'd')).toEqual([]);
    expect(relay.attempts).toContain('delete d');
  });
});

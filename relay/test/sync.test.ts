import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  waitFor,
} from './helpers';

describe('sync through the relay', () => {
  let relay: TestRelay;
  let club: TestClub;
  const clients: TestClient[] = [];
  const open = (name: string, key = club.editorKey) => {
    const client = connectClient(relay.syncUrl, name, key);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    relay = await startTestRelay();
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
  });

  it('converges three clients after random concurrent edits with offline periods', async () => {
    const trio = [open(club.clubId), open(club.clubId), open(club.clubId)];
    await waitFor(() => trio.every((c) => c.provider.synced), 'initial sync');
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 6; round++) {
      const offline = trio[Math.floor(random() * 3)]!;
      offline.provider.disconnect();
      for (let i = 0; i < 30; i++) {
        const client = trio[Math.floor(random() * 3)]!;
        const list = client.doc.getArray<number>('list');
        if (random() < 0.3 && list.length > 0) list.delete(Math.floor(random() * list.length));
        else list.insert(Math.floor(random() * (list.length + 1)), [round * 100 + i]);
        client.doc.getMap('map').set(`k${Math.floor(random() * 5)}`, i);
      }
      offline.provider.connect();
      await waitFor(() => offline.provider.synced, 'reconnect');
    }
    const same = () => {
      // Map key order in toJSON follows local insertion order, so compare sorted entries.
      const [a, b, c] = trio.map((client) =>
        JSON.stringify([
          client.doc.getArray('list').toJSON(),
          Object.entries(client.doc.getMap('map').toJSON()).sort(),
        ]),
      );
      return a === b && b === c;
    };
    await waitFor(same, 'convergence');
    expect(trio[0]!.doc.getArray('list').length).toBeGreaterThan(0);
  });

  it('keeps deleted text of a meeting’s minutes, so a snapshot taken on one tablet restores on a later one', async () => {
    const name = `${club.clubId}/meeting/m1`;
    const writer = open(name);
    writer.doc.gc = false;
    writer.text.insert(0, 'Bà Lan báo cáo quỹ');
    const approved = Y.encodeSnapshot(Y.snapshot(writer.doc));
    writer.text.delete(0, 7);
    await waitFor(() => writer.holdsAll(), 'stored');
    writer.destroy();
    const later = connectClient(relay.syncUrl, name, club.editorKey, new Y.Doc({ gc: false }));
    clients.push(later);
    await waitFor(() => later.text.toString() === 'báo cáo quỹ', 'later tablet synced');
    const restored = Y.createDocFromSnapshot(later.doc, Y.decodeSnapshot(approved));
    expect(restored.getText('t').toString()).toBe('Bà Lan báo cáo quỹ');
  });

  it('stores and forwards between two clients that are never online together', async () => {
    const first = open(club.clubId);
    first.text.insert(0, 'written while alone');
    await waitFor(() => first.holdsAll(), 'stored');
    first.destroy();
    const second = open(club.clubId);
    await waitFor(() => second.text.toString() === 'written while alone', 'second sees the text');
  });

  it('reports, with MESSAGE_STORED, a state vector that covers every edit once stored', async () => {
    const client = open(`${club.clubId}/meeting/m1`);
    await waitFor(() => client.storedReports > 0, 'stored after initial sync');
    client.text.insert(0, 'minutes');
    client.doc.getMap('m').set('a', 1);
    const sentBefore = relay.metrics.bytesSent;
    await waitFor(() => client.holdsAll(), 'edits covered');
    // The acknowledgements are counted as sent.
    expect(relay.metrics.bytesSent).toBeGreaterThan(sentBefore);
    const stored = await relay.storage.docs.load(`${club.clubId}/meeting/m1`);
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('minutes');
  });

  it('keeps documents of one club apart and relays awareness', async () => {
    const a = open(club.clubId);
    const b = open(club.clubId);
    const other = open(`${club.clubId}/meeting/x`);
    a.provider.awareness.setLocalStateField('user', { name: 'Lan', color: '#f00' });
    await waitFor(
      () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Lan'),
      'awareness',
    );
    a.text.insert(0, 'main');
    await waitFor(() => b.text.toString() === 'main', 'b syncs');
    await waitFor(() => other.provider.synced, 'other synced');
    expect(other.text.toString()).toBe('');
  });
});

describe('large documents', () => {
  it('reach a new client in several bounded frames, and it reports synced only at the end', async () => {
    const relay = await startTestRelay({ syncChunkBytes: 4096 });
    const club = await registerClub(relay.httpUrl);
    const writer = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    const reader = new Y.Doc();
    let readerClient: TestClient | undefined;
    try {
      const records = writer.doc.getMap('records');
      for (let batch = 0; batch < 10; batch++) {
        writer.doc.transact(() => {
          for (let i = 0; i < 50; i++) records.set(`r${batch}-${i}`, { note: 'x'.repeat(200) });
        });
      }
      await waitFor(() => writer.holdsAll(), 'seeded');
      readerClient = connectClient(relay.syncUrl, club.clubId, club.editorKey, reader);
      const frames: number[] = [];
      let sizeWhenSynced = -1;
      const original = readerClient.provider.messageHandlers[0];
      readerClient.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
        frames.push(decoder.arr.length);
        original?.(encoder, decoder, provider, emitSynced, type);
      };
      readerClient.provider.on('sync', (synced: boolean) => {
        if (synced && sizeWhenSynced === -1) sizeWhenSynced = reader.getMap('records').size;
      });
      await waitFor(() => reader.getMap('records').size === 500, 'reader has all records');
      expect(frames.length).toBeGreaterThan(20);
      expect(Math.max(...frames)).toBeLessThan(6 * 1024);
      expect(sizeWhenSynced).toBe(500);
    } finally {
      readerClient?.destroy();
      writer.destroy();
      await relay.close();
    }
  });
});

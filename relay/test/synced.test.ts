/**
 * "Synced" is exact: a client is told its edits are held only once the relay stored them. Deletions are the
 * hard case: they move no state vector clock, so only the relay's count of settled frames can confirm them.
 * The store here is the memory store behind a gate the test opens, to hold an append in flight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from '../src/store/doc-store';
import { openMemoryStorage } from '../src/store/memory-doc-store';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestRelay,
  waitFor,
} from './helpers';

/** Appends wait while the gate is closed; everything else goes straight to the memory store. */
function gatedStorage() {
  const inner = openMemoryStorage();
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const state = { waiting: 0 };
  const storage: Storage = {
    clubs: inner.clubs,
    close: () => inner.close(),
    docs: {
      load: (name) => inner.docs.load(name),
      compact: (name, snapshot, throughSeq) => inner.docs.compact(name, snapshot, throughSeq),
      deleteClubDocs: (clubId) => inner.docs.deleteClubDocs(clubId),
      listDocs: (prefix) => inner.docs.listDocs(prefix),
      retireDocs: (names) => inner.docs.retireDocs(names),
      close: () => inner.docs.close(),
      async append(name, update) {
        state.waiting += 1;
        await gate;
        state.waiting -= 1;
        return inner.docs.append(name, update);
      },
    },
  };
  return {
    storage,
    state,
    close() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open: () => release(),
  };
}

async function storedText(storage: Storage, name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await storage.docs.load(name)).updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('synced means stored', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  let disk: ReturnType<typeof gatedStorage> | undefined;
  afterEach(async () => {
    disk?.open(); // a failed test must not leave an append waiting, or closing the relay would wait for it
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
  });

  it('confirms a deletion only once the relay has stored it', async () => {
    const gated = gatedStorage();
    disk = gated;
    relay = await startTestRelay({}, gated.storage);
    const club = await registerClub(relay.httpUrl);
    const tablet = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    clients.push(tablet);
    tablet.text.insert(0, 'Họp chi hội tháng 11');
    await waitFor(() => tablet.holdsAll(), 'insert stored');

    gated.close();
    const clocks = Y.encodeStateVector(tablet.doc);
    tablet.text.delete(0, 4);
    expect(Y.encodeStateVector(tablet.doc)).toEqual(clocks);
    await waitFor(() => gated.state.waiting === 1, 'deletion reached the relay');
    // The relay has the deletion but has not stored it: the tablet must not read that as synced, even
    // when a report about everything else arrives meanwhile.
    tablet.provider.ws?.send(Uint8Array.of(0, 0, 1, 0));
    const reports = tablet.storedReports;
    await waitFor(() => tablet.storedReports > reports, 'a complete report');
    expect(tablet.holdsAll()).toBe(false);
    expect(await storedText(gated.storage, club.clubId)).toBe('Họp chi hội tháng 11');

    gated.open();
    await waitFor(() => tablet.holdsAll(), 'deletion stored');
    expect(await storedText(gated.storage, club.clubId)).toBe('chi hội tháng 11');
  });

  it('shows synced on connecting with a document that holds deletions the relay already has', async () => {
    relay = await startTestRelay();
    const club = await registerClub(relay.httpUrl);
    const first = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    clients.push(first);
    first.text.insert(0, 'Danh sách hội viên');
    first.text.delete(0, 10);
    await waitFor(() => first.holdsAll(), 'first stored');
    const again = connectClient(relay.syncUrl, club.clubId, club.editorKey, first.doc);
    clients.push(again);
    // Its sync step 2 re-sends the whole delete set: a content frame the relay settles as already held.
    await waitFor(() => again.holdsAll(), 'second connection synced');
    expect(again.text.toString()).toBe('hội viên');
  });
});

import { MessageType, SyncMessageType } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Metrics } from '../metrics';
import type { DocStore, StoredDoc } from '../store/doc-store';
import { MemoryDocStore } from '../store/memory-doc-store';
import type { RoomBus } from './bus';
import { InProcessBusHub } from './bus-in-process';
import { Room } from './room';
import { StoredAcks } from './stored-acks';

/** How a room and its bus behave around the store, without sockets: Room.holds says what it took in. */
function roomOn(store: DocStore, bus: RoomBus, name = 'club/doc'): Room {
  return new Room(name, {
    store,
    acks: new StoredAcks(1000, () => 0),
    snapshots: { collect: async (update) => update },
    metrics: new Metrics(),
    bus,
    storedElsewhere: () => undefined,
    logger: pino({ level: 'silent' }),
    options: { compactAfterUpdates: 500, storedAckIntervalMs: 1000, syncChunkBytes: 256 * 1024 },
    now: () => 0,
  });
}

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

const holds = (room: Room, update: Uint8Array) => room.holds(Y.decodeUpdate(update));

describe('a room shared with other processes', () => {
  it('takes in an update published while it was still reading the store', async () => {
    const hub = new InProcessBusHub();
    const [here, there] = [hub.join(), hub.join()];
    const store = new MemoryDocStore();
    const writer = new Y.Doc();
    const first = edit(writer, 'stored before; ');
    await store.append('club/doc', first);
    let release: (doc: StoredDoc) => void = () => undefined;
    const slowStore: DocStore = {
      ...store,
      load: () => new Promise<StoredDoc>((resolve) => (release = resolve)),
      append: (name, update) => store.append(name, update),
      compact: (name, snapshot, through) => store.compact(name, snapshot, through),
      deleteClubDocs: (clubId) => store.deleteClubDocs(clubId),
      listDocs: (prefix) => store.listDocs(prefix),
      retireDocs: (names) => store.retireDocs(names),
      close: () => store.close(),
    };
    const room = roomOn(slowStore, here);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Another process appends and publishes while this room's read of the store is under way.
    const second = edit(writer, 'published during the load');
    await store.append('club/doc', second);
    there.publish('club/doc', { type: 'update', frame: syncUpdateFrame(second) });
    release({ updates: [first], lastSeq: 1 });
    expect(await room.loaded).toBe(true);
    expect(holds(room, first)).toBe(true);
    expect(holds(room, second)).toBe(true);
  });

  it('catches up from the store with what another process appended while its messages were lost', async () => {
    const hub = new InProcessBusHub();
    const store = new MemoryDocStore();
    const room = roomOn(store, hub.join());
    expect(await room.loaded).toBe(true);
    const writer = new Y.Doc();
    const lost = edit(writer, 'appended elsewhere, never published here');
    await store.append('club/doc', lost);
    expect(holds(room, lost)).toBe(false);
    await room.catchUp();
    expect(holds(room, lost)).toBe(true);
  });

  it('compacts what it holds and what others appended, so the store keeps every row', async () => {
    const hub = new InProcessBusHub();
    const [here, there] = [hub.join(), hub.join()];
    const store = new MemoryDocStore();
    const writer = new Y.Doc();
    // Rows the room loads: enough for its unload to compact.
    await store.append('club/doc', edit(writer, 'a;'));
    await store.append('club/doc', edit(writer, 'b;'));
    const room = roomOn(store, here);
    await room.loaded;
    for (let i = 0; i < 3; i++) {
      const update = edit(writer, `${i};`);
      await store.append('club/doc', update);
      there.publish('club/doc', { type: 'update', frame: syncUpdateFrame(update) });
    }
    // One more row whose message has not arrived when the room compacts (unload compacts).
    await store.append('club/doc', edit(writer, 'in flight'));
    await room.unload();
    const stored = await store.load('club/doc');
    const rebuilt = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getText('t').toString()).toBe('a;b;0;1;2;in flight');
    expect(stored.updates).toHaveLength(1);
  });
});

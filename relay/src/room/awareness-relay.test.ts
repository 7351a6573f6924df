import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  AwarenessLimitError,
  type AwarenessOwner,
  AwarenessRelay,
  MAX_CLIENTS_PER_CONNECTION,
  MAX_STATE_BYTES,
} from './awareness-relay';

/** A real y-protocols Awareness, as a tablet has one. */
function tablet(client: number, name: string) {
  const doc = new Y.Doc();
  doc.clientID = client;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name });
  return {
    awareness,
    update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [client]),
    leave: () => {
      awareness.setLocalState(null);
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [client]);
    },
    destroy: () => {
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** Another tablet taking in the relay's output: who it shows as present. */
function observer() {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  return {
    apply(update: Uint8Array | null): void {
      if (update !== null) awarenessProtocol.applyAwarenessUpdate(awareness, update, 'relay');
    },
    present(): Record<number, string> {
      const present: Record<number, string> = {};
      for (const [id, state] of awareness.getStates()) {
        if (id !== doc.clientID) present[id] = (state as { user: { name: string } }).user.name;
      }
      return present;
    },
  };
}

const editor = (): AwarenessOwner => ({ role: 'editor', awarenessClients: new Set() });
const viewer = (): AwarenessOwner => ({ role: 'viewer', awarenessClients: new Set() });

/** A hand-made awareness update, as a hostile client could send it. */
function forge(changes: ReadonlyArray<readonly [client: number, clock: number, state: string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, changes.length);
  for (const [client, clock, state] of changes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

const ids = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i);

describe('AwarenessRelay', () => {
  it('relays newer states and ignores stale ones, in the y-protocols encoding', () => {
    let now = 0;
    const relay = new AwarenessRelay(() => now);
    const other = observer();
    const lan = tablet(1, 'Lan');
    const owner = editor();
    const first = lan.update();
    other.apply(relay.apply(owner, first));
    expect(other.present()).toEqual({ 1: 'Lan' });
    lan.awareness.setLocalStateField('user', { name: 'Chị Lan' });
    other.apply(relay.apply(owner, lan.update()));
    expect(other.present()).toEqual({ 1: 'Chị Lan' });
    expect(relay.apply(owner, first)).toBeNull();
    now = 1000;
    const newcomer = observer();
    newcomer.apply(relay.encodePresent());
    expect(newcomer.present()).toEqual({ 1: 'Chị Lan' });
    other.apply(relay.apply(owner, lan.leave()));
    expect(other.present()).toEqual({});
    expect(relay.encodePresent()).toBeNull();
    lan.destroy();
  });

  it("does not let a viewer change or remove someone else's presence", () => {
    const relay = new AwarenessRelay(() => 0);
    const other = observer();
    const lan = tablet(1, 'Lan');
    const chair = editor();
    other.apply(relay.apply(chair, lan.update()));
    // A forged removal of client 1 with a higher clock, sent by a read-only tablet.
    const forged = tablet(1, 'x');
    forged.awareness.setLocalStateField('user', { name: 'y' });
    forged.awareness.setLocalStateField('user', { name: 'z' });
    expect(relay.apply(viewer(), forged.update())).toBeNull();
    expect(relay.apply(viewer(), forged.leave())).toBeNull();
    other.apply(relay.encodePresent());
    expect(other.present()).toEqual({ 1: 'Lan' });
    // An editor may take an id over: a tablet that reconnected before its old socket was noticed gone.
    other.apply(relay.apply(editor(), forged.update()));
    expect(other.present()).toEqual({});
    expect(relay.removeOwner(chair)).toBeNull();
    lan.destroy();
    forged.destroy();
  });

  it("removes a leaving connection's entries, and only its own", () => {
    const relay = new AwarenessRelay(() => 0);
    const other = observer();
    const lan = tablet(1, 'Lan');
    const hung = tablet(2, 'Hùng');
    const first = editor();
    other.apply(relay.apply(first, lan.update()));
    other.apply(relay.apply(viewer(), hung.update()));
    expect(other.present()).toEqual({ 1: 'Lan', 2: 'Hùng' });
    other.apply(relay.removeOwner(first));
    expect(other.present()).toEqual({ 2: 'Hùng' });
    lan.destroy();
    hung.destroy();
  });

  it('leaves out states not renewed within 30 s when greeting a newcomer', () => {
    let now = 0;
    const relay = new AwarenessRelay(() => now);
    const lan = tablet(1, 'Lan');
    relay.apply(editor(), lan.update());
    now = 29_000;
    expect(relay.encodePresent()).not.toBeNull();
    now = 31_000;
    expect(relay.encodePresent()).toBeNull();
    lan.destroy();
  });

  it('throws on a malformed update, so the connection is closed', () => {
    const relay = new AwarenessRelay(() => 0);
    expect(() => relay.apply(editor(), Uint8Array.of(1, 5, 1, 3, 123, 120, 125))).toThrow();
    expect(() => relay.apply(editor(), Uint8Array.of(4))).toThrow();
    expect(relay.size).toBe(0);
  });

  describe('limits, so one connection cannot fill a room with presence', () => {
    const state = '{"user":{"name":"x"}}';

    it(`keeps nothing of an update announcing more than ${MAX_CLIENTS_PER_CONNECTION} client ids`, () => {
      const relay = new AwarenessRelay(() => 0);
      const flood = forge(ids(10_000).map((id) => [id, 1, state] as const));
      expect(() => relay.apply(viewer(), flood)).toThrow(AwarenessLimitError);
      expect(relay.size).toBe(0);
      expect(relay.encodePresent()).toBeNull();
    });

    it('counts the ids a connection announced over its life, not per update', () => {
      const relay = new AwarenessRelay(() => 0);
      const owner = editor();
      for (const id of ids(MAX_CLIENTS_PER_CONNECTION)) relay.apply(owner, forge([[id, 1, state]]));
      relay.apply(owner, forge([[1, 2, 'null']]));
      expect(() => relay.apply(owner, forge([[99, 1, state]]))).toThrow(AwarenessLimitError);
      expect(relay.size).toBe(MAX_CLIENTS_PER_CONNECTION);
      // Its own ids it may still renew.
      expect(relay.apply(owner, forge([[2, 2, state]]))).not.toBeNull();
    });

    it(`keeps nothing of an update with a state over ${MAX_STATE_BYTES / 1024} KiB`, () => {
      const relay = new AwarenessRelay(() => 0);
      const big = JSON.stringify({ user: { name: 'x'.repeat(MAX_STATE_BYTES) } });
      expect(() =>
        relay.apply(
          editor(),
          forge([
            [1, 1, state],
            [2, 1, big],
          ]),
        ),
      ).toThrow(AwarenessLimitError);
      expect(relay.size).toBe(0);
    });

    it('neither keeps nor relays removals of ids nobody announced', () => {
      const relay = new AwarenessRelay(() => 0);
      expect(relay.apply(viewer(), forge(ids(10_000).map((id) => [id, 1, 'null'] as const)))).toBeNull();
      expect(relay.size).toBe(0);
    });

    it('relays one change per id however often an update repeats it', () => {
      const relay = new AwarenessRelay(() => 0);
      const other = observer();
      const changed = relay.apply(editor(), forge(ids(10_000).map((clock) => [7, clock, state] as const)));
      expect(changed?.length).toBeLessThan(40);
      other.apply(changed);
      expect(other.present()).toEqual({ 7: 'x' });
    });

    it("accepts a tablet's echo of everyone present, as y-websocket sends it on receiving them", () => {
      const relay = new AwarenessRelay(() => 0);
      const tablets = ids(MAX_CLIENTS_PER_CONNECTION * 3).map((id) => tablet(id, `t${id}`));
      for (const each of tablets) relay.apply(editor(), each.update());
      const newcomer = tablet(100, 'new');
      const sent: Uint8Array[] = [];
      // y-websocket's own handler: whatever changed, remote states included, goes back to the relay.
      newcomer.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
        const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
        sent.push(awarenessProtocol.encodeAwarenessUpdate(newcomer.awareness, changed));
      });
      const own = editor();
      relay.apply(own, newcomer.update());
      awarenessProtocol.applyAwarenessUpdate(
        newcomer.awareness,
        relay.encodePresent() ?? new Uint8Array(),
        'relay',
      );
      expect(sent.length).toBeGreaterThan(0);
      for (const update of sent) expect(() => relay.apply(own, update)).not.toThrow();
      expect([...own.awarenessClients]).toEqual([100]);
      for (const each of [...tablets, newcomer]) each.destroy();
    });
  });
});

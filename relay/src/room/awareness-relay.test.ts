import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type AwarenessOwner, AwarenessRelay } from './awareness-relay';

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

const editor = (): AwarenessOwner => ({ role: 'editor' });
const viewer = (): AwarenessOwner => ({ role: 'viewer' });

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
});

import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type AwarenessOwner, AwarenessRelay } from './awareness-relay';
import { presenceAnswers, RemotePresence } from './bus-presence';

/** A real y-protocols Awareness, as a tablet has one; `leave` encodes its removal. */
function tablet(client: number, name: string) {
  const doc = new Y.Doc();
  doc.clientID = client;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name });
  return {
    update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [client]),
    destroy: () => {
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** Who a tablet taking in these updates shows as present. */
function shown(...updates: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  for (const update of updates) awarenessProtocol.applyAwarenessUpdate(awareness, update, 'relay');
  const names = [...awareness.getStates().values()].map((state) => String(state.user?.name)).sort();
  awareness.destroy();
  doc.destroy();
  return names;
}

const connection = (id: number, role: 'editor' | 'viewer') => ({
  id,
  role,
  awarenessClients: new Set<number>(),
});

describe('presence across processes', () => {
  it('answers a presence query with one message per connection, holding only what that connection announced', () => {
    const relay = new AwarenessRelay(() => 0);
    const lan = tablet(11, 'Lan');
    const hoa = tablet(22, 'Hoa');
    const first = connection(1, 'editor');
    const second = connection(2, 'viewer');
    const idle = connection(3, 'editor');
    relay.apply(first, lan.update());
    relay.apply(second, hoa.update());
    const present = relay.encodePresent();
    if (present === null) throw new Error('nobody present');
    const answers = presenceAnswers(present, [first, second, idle]);
    expect(answers.map(({ owner, role, left }) => ({ owner, role, left }))).toEqual([
      { owner: 1, role: 'editor', left: false },
      { owner: 2, role: 'viewer', left: false },
    ]);
    expect(answers.map((answer) => shown(answer.update))).toEqual([['Lan'], ['Hoa']]);
    lan.destroy();
    hoa.destroy();
  });

  it('keeps ownership across processes: a local viewer cannot remove an editor’s presence from elsewhere', () => {
    const relay = new AwarenessRelay(() => 0);
    const remote = new RemotePresence();
    const lan = tablet(11, 'Lan');
    const taken = remote.apply(relay, 'process-a', {
      type: 'awareness',
      owner: 7,
      role: 'editor',
      update: lan.update(),
      left: false,
    });
    expect(shown(taken ?? new Uint8Array([0]))).toEqual(['Lan']);
    // A viewer here sends Lan's id with a newer clock and no state: refused, Lan stays.
    const viewer: AwarenessOwner = { role: 'viewer', awarenessClients: new Set() };
    const removal = new Uint8Array([1, 11, 99, 4, ...new TextEncoder().encode('null')]);
    expect(relay.apply(viewer, removal)).toBeNull();
    expect(shown(relay.encodePresent() ?? new Uint8Array([0]))).toEqual(['Lan']);
    lan.destroy();
  });
});

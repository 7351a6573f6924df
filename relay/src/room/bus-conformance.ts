/** The one conformance suite every RoomBus implementation must pass: two buses stand for two processes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClubControl, RoomBus, RoomMessage } from './bus';

export interface RoomBusFixture {
  /** Two buses that reach each other, as two relay processes' buses do. */
  open(): Promise<readonly [RoomBus, RoomBus]>;
  cleanup(): Promise<void>;
}

interface Received {
  readonly message: RoomMessage;
  readonly sender: string;
}

/** Polls until the condition holds; delivery may be asynchronous (Redis) or immediate (in process). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const update = (byte: number): RoomMessage => ({ type: 'update', frame: new Uint8Array([0, 2, 1, byte]) });

export function runRoomBusTests(name: string, fixture: RoomBusFixture): void {
  describe(`${name} conformance`, () => {
    let a: RoomBus;
    let b: RoomBus;
    beforeEach(async () => {
      [a, b] = await fixture.open();
    });
    afterEach(() => fixture.cleanup());

    const collect = async (bus: RoomBus, document: string) => {
      const received: Received[] = [];
      const unsubscribe = await bus.subscribe(document, (message, sender) =>
        received.push({ message, sender }),
      );
      return { received, unsubscribe };
    };

    it('delivers a message to the other process in publish order, tagged with its sender, never to itself', async () => {
      const there = await collect(b, 'club/doc');
      const here = await collect(a, 'club/doc');
      for (let i = 0; i < 50; i++) a.publish('club/doc', update(i));
      await until(() => there.received.length === 50, '50 messages');
      expect(
        there.received.map(({ message }) => (message.type === 'update' ? message.frame[3] : -1)),
      ).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(new Set(there.received.map(({ sender }) => sender))).toEqual(new Set([a.processId]));
      // Wait for a later message from b to a, so a's own echo would have arrived before it.
      b.publish('club/doc', update(99));
      await until(() => here.received.length > 0, 'a message from b');
      expect(here.received).toHaveLength(1);
      expect(here.received[0]?.sender).toBe(b.processId);
      expect(a.processId).not.toBe(b.processId);
    });

    it('carries updates, awareness and presence queries byte for byte', async () => {
      const there = await collect(b, 'club/meeting/1');
      const frame = new Uint8Array(70_000).map((_, i) => i % 251);
      const awareness: RoomMessage = {
        type: 'awareness',
        owner: 123_456,
        role: 'viewer',
        update: new Uint8Array([1, 200, 1, 3, 2, 123, 125]),
        left: true,
      };
      a.publish('club/meeting/1', { type: 'update', frame });
      a.publish('club/meeting/1', awareness);
      a.publish('club/meeting/1', { type: 'presenceQuery' });
      await until(() => there.received.length === 3, 'all three messages');
      expect(there.received[0]?.message).toEqual({ type: 'update', frame });
      expect(there.received[1]?.message).toEqual(awareness);
      expect(there.received[2]?.message).toEqual({ type: 'presenceQuery' });
    });

    it('delivers only to subscribers of that document, to each of them, until each unsubscribes', async () => {
      const first = await collect(b, 'club/doc');
      const second = await collect(b, 'club/doc');
      const other = await collect(b, 'club/health');
      a.publish('club/doc', update(1));
      await until(() => first.received.length === 1 && second.received.length === 1, 'both handlers');
      first.unsubscribe();
      a.publish('club/doc', update(2));
      await until(() => second.received.length === 2, 'the remaining handler');
      second.unsubscribe();
      a.publish('club/doc', update(3));
      a.publish('club/health', update(4));
      await until(() => other.received.length === 1, 'the other document');
      expect(first.received).toHaveLength(1);
      expect(second.received).toHaveLength(2);
    });

    it('subscribes again after unsubscribing the last handler', async () => {
      const gone = await collect(b, 'club/doc');
      gone.unsubscribe();
      const back = await collect(b, 'club/doc');
      a.publish('club/doc', update(7));
      await until(() => back.received.length === 1, 'the new handler');
      expect(gone.received).toHaveLength(0);
    });

    it('sends club control messages to every other process, not back to the sender', async () => {
      const there: ClubControl[] = [];
      const here: ClubControl[] = [];
      b.onControl((message) => there.push(message));
      a.onControl((message) => here.push(message));
      a.publishControl({ type: 'keysRotated', clubId: 'club-a' });
      b.publishControl({ type: 'keysRotated', clubId: 'club-b' });
      await until(() => there.length === 1 && here.length === 1, 'both control messages');
      expect(there).toEqual([{ type: 'keysRotated', clubId: 'club-a' }]);
      expect(here).toEqual([{ type: 'keysRotated', clubId: 'club-b' }]);
    });

    it("carries one tablet's revocation with its key hash", async () => {
      const there: ClubControl[] = [];
      b.onControl((message) => there.push(message));
      const revoked = { type: 'tabletRevoked', clubId: 'club-a', keyHash: 'ab'.repeat(32) } as const;
      a.publishControl(revoked);
      await until(() => there.length === 1, 'the revocation');
      expect(there).toEqual([revoked]);
    });

    it('carries retired documents with every name', async () => {
      const there: ClubControl[] = [];
      b.onControl((message) => there.push(message));
      const names = ['club-a/meeting/m1', 'club-a/meeting/m1_1_AbCdEfGhIjKlMnOpQrStUv'];
      a.publishControl({ type: 'docsRetired', clubId: 'club-a', names });
      await until(() => there.length === 1, 'the retirement');
      expect(there).toEqual([{ type: 'docsRetired', clubId: 'club-a', names }]);
    });

    it('shares a budget: what one process takes, the other cannot take again', async () => {
      const name = `test-${Math.random().toString(36).slice(2)}`;
      const here = a.budget(name, 0.5, 3, 0);
      const there = b.budget(name, 0.5, 3, 0);
      expect(await there.msUntilToken(0)).toBe(0);
      for (let i = 0; i < 3; i++) await here.take(0);
      const wait = await there.msUntilToken(0);
      // One token comes back every 2 s; a little of that may have passed on the bucket's own clock.
      expect(wait).toBeGreaterThan(1_500);
      expect(wait).toBeLessThanOrEqual(2_000);
    });

    it('says whether other processes share the documents', () => {
      expect(a.shared).toBe(true);
      expect(b.shared).toBe(true);
    });
  });
}

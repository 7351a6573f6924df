import type { MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { newClubId, newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testMeeting } from '../../../test/meeting';
import type { SyncStatus } from '../sync-status';
import { firstSync } from './first-sync';

const author = { id: 'device-2', name: 'Trần Văn Bình' };
const hasMinutes = (doc: Y.Doc) => model.readMinutes(doc).meetingId !== null;

/** Stands in for the RelaySync's status and its change events, which is all firstSync reads. */
function relayStatus(initial: SyncStatus['type']) {
  let type = initial;
  const listeners = new Set<() => void>();
  return {
    get status() {
      return { type } as SyncStatus;
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: SyncStatus['type']) {
      type = next;
      for (const listener of listeners) listener();
    },
  };
}

/** Minutes another tablet started, as the update the relay forwards. */
function startedElsewhere(): Uint8Array {
  const source = model.createMinutesDoc();
  const chair = newMemberId() as MemberId;
  const meeting = testMeeting(chair, chair, { [chair]: 'present' });
  const started = model.createMinutes(
    source,
    model.minutesInputFromMeeting(newClubId(), meeting),
    model.localOrigin(author),
  );
  if (!started.ok) throw new Error('minutes not started');
  return Y.encodeStateAsUpdate(source);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function track(promise: Promise<void>) {
  const state = { done: false };
  void promise.then(() => {
    state.done = true;
  });
  return state;
}

describe('firstSync', () => {
  it('keeps waiting while the answer keeps arriving, past the idle time, and ends when the header is in', async () => {
    const doc = model.createMinutesDoc();
    const relay = relayStatus('syncing');
    const waiting = track(firstSync(doc, relay, hasMinutes, 300, 5_000));
    // Unrelated content trickles in more often than the idle time, for longer than it.
    const filler = new Y.Doc();
    for (let i = 0; i < 12; i++) {
      filler.getMap('other').set(`k${i}`, i);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(filler));
      await settle(40);
      expect(waiting.done).toBe(false);
    }
    Y.applyUpdate(doc, startedElsewhere());
    await settle(0);
    expect(waiting.done).toBe(true);
    expect(model.readMinutes(doc).meetingId).not.toBeNull();
  });

  it('ends once the relay reports this tablet holds everything it holds, without a header', async () => {
    const doc = model.createMinutesDoc();
    const relay = relayStatus('connecting');
    const waiting = track(firstSync(doc, relay, hasMinutes, 1_000, 5_000));
    relay.set('syncing');
    await settle(10);
    expect(waiting.done).toBe(false);
    relay.set('synced');
    await settle(0);
    expect(waiting.done).toBe(true);
  });

  it('ends at once when sync cannot happen now', async () => {
    for (const type of ['unreachable', 'denied', 'revoked', 'offline'] as const) {
      const relay = relayStatus('connecting');
      const waiting = track(firstSync(model.createMinutesDoc(), relay, hasMinutes, 1_000, 5_000));
      relay.set(type);
      await settle(0);
      expect(waiting.done).toBe(true);
    }
  });

  it('ends after the idle time when nothing moves, and at the cap when something always does', async () => {
    const quiet = track(firstSync(model.createMinutesDoc(), relayStatus('syncing'), hasMinutes, 30, 5_000));
    await settle(80);
    expect(quiet.done).toBe(true);

    const relay = relayStatus('syncing');
    const busy = track(firstSync(model.createMinutesDoc(), relay, hasMinutes, 300, 600));
    const chatter = setInterval(() => relay.set('syncing'), 20);
    await settle(350);
    expect(busy.done).toBe(false);
    await settle(350);
    clearInterval(chatter);
    expect(busy.done).toBe(true);
  });
});

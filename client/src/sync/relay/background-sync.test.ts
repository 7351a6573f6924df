// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { listUnsent, markUnsent, type UnsentDoc } from '../../device/unsent-docs';
import type { SyncStatus } from '../sync-status';
import { BackgroundSync, type DocSync } from './background-sync';

const doc = (n: number): UnsentDoc => ({
  documentName: `club-1/meeting/m${n}`,
  storageName: `chungtay-minutes-club-1-m${n}`,
  keepHistory: true,
});

/** Connections the test drives: each starts connecting, the test sets what the relay reports. */
function fakeRelay() {
  const opened: Array<{ name: string; closed: boolean; set(status: SyncStatus): void }> = [];
  const open = async (unsent: UnsentDoc): Promise<DocSync> => {
    let status: SyncStatus = { type: 'connecting' };
    const listeners = new Set<() => void>();
    const entry = {
      name: unsent.documentName,
      closed: false,
      set(next: SyncStatus) {
        status = next;
        for (const listener of [...listeners]) listener();
      },
    };
    opened.push(entry);
    return {
      get status() {
        return status;
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        entry.closed = true;
        listeners.clear();
      },
    };
  };
  return { opened, open, live: () => opened.filter((each) => !each.closed).map((each) => each.name) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const syncs: BackgroundSync[] = [];
afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.close();
  localStorage.clear();
});

describe('BackgroundSync', () => {
  it('sends unsent docs a few at a time, crossing each off once the relay holds it', async () => {
    for (const n of [1, 2, 3]) markUnsent('club-1', doc(n));
    const relay = fakeRelay();
    const background = new BackgroundSync('club-1', relay.open, () => false, 2);
    syncs.push(background);
    background.run();
    await settle();
    expect(relay.live()).toEqual(['club-1/meeting/m1', 'club-1/meeting/m2']);
    expect(background.pending).toBe(3);
    relay.opened[0]?.set({ type: 'syncing' });
    relay.opened[0]?.set({ type: 'synced', at: new Date() });
    await settle();
    expect(listUnsent('club-1').map((each) => each.documentName)).toEqual([
      'club-1/meeting/m2',
      'club-1/meeting/m3',
    ]);
    expect(relay.live()).toEqual(['club-1/meeting/m2', 'club-1/meeting/m3']);
    expect(background.pending).toBe(2);
  });

  it('leaves a doc whose screen is open to that screen, and picks up docs listed later', async () => {
    markUnsent('club-1', doc(1));
    const relay = fakeRelay();
    const open = new Set(['club-1/meeting/m1']);
    const background = new BackgroundSync('club-1', relay.open, (name) => open.has(name));
    syncs.push(background);
    background.run();
    await settle();
    expect(relay.live()).toEqual([]);
    markUnsent('club-1', doc(2)); // the change itself starts it
    await settle();
    expect(relay.live()).toEqual(['club-1/meeting/m2']);
    open.clear();
    background.run(); // what the club session does when a screen closes
    await settle();
    expect(relay.live()).toEqual(['club-1/meeting/m2', 'club-1/meeting/m1']);
  });

  it('does not retry a doc the relay refused until a restart, and does not count it as pending', async () => {
    markUnsent('club-1', doc(1));
    const relay = fakeRelay();
    const background = new BackgroundSync('club-1', relay.open, () => false);
    syncs.push(background);
    background.run();
    await settle();
    relay.opened[0]?.set({ type: 'denied', reason: 'privateDocument' } as SyncStatus);
    await settle();
    background.run();
    await settle();
    expect(relay.opened).toHaveLength(1);
    expect(relay.live()).toEqual([]);
    expect(background.pending).toBe(0);
    expect(listUnsent('club-1')).toHaveLength(1);
    await background.restart();
    await settle();
    expect(relay.live()).toEqual(['club-1/meeting/m1']);
  });

  it('closes a connection that finished opening after the sync was closed or restarted', async () => {
    markUnsent('club-1', doc(1));
    const relay = fakeRelay();
    let finishOpening: () => void = () => undefined;
    const slowOpen = (unsent: UnsentDoc) =>
      new Promise<void>((resolve) => {
        finishOpening = resolve;
      }).then(() => relay.open(unsent));
    const background = new BackgroundSync('club-1', slowOpen, () => false);
    background.run();
    await background.close();
    finishOpening();
    await settle();
    expect(relay.opened).toHaveLength(1);
    expect(relay.live()).toEqual([]);
  });
});

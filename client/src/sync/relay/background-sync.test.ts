// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('BackgroundSync with docs that cannot be opened or sent', () => {
  const limits = { openMs: 20, workMs: 60_000 };

  it('gives the slot of a doc that fails to open to the next doc, and retries it after a restart', async () => {
    for (const n of [1, 2, 3]) markUnsent('club-1', doc(n));
    const relay = fakeRelay();
    const damaged = new Set(['club-1/meeting/m1', 'club-1/meeting/m2']);
    const open = async (unsent: UnsentDoc) => {
      if (damaged.has(unsent.documentName)) throw new Error('IndexedDB timed out');
      return relay.open(unsent);
    };
    const background = new BackgroundSync('club-1', open, () => false, 2, localStorage, limits);
    syncs.push(background);
    background.run();
    await vi.waitFor(() => expect(relay.live()).toEqual(['club-1/meeting/m3']));
    expect(background.pending).toBe(3); // the failed ones are still unsent
    damaged.clear();
    await background.restart();
    // A restart reconnects from the top of the list, so the once-failed docs go first now.
    await vi.waitFor(() => expect(relay.live()).toEqual(['club-1/meeting/m1', 'club-1/meeting/m2']));
  });

  it('gives up on an open that never settles, and closes it if it settles later', async () => {
    for (const n of [1, 2, 3]) markUnsent('club-1', doc(n));
    const relay = fakeRelay();
    const hanging: Array<() => void> = [];
    const open = (unsent: UnsentDoc) =>
      unsent.documentName === 'club-1/meeting/m3'
        ? relay.open(unsent)
        : new Promise<void>((resolve) => hanging.push(resolve)).then(() => relay.open(unsent));
    const background = new BackgroundSync('club-1', open, () => false, 2, localStorage, limits);
    syncs.push(background);
    background.run();
    await vi.waitFor(() => expect(relay.live()).toEqual(['club-1/meeting/m3']));
    for (const resolve of hanging) resolve();
    await vi.waitFor(() => expect(relay.opened).toHaveLength(3));
    await settle();
    expect(relay.live()).toEqual(['club-1/meeting/m3']);
  });

  it('closes a doc the relay never confirms within its limit, and opens the next', async () => {
    for (const n of [1, 2]) markUnsent('club-1', doc(n));
    const relay = fakeRelay();
    const background = new BackgroundSync('club-1', relay.open, () => false, 1, localStorage, {
      openMs: 60_000,
      workMs: 20,
    });
    syncs.push(background);
    background.run();
    await vi.waitFor(() => expect(relay.opened.map((each) => each.name)).toContain('club-1/meeting/m2'));
    expect(relay.opened[0]?.closed).toBe(true);
    expect(listUnsent('club-1')).toHaveLength(2);
  });
});

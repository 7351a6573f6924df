import type { ClubSummary } from '@chungtay/model';
import { createClub, localOrigin, readClub } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSummaryKeeper } from './summary-keeper';

/** Timers and idle callbacks the test runs by hand, so nothing depends on elapsed time. */
function manualScheduler() {
  const timers = new Map<number, () => void>();
  const idle: (() => void)[] = [];
  let next = 1;
  return {
    setTimer: (work: () => void) => {
      timers.set(next, work);
      return next++;
    },
    clearTimer: (handle: unknown) => timers.delete(handle as number),
    whenIdle: (work: () => void) => {
      idle.push(work);
      return () => idle.splice(idle.indexOf(work), 1);
    },
    fireTimers: () => {
      for (const [id, work] of [...timers]) {
        timers.delete(id);
        work();
      }
    },
    runIdle: () => {
      for (const work of idle.splice(0)) work();
    },
    pending: () => timers.size + idle.length,
  };
}

function club() {
  const doc = new Y.Doc();
  createClub(
    doc,
    { name: 'CLB thôn Đông', kind: 'selfHelp' },
    localOrigin({ id: 'a', name: 'Lan' }),
    '2026-03-20',
  );
  return readClub(doc);
}

describe('createSummaryKeeper', () => {
  it('recomputes once after a burst of changes, and only in idle time', () => {
    const scheduler = manualScheduler();
    const written: ClubSummary[] = [];
    const view = club();
    const keeper = createSummaryKeeper({
      books: () => ({ club: view, health: null, money: null }),
      write: (summary) => written.push(summary),
      now: () => '2026-03-20T08:00:00.000Z',
      ...scheduler,
    });
    for (let i = 0; i < 20; i++) keeper.changed();
    expect(written).toEqual([]);
    scheduler.fireTimers();
    expect(written).toEqual([]);
    scheduler.runIdle();
    expect(written).toHaveLength(1);
    expect(written[0]?.club.name).toBe('CLB thôn Đông');
  });

  it('writes nothing while the books cannot be read, and nothing after it stops', () => {
    const scheduler = manualScheduler();
    const written: ClubSummary[] = [];
    let books: ReturnType<typeof club> | null = null;
    const keeper = createSummaryKeeper({
      books: () => (books === null ? null : { club: books, health: null, money: null }),
      write: (summary) => written.push(summary),
      now: () => '2026-03-20T08:00:00.000Z',
      ...scheduler,
    });
    keeper.changed();
    scheduler.fireTimers();
    scheduler.runIdle();
    expect(written).toEqual([]);
    books = club();
    keeper.changed();
    keeper.stop();
    expect(scheduler.pending()).toBe(0);
    scheduler.fireTimers();
    scheduler.runIdle();
    expect(written).toEqual([]);
  });

  it('closes the private books it opened, and writes nothing when stopped while they open', async () => {
    const scheduler = manualScheduler();
    const written: ClubSummary[] = [];
    let closed = 0;
    let release: () => void = () => undefined;
    const keeper = createSummaryKeeper({
      books: () => ({ club: club(), health: null, money: null }),
      openBooks: () =>
        new Promise((resolve) => {
          release = () => resolve({ health: null, money: null, close: async () => void closed++ });
        }),
      write: (summary) => written.push(summary),
      now: () => '2026-03-20T08:00:00.000Z',
      ...scheduler,
    });
    keeper.changed();
    scheduler.fireTimers();
    scheduler.runIdle();
    await Promise.resolve();
    const stopping = keeper.stop();
    release();
    await stopping;
    expect(written).toEqual([]);
    expect(closed).toBe(1);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { deleteDatabase, openDatabase } from './tablet-idb';
import { scrubDeletedBytes } from './tablet-scrub';

const names = async () => (await indexedDB.databases()).map((d) => d.name);

describe('scrubDeletedBytes', () => {
  it('runs two scrubs asked for at once one after the other: the second waits for the first, no filler is left', async () => {
    (await openDatabase('old-copy-a')).close();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Small fillers: the point is the shared filler database, not LevelDB (the e2e erasure spec measures that).
    const first = scrubDeletedBytes(async () => {
      order.push('first');
      await held;
      await deleteDatabase('old-copy-a');
      order.push('first done');
    }, 1);
    const second = scrubDeletedBytes(async () => {
      order.push('second');
    }, 1);
    await vi.waitFor(() => expect(order).toContain('first'));
    // Room for the second to fill and start if it were not queued (it fills 1 MB in a few milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual(['first']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'first done', 'second']);
    expect(await names()).not.toContain('old-copy-a');
    expect(await names()).not.toContain('chungtay-scrub');
  });

  it('a scrub that fails does not stop the next one', async () => {
    (await openDatabase('old-copy-c')).close();
    const failed = scrubDeletedBytes(async () => {
      throw new Error('disk full');
    }, 1);
    const next = scrubDeletedBytes(() => deleteDatabase('old-copy-c'), 1);
    await expect(failed).rejects.toThrow('disk full');
    await next;
    expect(await names()).not.toContain('old-copy-c');
  });
});

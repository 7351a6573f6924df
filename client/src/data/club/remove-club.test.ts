import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findKnownClub, rememberClub, saveClubAccess } from '../../device/device';
import { listHeldDocs, listUnsent, markUnsent, rememberHeldDoc } from '../../device/unsent-docs';
import { openStoredDoc } from '../../sync/tablet-store';
import { isClubDatabase, lostIfRemoved, removeClubFromTablet } from './remove-club';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const CLUB = 'Xq3-9aLw_Zk2Pt7Rb';
const OTHER = 'Mn4-7cVb_Yh8Kd2Ls';

async function store(name: string, text: string) {
  const { doc, tablet } = await openStoredDoc(name, false);
  doc.getText('t').insert(0, text);
  await tablet.whenSettled();
  await tablet.destroy();
  doc.destroy();
}

describe('removing a club from this tablet', () => {
  it('deletes every database of the club, its keys and its records, and nothing of another club', async () => {
    const storage = new MemoryStorage();
    for (const id of [CLUB, OTHER]) {
      rememberClub({ id, name: `CLB ${id}`, kind: 'selfHelp', memberCount: 3 }, storage);
      saveClubAccess(id, { role: 'editor', key: `key-${id}`, shared: true }, storage);
    }
    const mine = [`chungtay-club-${CLUB}`, `chungtay-health-${CLUB}`, `chungtay-minutes-${CLUB}-meeting-1`];
    const theirs = [`chungtay-club-${OTHER}`, `chungtay-health-${OTHER}`];
    for (const name of [...mine, ...theirs]) await store(name, 'Phạm Thị Xuyến');
    const minutes = {
      documentName: `${CLUB}/meeting/meeting-1`,
      storageName: mine[2] ?? '',
      keepHistory: true,
    };
    rememberHeldDoc(CLUB, minutes, storage);
    markUnsent(CLUB, minutes, storage);
    expect(lostIfRemoved(CLUB, storage)).toEqual([minutes]);

    const removed = await removeClubFromTablet(CLUB, storage);

    expect([...removed].sort()).toEqual([...mine].sort());
    const left = (await indexedDB.databases()).map((d) => d.name);
    for (const name of mine) expect(left).not.toContain(name);
    for (const name of theirs) expect(left).toContain(name);
    expect(findKnownClub(CLUB, storage)).toBeUndefined();
    expect(findKnownClub(OTHER, storage)?.access?.key).toBe(`key-${OTHER}`);
    expect(listUnsent(CLUB, storage)).toEqual([]);
    expect(listHeldDocs(CLUB, storage)).toEqual([]);
  });

  it('names the club doc among what is lost when the club was never shared', () => {
    const storage = new MemoryStorage();
    rememberClub({ id: CLUB, name: 'CLB', kind: 'selfHelp', memberCount: 1 }, storage);
    expect(lostIfRemoved(CLUB, storage).map((d) => d.documentName)).toEqual([CLUB]);
  });

  it('tells the club’s databases from another club’s whose id merely contains it', () => {
    expect(isClubDatabase(`chungtay-care-${CLUB}`, CLUB)).toBe(true);
    expect(isClubDatabase(`chungtay-report-${CLUB}-r1`, CLUB)).toBe(true);
    expect(isClubDatabase(`chungtay-care-${CLUB}x`, CLUB)).toBe(false);
    expect(isClubDatabase(`other-${CLUB}`, CLUB)).toBe(false);
  });
});

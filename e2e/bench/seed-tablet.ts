import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';

/** A tablet's access to a club as device data (client/src/device/device.ts). */
export interface Access {
  role: 'editor';
  key: string;
  viewerKey: string;
  shared: true;
}

/** Debian's Chromium with the flags this machine's closed network needs (see ../shared/toolchain.md). */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Device entries and IndexedDB databases (y-indexeddb layout), written before the app runs. */
export async function seedTablet(
  page: Page,
  base: string,
  user: { id: string; name: string },
  clubs: { id: string; access?: Access }[],
  databases: { name: string; update: Uint8Array }[],
): Promise<void> {
  await page.goto(`${base}/`);
  await page.evaluate(
    async ({ user, clubs, databases }) => {
      localStorage.setItem('chungtay.user', JSON.stringify(user));
      localStorage.setItem(
        'chungtay.clubs',
        JSON.stringify(
          clubs.map((c) => ({ ...c, name: 'Bench', kind: 'selfHelp', memberCount: 70, openedAt: 1 })),
        ),
      );
      for (const { name, bytes } of databases) {
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('updates', { autoIncrement: true });
            open.result.createObjectStore('custom');
          };
          open.onsuccess = () => {
            const tx = open.result.transaction('updates', 'readwrite');
            tx.objectStore('updates').add(new Uint8Array(bytes));
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        });
      }
    },
    {
      user,
      clubs,
      databases: databases.map((d) => ({ name: d.name, bytes: Array.from(d.update) })),
    },
  );
}

/** One IndexedDB database in y-indexeddb's layout: its `updates` rows, in order. */
export interface StoredDoc {
  name: string;
  records: Uint8Array[];
}

/**
 * Like seedTablet, for the persistent profile: adds the clubs to those the origin already knows, writes each
 * database's rows (replacing what it held), and sends the bytes as base64, which a club of 700 members or
 * 4,000 records needs to arrive in reasonable time. The page is left on `${origin}/seed` (a blank 404).
 */
export async function seedOrigin(
  page: Page,
  origin: string,
  user: { id: string; name: string },
  clubs: { id: string; memberCount: number }[],
  databases: StoredDoc[],
): Promise<void> {
  // A path the app does not serve, past the service worker (whose navigation fallback would start the app):
  // the seeding writes storage without the app running and compacting it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await page.goto(`${origin}/bench-seed.txt`);
  const payload = {
    user,
    clubs,
    databases: databases.map((d) => ({
      name: d.name,
      records: d.records.map((r) => Buffer.from(r).toString('base64')),
    })),
  };
  await page.evaluate(async ({ user, clubs, databases }) => {
    localStorage.setItem('chungtay.user', JSON.stringify(user));
    const known = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]') as { id: string }[];
    const added = clubs.map((c) => ({ ...c, name: 'Bench', kind: 'selfHelp', openedAt: 1 }));
    localStorage.setItem(
      'chungtay.clubs',
      JSON.stringify([...known.filter((k) => !clubs.some((c) => c.id === k.id)), ...added]),
    );
    const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    for (const { name, records } of databases) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true });
          open.result.createObjectStore('custom');
        };
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          const store = tx.objectStore('updates');
          store.clear();
          for (const record of records) store.add(bytes(record));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    }
  }, payload);
  await cdp.detach();
}

/** Rows in a database's `updates` store, read in a page of its origin. */
export function countRecords(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const req = open.result.transaction('updates').objectStore('updates').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    name,
  );
}

import { type Browser, chromium, type Page } from '@playwright/test';

/** A tablet's access to a club as device data (client/src/data/device.ts). */
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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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

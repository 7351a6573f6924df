// pnpm bench: how fast the roster opens from IndexedDB, how much JavaScript it
// needs, and whether IndexedDB grows across reloads. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { buildFiveYearClub } from './history';
import { launchBenchBrowser, median, seedTablet } from './seed-tablet';

const base = process.env.BENCH_URL ?? 'http://127.0.0.1:4174';
const dist = join(import.meta.dirname, '../../client/dist');
const RUNS = 7;
const MARKS = process.env.BENCH_MARKS === '1';
const RELOADS = 50;

function seed(page: Page, clubId: string, update: Uint8Array): Promise<void> {
  return seedTablet(
    page,
    base,
    { id: 'bench', name: 'Thư ký' },
    [{ id: clubId }],
    [{ name: `chungtay-club-${clubId}`, update }],
  );
}

/** ms from navigation start until the first roster row is in the DOM. */
async function firstRoster(page: Page, clubId: string): Promise<number> {
  await page.goto(`${base}/club/${clubId}`);
  await page.waitForSelector('.member-name');
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const m = Object.fromEntries(
      performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)]),
    );
    return {
      ...m,
      domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? 0),
      roster: Math.round((window as unknown as { __firstRoster: number }).__firstRoster),
    };
  });
  if (MARKS) console.log(JSON.stringify(marks));
  return marks.roster;
}

async function storedBytes(page: Page, clubId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const req = open.result.transaction('updates').objectStore('updates').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as Uint8Array[]).reduce((n, u) => n + u.byteLength, 0));
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    `chungtay-club-${clubId}`,
  );
}

async function newPage(browser: Browser, throttle: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 1280 },
    serviceWorkers: 'block',
  });
  // tsx keeps function names with a `__name` helper, which functions sent to the page also call.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.member-name')) {
        (window as unknown as { __firstRoster: number }).__firstRoster = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  return page;
}

const { clubId, update, transactions } = buildFiveYearClub();
const browser = await launchBenchBrowser();
const results: Record<string, string> = {};
for (const throttle of [1, 4]) {
  const page = await newPage(browser, throttle);
  await seed(page, clubId, update);
  await firstRoster(page, clubId); // warm the HTTP cache, as an installed PWA has it
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstRoster(page, clubId));
  results[`first roster, CPU ×${throttle} (median of ${RUNS})`] =
    `${median(times).toFixed(0)} ms (target ${throttle === 1 ? 300 : 1000} ms, ratio ${(median(times) / (throttle === 1 ? 300 : 1000)).toFixed(2)})`;
  if (throttle === 1) {
    const jsUrls = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') jsUrls.add(new URL(r.url()).pathname);
    });
    await firstRoster(page, clubId);
    const gz = [...jsUrls].reduce((n, p) => n + gzipSync(readFileSync(join(dist, p))).byteLength, 0);
    results['initial JavaScript for the roster (gzip)'] =
      `${(gz / 1024).toFixed(1)} KB in ${jsUrls.size} files (target 100 KB, ratio ${(gz / 1024 / 100).toFixed(2)})`;
    results['club doc size'] = `${update.byteLength} bytes (${transactions} transactions of history)`;
    const before = await storedBytes(page, clubId);
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      await page.waitForSelector('.member-name');
      await page.waitForSelector('[data-save-state="saved"]');
    }
    const after = await storedBytes(page, clubId);
    results[`IndexedDB bytes, before → after ${RELOADS} reloads`] =
      `${before} → ${after} (growth ${after - before} bytes)`;
  }
  await page.context().close();
}
await browser.close();
console.log(
  `\nChung Tay client benchmark (${new Date().toISOString()}, ${process.platform} ${process.arch})`,
);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(48)} ${v}`);

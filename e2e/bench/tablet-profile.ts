import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';

/**
 * One Chromium profile kept for the whole benchmark, opened the way a tablet opens the installed app: every
 * measured opening is a new tab after every tab of the profile was closed for long enough that Chromium has
 * closed the origin's IndexedDB (it keeps an origin's backing store open about 2 s after its last
 * connection), with the HTTP cache, the code cache and the service worker of earlier visits.
 */

/** Longer than Chromium's ~2 s grace before it closes an origin's IndexedDB backing store. */
const BACKING_STORE_CLOSED_MS = 2_600;

/** How many roster rows make the screen a user came for (the club of the benchmark has 70 members). */
export const ROWS = 70;

/**
 * Installed before any script of the page: notes when the ROWS-th roster row is in the DOM, then when the
 * next animation frame starts (the frame that paints it), both on the page's clock (0 = navigation start),
 * and reports to the benchmark through a binding, so Node never polls the page while it loads. Plain text,
 * not a function: tsx would rewrite a function's body with its own helpers.
 */
const PAINT_WATCH = `(() => {
  const rows = ${ROWS};
  const report = (result) => { if (typeof window.__benchPainted === 'function') window.__benchPainted(result); };
  const check = (observer) => {
    if (document.querySelectorAll('.member-list .member-name').length < rows) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const painted = performance.now();
      const scripts = performance.getEntriesByType('resource')
        .filter((e) => e.startTime < painted && /\\.m?js(\\?|$)/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname);
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      const nav = performance.getEntriesByType('navigation')[0];
      if (nav) Object.assign(marks, { workerStart: nav.workerStart, fetchStart: nav.fetchStart, responseEnd: nav.responseEnd });
      window.__benchResult = { inDom, painted, scripts, marks };
      report(window.__benchResult);
    });
  };
  const observer = new MutationObserver(() => check(observer));
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface Painted {
  /** ms from navigation start until the ROWS-th row is in the DOM. */
  inDom: number;
  /** ms from navigation start until the animation frame after it. */
  painted: number;
  /** Paths of the scripts the page had fetched by then (resource timing). */
  scripts: string[];
  /** The page's performance marks (e.g. chungtay:open), for who wants to see where the time goes. */
  marks: Record<string, number>;
}

/** Runs on the blank tab with its CDP session, before the navigation. */
export type Prepare = (page: Page, cdp: CDPSession) => Promise<void>;

export class TabletProfile {
  private lastClosed = 0;
  private readonly waiting = new Map<Page, (result: Painted) => void>();

  private constructor(
    readonly dir: string,
    readonly context: BrowserContext,
  ) {}

  static async launch(): Promise<TabletProfile> {
    const dir = await mkdtemp(join(tmpdir(), 'chungtay-bench-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 800, height: 1280 },
      locale: 'vi-VN',
      serviceWorkers: 'allow',
      args: CHROMIUM_FLAGS,
    });
    const profile = new TabletProfile(dir, context);
    // tsx keeps function names with a `__name` helper, which functions sent to the page also call.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    await context.exposeBinding('__benchPainted', ({ page }, result: Painted) => {
      profile.waiting.get(page)?.(result);
      profile.waiting.delete(page);
    });
    await context.addInitScript({ content: PAINT_WATCH });
    return profile;
  }

  /** Closes every tab; the next `open` waits until IndexedDB has been closed behind them. */
  async closeAll(): Promise<void> {
    const pages = this.context.pages();
    if (pages.length === 0) return;
    for (const page of pages) await page.close();
    this.lastClosed = Date.now();
  }

  /** Waits until Chromium has closed the origins' IndexedDB after the last tab went. */
  async untilStorageClosed(): Promise<void> {
    const left = this.lastClosed + BACKING_STORE_CLOSED_MS - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }

  /**
   * A new tab (the others closed, IndexedDB closed), throttled if asked, navigated to `url` and timed until
   * the roster's ROWS-th row is painted. `prepare` runs on the blank tab with its CDP session, before the
   * navigation (to enable the Network domain, say).
   */
  async open(
    url: string,
    options: {
      throttle?: number;
      coldWorker?: boolean;
      prepare?: Prepare;
      timeoutMs?: number;
    } = {},
  ): Promise<{ page: Page; cdp: CDPSession; result: Painted }> {
    await this.closeAll();
    await this.untilStorageClosed();
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    if (options.coldWorker) {
      // A tablet opening the app after a while finds its service worker stopped (Chromium stops an idle
      // one after ~30 s), not still running from the last tab as it would be 2.5 s later.
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.send('ServiceWorker.disable');
    }
    if ((options.throttle ?? 1) > 1) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle ?? 1 });
    }
    await options.prepare?.(page, cdp);
    const painted = this.whenPainted(page, url, options.timeoutMs);
    await page.goto(url, { waitUntil: 'commit' });
    const result = await painted;
    return { page, cdp, result };
  }

  /** Reloads the tab (the same tab: its origin's IndexedDB stays open) and times it like `open`. */
  async reload(page: Page): Promise<Painted> {
    const painted = this.whenPainted(page, page.url());
    await page.reload({ waitUntil: 'commit' });
    return painted;
  }

  private whenPainted(page: Page, url: string, timeoutMs = 60_000): Promise<Painted> {
    let timer: NodeJS.Timeout | undefined;
    return new Promise<Painted>((resolve, reject) => {
      this.waiting.set(page, resolve);
      timer = setTimeout(() => reject(new Error(`${url}: ${ROWS} rows not painted in time`)), timeoutMs);
    }).finally(() => clearTimeout(timer));
  }

  /** Bytes of the origin's IndexedDB files (LevelDB and blob folders), as on the tablet's disk. */
  async indexedDbBytes(origin: string): Promise<number> {
    const { hostname, port, protocol } = new URL(origin);
    const prefix = `${protocol.replace(':', '')}_${hostname}_${port || 0}.indexeddb.`;
    const root = join(this.dir, 'Default', 'IndexedDB');
    let total = 0;
    for (const name of await readdir(root)) {
      if (name.startsWith(prefix)) total += await folderBytes(join(root, name));
    }
    return total;
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function folderBytes(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await folderBytes(join(path, name));
  return total;
}

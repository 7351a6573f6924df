// pnpm bench, minutes part: keystroke-to-remote-render latency between two tablets through the relay,
// opening minutes with 3,000 words and 2,000 edits of history, and opening a club with 60 meetings
// against the same club with 6. Needs the relay serving client/dist (BENCH_URL). Prints figures; asserts
// nothing.
import { randomBytes } from 'node:crypto';
import type { ClubId, Meeting } from '@chungtay/model';
import * as model from '@chungtay/model';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { buildFiveYearClub } from './history';
import { type Access, launchBenchBrowser, median, seedTablet } from './seed-tablet';

/** Typing rhythm: the benchmark types like a person, it does not wait for a condition here. */
function pace(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const base = process.env.BENCH_URL ?? 'http://127.0.0.1:4471';
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 100);
const OPEN_RUNS = 5;
const ROSTER_RUNS = 7;
const MARKER = 'HẾTBIÊNBẢN';

type Win = Record<string, unknown>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const must = <T>(r: model.Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

function clubMeetings(update: Uint8Array): readonly Meeting[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return model.readClub(doc).meetings;
}

// ---- minutes docs built in Node --------------------------------------------------------------------

const WORDS =
  'hội viên báo cáo quỹ tăng thu nhập tháng này đã thu đủ các tổ thăm hỏi người ốm giúp nhau sửa nhà chăm sóc sức khỏe ban chủ nhiệm đề nghị thống nhất kế hoạch tháng sau'.split(
    ' ',
  );
const word = (i: number) => WORDS[(i * 7 + (i >> 3)) % WORDS.length] ?? 'và';

const ITEMS = 5;
const PARAGRAPHS = 10; // per item
const PARAGRAPH_WORDS = 60; // 5 × 10 × 60 = 3,000 words

function paragraphWords(item: number, paragraph: number): string[] {
  const words = Array.from({ length: PARAGRAPH_WORDS }, (_, k) => word(item * 1000 + paragraph * 61 + k));
  if (item === ITEMS - 1 && paragraph === PARAGRAPHS - 1) words[PARAGRAPH_WORDS - 1] = MARKER;
  return words;
}

function startMinutes(doc: Y.Doc, clubId: string, meeting: Meeting, origin: model.LocalOrigin) {
  must(model.createMinutes(doc, model.minutesInputFromMeeting(clubId as ClubId, meeting), origin));
  return Array.from({ length: ITEMS }, (_, i) =>
    must(model.addAgendaItem(doc, { title: `Mục ${i + 1}: báo cáo và thảo luận` }, origin)),
  );
}

/**
 * The minutes of a meeting written the way a secretary types them: a few words per transaction, a typo
 * typed and deleted now and then, and one sentence per item deleted and written again.
 */
function buildMinutesWithHistory(clubId: string, meeting: Meeting) {
  const doc = model.createMinutesDoc();
  const origin = model.localOrigin({ id: 'bench', name: 'Thư ký' });
  let transactions = 0;
  doc.on('afterTransaction', () => {
    transactions += 1;
  });
  const items = startMinutes(doc, clubId, meeting, origin);
  let chunk = 0;
  for (const [i, itemId] of items.entries()) {
    const body = model.getAgendaBody(doc, itemId);
    if (!body) throw new Error('no body');
    for (let p = 0; p < PARAGRAPHS; p++) {
      const text = new Y.XmlText();
      doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        body.insert(body.length, [paragraph]);
      }, origin);
      const words = paragraphWords(i, p);
      for (let k = 0; k < words.length; k += 2) {
        const piece = `${k === 0 ? '' : ' '}${words.slice(k, k + 2).join(' ')}`;
        doc.transact(() => text.insert(text.length, piece), origin);
        chunk += 1;
        if (chunk % 3 === 0) {
          // A typo, then its deletion.
          doc.transact(() => text.insert(text.length, ' nhầmm'), origin);
          doc.transact(() => text.delete(text.length - 6, 6), origin);
        }
      }
      if (p === 3) {
        // Rewrite: the first twelve words deleted, then typed again word by word.
        const head = words.slice(0, 12).join(' ');
        doc.transact(() => text.delete(0, head.length), origin);
        for (let k = 11; k >= 0; k--) {
          doc.transact(() => text.insert(0, `${words[k]}${k === 11 ? '' : ' '}`), origin);
        }
      }
    }
  }
  return { update: Y.encodeStateAsUpdate(doc), transactions, words: countWords(doc, items) };
}

/** The same final content, the bodies written in one transaction. */
function buildMinutesAtOnce(clubId: string, meeting: Meeting) {
  const doc = model.createMinutesDoc();
  const origin = model.localOrigin({ id: 'bench', name: 'Thư ký' });
  const items = startMinutes(doc, clubId, meeting, origin);
  doc.transact(() => {
    for (const [i, itemId] of items.entries()) {
      const body = model.getAgendaBody(doc, itemId);
      if (!body) throw new Error('no body');
      body.insert(
        0,
        Array.from({ length: PARAGRAPHS }, (_, p) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(paragraphWords(i, p).join(' '))]);
          return paragraph;
        }),
      );
    }
  }, origin);
  return { update: Y.encodeStateAsUpdate(doc), words: countWords(doc, items) };
}

function countWords(doc: Y.Doc, items: readonly model.AgendaItemId[]): number {
  return items.reduce((n, id) => {
    const body = model.getAgendaBody(doc, id);
    return n + (body ? model.xmlFragmentToText(body).split(/\s+/).filter(Boolean).length : 0);
  }, 0);
}

/** Minutes with one empty agenda item: what the two tablets type into. */
function buildEmptyMinutes(clubId: string, meeting: Meeting): Uint8Array {
  const doc = model.createMinutesDoc();
  const origin = model.localOrigin({ id: 'bench', name: 'Thư ký' });
  must(model.createMinutes(doc, model.minutesInputFromMeeting(clubId as ClubId, meeting), origin));
  must(model.addAgendaItem(doc, { title: 'Ghi chép' }, origin));
  return Y.encodeStateAsUpdate(doc);
}

// ---- browser helpers --------------------------------------------------------------------------------

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 1280 },
    serviceWorkers: 'block',
  });
  // tsx keeps function names with a `__name` helper, which functions sent to the page also call.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  // Installed before the app's script: when the first roster row, and the minutes' end marker, appear.
  await context.addInitScript((marker) => {
    const w = window as unknown as Record<string, number>;
    new MutationObserver((_, observer) => {
      if (w.__firstRoster === undefined && document.querySelector('.member-name')) {
        w.__firstRoster = performance.now();
      }
      if (w.__minutesOpen === undefined) {
        const bodies = document.querySelectorAll('[data-testid="agenda-body"] .ProseMirror');
        const last = bodies[bodies.length - 1];
        if (last?.lastElementChild?.textContent?.includes(marker)) w.__minutesOpen = performance.now();
      }
      if (w.__firstRoster !== undefined && w.__minutesOpen !== undefined) observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, MARKER);
  return context;
}

async function registerClub(clubId: string): Promise<Access> {
  const key = () => randomBytes(32).toString('base64url');
  const access: Access = { role: 'editor', key: key(), viewerKey: key(), shared: true };
  const response = await fetch(`${base}/api/clubs/${clubId}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ editorKey: access.key, viewerKey: access.viewerKey }),
  });
  if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
  return access;
}

const minutesPath = (clubId: string, meetingId: string) => `/club/${clubId}/meetings/${meetingId}/minutes`;
const minutesDb = (clubId: string, meetingId: string) => `chungtay-minutes-${clubId}-${meetingId}`;

// ---- 1. keystroke to remote render ------------------------------------------------------------------

async function keystrokeLatency(browser: Browser): Promise<number[]> {
  const club = buildFiveYearClub(6);
  const meeting = clubMeetings(club.update)[0];
  if (!meeting) throw new Error('no meeting');
  const access = await registerClub(club.clubId);
  const minutes = buildEmptyMinutes(club.clubId, meeting);
  const databases = [
    { name: `chungtay-club-${club.clubId}`, update: club.update },
    { name: minutesDb(club.clubId, meeting.id), update: minutes },
  ];
  const pages: Page[] = [];
  for (const user of [
    { id: 'bench-a', name: 'Thư ký' },
    { id: 'bench-b', name: 'Chủ tọa' },
  ]) {
    const page = await (await newContext(browser)).newPage();
    await seedTablet(page, base, user, [{ id: club.clubId, access }], databases);
    await page.goto(`${base}${minutesPath(club.clubId, meeting.id)}`);
    await page.locator('[data-minutes-sync="synced"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="agenda-body"] .ProseMirror').waitFor();
    pages.push(page);
  }
  const [a, b] = pages as [Page, Page];
  const editor = '[data-testid="agenda-body"] .ProseMirror';
  await a.evaluate((selector) => {
    const w = window as unknown as Win;
    const keys: number[] = [];
    w.__keys = keys;
    document.querySelector(selector)?.addEventListener(
      'keydown',
      (event) => {
        // Typed characters only, not the keys that placed the caret.
        if ((event as KeyboardEvent).key.length === 1) keys.push(performance.timeOrigin + performance.now());
      },
      true,
    );
  }, editor);
  const typed = Array.from(
    { length: KEYSTROKES },
    (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26] ?? 'a',
  ).join('');
  await b.evaluate(
    ({ selector, typed }) => {
      const w = window as unknown as Win;
      const el = document.querySelector(selector);
      if (!el) throw new Error('no editor');
      // seen[n]: when B first shows the first n typed characters (remote carets' labels left out).
      const seen: number[] = [];
      w.__seen = seen;
      const text = () => {
        let out = '';
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement?.closest('.collaboration-carets__caret')) out += node.textContent ?? '';
        }
        return out;
      };
      new MutationObserver(() => {
        const now = performance.timeOrigin + performance.now();
        const t = text();
        const n = t.length;
        if (n > 0 && n <= typed.length && seen[n] === undefined && t === typed.slice(0, n)) seen[n] = now;
      }).observe(el, { childList: true, subtree: true, characterData: true });
    },
    { selector: editor, typed },
  );
  await a.locator(editor).click();
  await a.keyboard.press('Control+End');
  for (let i = 0; i < typed.length; i++) {
    await a.keyboard.press(typed[i] ?? 'a');
    await b.waitForFunction(
      (n) => (window as unknown as { __seen: number[] }).__seen[n] !== undefined,
      i + 1,
      {
        timeout: 10_000,
      },
    );
    await pace(60); // a fast typist's rhythm, and well inside the relay's rate limit
  }
  const keys = await a.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  if (keys.length !== typed.length) throw new Error(`${keys.length} keydowns for ${typed.length} keys`);
  const seen = await b.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
  for (const page of pages) await page.context().close();
  return keys.map((k, i) => (seen[i + 1] ?? Number.NaN) - k);
}

// ---- 2 and 3. opening a screen from IndexedDB -----------------------------------------------------

/** ms from navigation start until the minutes' last paragraph is in the editor. */
async function openMinutes(page: Page, path: string): Promise<number> {
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => (window as unknown as Win).__minutesOpen !== undefined, undefined, {
    timeout: 30_000,
  });
  const t = await page.evaluate(() => (window as unknown as { __minutesOpen: number }).__minutesOpen);
  return t;
}

/** ms from navigation start until the first roster row is in the DOM. */
async function firstRoster(page: Page, clubId: string): Promise<number> {
  await page.goto(`${base}/club/${clubId}`);
  await page.waitForSelector('.member-name');
  return page.evaluate(() => (window as unknown as { __firstRoster: number }).__firstRoster);
}

/**
 * Medians of `runs` measurements of each case, taken in turn (A, B, A, B…) so that load from other
 * work on the machine falls on both alike; one warm-up each first, for a warm HTTP cache.
 */
async function interleaved(runs: number, cases: (() => Promise<number>)[]): Promise<number[]> {
  for (const measure of cases) await measure();
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [c, measure] of cases.entries()) times[c]?.push(await measure());
  }
  return times.map(median);
}

// ---- run ----------------------------------------------------------------------------------------------

const browser = await launchBenchBrowser();
const results: Record<string, string> = {};
const ms = (v: number) => `${v.toFixed(0)} ms`;

const latencies = await keystrokeLatency(browser);
const valid = latencies.filter((v) => Number.isFinite(v));
results[`keystroke → remote render, ${valid.length} keys`] =
  `p50 ${percentile(valid, 50).toFixed(1)} ms, p95 ${percentile(valid, 95).toFixed(1)} ms, p99 ${percentile(valid, 99).toFixed(1)} ms (max ${Math.max(...valid).toFixed(1)})`;

{
  const club = buildFiveYearClub(6);
  const [m1, m2] = clubMeetings(club.update);
  if (!m1 || !m2) throw new Error('no meetings');
  const history = buildMinutesWithHistory(club.clubId, m1);
  const compact = buildMinutesAtOnce(club.clubId, m2);
  const page = await (await newContext(browser)).newPage();
  await seedTablet(
    page,
    base,
    { id: 'bench', name: 'Thư ký' },
    [{ id: club.clubId }],
    [
      { name: `chungtay-club-${club.clubId}`, update: club.update },
      { name: minutesDb(club.clubId, m1.id), update: history.update },
      { name: minutesDb(club.clubId, m2.id), update: compact.update },
    ],
  );
  const [withHistory = Number.NaN, atOnce = Number.NaN] = await interleaved(OPEN_RUNS, [
    () => openMinutes(page, minutesPath(club.clubId, m1.id)),
    () => openMinutes(page, minutesPath(club.clubId, m2.id)),
  ]);
  await page.context().close();
  results[`open minutes, ${history.words} words, ${history.transactions} edits (median of ${OPEN_RUNS})`] =
    `${ms(withHistory)}, doc ${history.update.byteLength} bytes`;
  results['same content written in one transaction'] =
    `${ms(atOnce)}, doc ${compact.update.byteLength} bytes (history costs ×${(history.update.byteLength / compact.update.byteLength).toFixed(1)} bytes, ${ms(withHistory - atOnce)})`;
}

{
  const clubs = [];
  for (const meetings of [6, 60]) {
    const club = buildFiveYearClub(meetings);
    // Every meeting has written minutes (3,000 words each) on this tablet: the roster must not load them.
    const minutes = clubMeetings(club.update).map((m) => ({
      name: minutesDb(club.clubId, m.id),
      update: buildMinutesAtOnce(club.clubId, m).update,
    }));
    const page = await (await newContext(browser)).newPage();
    await seedTablet(
      page,
      base,
      { id: 'bench', name: 'Thư ký' },
      [{ id: club.clubId }],
      [{ name: `chungtay-club-${club.clubId}`, update: club.update }, ...minutes],
    );
    clubs.push({ meetings, club, minutes, page });
  }
  const times = await interleaved(
    ROSTER_RUNS,
    clubs.map(
      ({ page, club }) =>
        () =>
          firstRoster(page, club.clubId),
    ),
  );
  for (const [i, { meetings, club, minutes, page }] of clubs.entries()) {
    await page.context().close();
    const minutesBytes = minutes.reduce((n, m) => n + m.update.byteLength, 0);
    results[`first roster, ${meetings} meetings (median of ${ROSTER_RUNS})`] =
      `${ms(times[i] ?? Number.NaN)}, club doc ${club.update.byteLength} bytes, ${minutes.length} minutes docs ${minutesBytes} bytes`;
  }
  results['first roster, 60 ÷ 6 meetings'] = `${((times[1] ?? 0) / (times[0] ?? 1)).toFixed(2)}`;
}

await browser.close();
console.log(
  `\nChung Tay minutes benchmark (${new Date().toISOString()}, ${process.platform} ${process.arch})`,
);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(52)} ${v}`);

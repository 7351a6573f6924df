// pnpm bench, money part (issue 13 §4): five years of a busy club's money book on a tablet that already holds
// the club. Prints the book's size, "Quỹ" and "Chỉ số" painted after a tap once the club is open, one
// repayment tapped at a meeting to its paint, at 1× and 4× CPU, and whether the roster's scripts hold any
// money code. Asserts nothing. Needs the relay serving the client's build (BENCH_URL; BENCH_DIST, default
// client/dist); alone: BENCH_ONLY=money pnpm bench. Runs: BENCH_RUNS (openings per figure, 7), BENCH_TAPS (20).
// Method and figures: client/README.md, Benchmarks › Money.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as model from '@chungtay/model';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { type Figure, printFigures, spread } from './figures';
import { buildFiveYearClub } from './history';
import { seedOrigin } from './seed-tablet';
import { TabletProfile } from './tablet-profile';

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = count('BENCH_RUNS', 7);
const TAPS = count('BENCH_TAPS', 20);
const app = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:4174').origin;
const dist = process.env.BENCH_DIST ?? join(import.meta.dirname, '../../client/dist');
const user = { id: 'bench', name: 'Thủ quỹ' };
const log = (text: string) =>
  console.error(`[money bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const elapsed = (start: number) => performance.now() - start;

// ---- the club and its money: the club of the client benchmark, its book written by the model's commands ----
log('building the club and five years of its money');
const club = buildFiveYearClub(60);
const clubDoc = new Y.Doc();
Y.applyUpdate(clubDoc, club.update);
const { members, meetings } = model.readClub(clubDoc);
// The club's last meeting (the view lists meetings newest first; sorted here so the order does not matter).
const meeting = [...meetings].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
if (meeting === undefined) throw new Error('the bench club has no meeting');
// The book ends the month before the club's last meeting, so at that meeting everyone present owes the
// month's dues and the instalments fallen due: the treasurer has a full screen of taps to make.
const moneyDoc = new Y.Doc();
model.seedSampleMoney(
  moneyDoc,
  {
    clubId: club.clubId as model.ClubId,
    memberIds: members.map((m) => m.id),
    today: model.addMonths(meeting.date, -1),
  },
  model.localOrigin(user),
);
const moneyUpdate = Y.encodeStateAsUpdate(moneyDoc);

/** The model's own work on the book, in this Node process (no CPU throttling here). */
function modelFigures(): Figure[] {
  const times = { load: [] as number[], read: [] as number[], all: [] as number[] };
  const today = meeting?.date as model.IsoDate;
  const memberList = members.map((m) => ({ id: m.id, joinedOn: m.joinedOn, left: m.left }));
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, moneyUpdate);
    times.load.push(elapsed(start));
    start = performance.now();
    const view = model.readMoney(doc);
    times.read.push(elapsed(start));
    start = performance.now();
    model.getFundBalances(view, today);
    model.listLoanStates(view, today);
    model.getMoneyIndicators(view, memberList, today);
    times.all.push(elapsed(start));
  }
  return [
    { figure: 'model in Node: load the book (Y.applyUpdate)', app: spread(times.load) },
    { figure: '  readMoney (every entry and loan parsed)', app: spread(times.read) },
    { figure: '  all balances, loan states and indicators', app: spread(times.all) },
  ];
}

function bookFigures(): Figure[] {
  const view = model.readMoney(moneyDoc);
  const kinds = new Map<string, number>();
  for (const e of view.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  const repayments = new Set(
    view.entries
      .filter((e) => e.loanId !== null && e.kind !== 'loanPayout')
      .map((e) => `${e.loanId}/${e.date}`),
  ).size;
  return [
    {
      figure: 'money doc, encoded state',
      app: `${(moneyUpdate.byteLength / 1e6).toFixed(2)} MB`,
      note: `${view.entries.length} entries (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ${view.loans.length} loans, ${repayments} repayments; ${members.length} members`,
    },
  ];
}

// ---- in the page: a tap (a click's pointerup) to the frame that paints what it brought ----

/**
 * Clicks `link` and resolves with the ms from the click to the animation frame after `ready` matches an
 * element (the screen the tap was for is in the DOM). Plain text for the page: see PAINT_WATCH.
 */
function tapToScreen(page: Page, link: string, ready: string): Promise<number> {
  return page.evaluate(
    ({ link, ready }) =>
      new Promise<number>((resolve, reject) => {
        const a = document.querySelector<HTMLElement>(link);
        if (a === null) return reject(new Error(`no ${link} on the page`));
        const start = performance.now();
        const check = () => {
          if (document.querySelector(ready) === null) return false;
          requestAnimationFrame(() => resolve(performance.now() - start));
          return true;
        };
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        a.click();
      }),
    { link, ready },
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The club open and what it does after its first screen done (compaction, the supervisors' summary in
 * idle time), as when a treasurer taps "Quỹ" a moment after the roster showed: the tap is timed alone.
 */
async function settled(page: Page): Promise<void> {
  await pause(2_000);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));
}

const rosterUrl = `${app}/club/${club.clubId}`;
const fundsLink = `.club-nav a[href="/club/${club.clubId}/money"]`;
const indicatorsLink = `.money-tabs a[href="/club/${club.clubId}/money/indicators"]`;

async function screens(profile: TabletProfile, throttle: number): Promise<Figure[]> {
  log(`"Quỹ" and "Chỉ số" after the club is open, ${throttle}× CPU (${RUNS} openings)`);
  const funds: number[] = [];
  const indicators: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A new tab, the others closed and IndexedDB closed behind them, as the client benchmark opens the roster.
    const { page } = await profile.open(rosterUrl, { throttle, coldWorker: true });
    await settled(page);
    funds.push(await tapToScreen(page, fundsLink, '[data-testid="fund-cash"]'));
    indicators.push(await tapToScreen(page, indicatorsLink, '[data-testid="indicator-ever-borrowed"]'));
  }
  return [
    {
      figure: `"Quỹ" tapped → funds painted, club open, ${throttle}× CPU (median of ${RUNS}, min–max)`,
      app: spread(funds),
      target: throttle === 1 ? '≤ 200 ms' : '≤ 600 ms',
    },
    {
      figure: `  then "Chỉ số" → every balance, loan state and indicator painted, ${throttle}×`,
      app: spread(indicators),
    },
  ];
}

/** "Đã nộp đủ" on the meeting-day screen, to the frame that shows the member as paid. */
async function repaymentTaps(profile: TabletProfile, throttle: number): Promise<Figure[]> {
  log(`repayment taps at the meeting, ${throttle}× CPU (${TAPS} taps)`);
  const { page, cdp } = await profile.open(rosterUrl, { throttle: 1, coldWorker: true });
  await page.goto(`${app}/club/${club.clubId}/money/meeting/${meeting?.id}`);
  await page.locator('[data-testid="payer"] .btn-primary').first().waitFor({ timeout: 60_000 });
  await settled(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    document.addEventListener('pointerup', (e) => (w.__pointerup = e.timeStamp), { capture: true });
  });
  const times: number[] = [];
  for (let i = 0; i < TAPS; i++) {
    // The next member still owing, wherever they are in the list.
    const row = page
      .locator('[data-testid="payer"]:not(.payer-done)')
      .filter({ has: page.locator('.btn-primary') });
    if ((await row.count()) === 0) break;
    const target = row.nth((i * 7) % (await row.count()));
    await target.scrollIntoViewIfNeeded();
    await target.evaluate((li) => {
      const w = window as unknown as Record<string, unknown>;
      w.__pointerup = undefined;
      w.__tap = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (li.querySelector('[data-testid="payer-paid"]') === null) return;
          observer.disconnect();
          const shown = performance.now();
          const up = w.__pointerup as number | undefined;
          const start = up !== undefined && up <= shown ? up : Number.NaN;
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(li, { childList: true, subtree: true });
      });
    });
    await target.locator('.btn-primary').first().click();
    times.push(await page.evaluate(() => (window as unknown as { __tap: Promise<number> }).__tap));
  }
  return [
    {
      figure: `repayment tap ("Đã nộp đủ") → painted, ${throttle}× CPU (median of ${times.length}, min–max)`,
      app: spread(times, 1),
      target: '≤ 16 ms',
    },
  ];
}

/** The roster's scripts, and whether any holds the money screens' or the money model's code. */
async function rosterScripts(profile: TabletProfile): Promise<Figure[]> {
  log('scripts before the roster');
  const { result } = await profile.open(rosterUrl, { coldWorker: true });
  // Strings only money code has: minified names go, string literals stay.
  const markers = ['useMoney must be used', 'seedSampleMoney', 'loanPayout', 'principalRepaid'];
  const holding: string[] = [];
  for (const path of new Set(result.scripts)) {
    const text = await readFile(join(dist, path), 'utf8');
    const found = markers.filter((m) => text.includes(m));
    if (found.length > 0) holding.push(`${path} (${found.join(', ')})`);
  }
  return [
    {
      figure: 'roster scripts holding money code',
      app: holding.length === 0 ? `none of ${new Set(result.scripts).size}` : holding.join('; '),
      target: 'none',
      note: [...new Set(result.scripts)].join(' '),
    },
  ];
}

const figures: Figure[] = [...bookFigures(), ...modelFigures()];
const profile = await TabletProfile.launch();
try {
  const seed = await profile.context.newPage();
  await seedOrigin(
    seed,
    app,
    user,
    [{ id: club.clubId, memberCount: members.length }],
    [
      { name: `chungtay-club-${club.clubId}`, records: [club.update] },
      { name: `chungtay-money-${club.clubId}`, records: [moneyUpdate] },
    ],
  );
  await profile.closeAll();
  figures.push(...(await rosterScripts(profile)));
  for (const throttle of [1, 4]) figures.push(...(await screens(profile, throttle)));
  for (const throttle of [1, 4]) figures.push(...(await repaymentTaps(profile, throttle)));
} finally {
  await profile.close();
}
printFigures(
  `Chung Tay money benchmark (${new Date().toISOString()}, ${process.platform} ${process.arch}); five years, last meeting ${meeting.date}`,
  figures,
);

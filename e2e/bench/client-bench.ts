// pnpm bench, client part: how a tablet opens a club, measured the way a user opens the installed app (a new
// tab of an existing profile, IndexedDB closed, the service worker installed), next to a bare reference page
// (stock yjs + y-indexeddb + DOM) opening the same club in the same run. Prints figures; asserts nothing.
// Needs the relay serving client/dist (BENCH_URL); see the Benchmarks section of the README for the method.
// Run counts: BENCH_RUNS (openings per figure, 7), BENCH_WARMUP (2), BENCH_RELOADS (50), BENCH_TAPS (20),
// BENCH_LIGHTHOUSE_RUNS (3, 0 to skip), BENCH_WARM_WORKER=1 to keep the service worker running between tabs,
// BENCH_ONLY=roster,scripts (any of reloads, roster, heap, scripts, taps, log, lighthouse) for some figures.
import { join } from 'node:path';
import * as model from '@chungtay/model';
import * as Y from 'yjs';
import { attendanceTaps } from './attendance-taps';
import { writeBarePage } from './bare/build-bare';
import { type Figure, printFigures, spread } from './figures';
import { type BenchClub, buildClubMinutes, buildFiveYearClub } from './history';
import { type LighthouseResult, lighthouse } from './lighthouse-run';
import { RequestChains, scriptCost } from './script-chain';
import { countRecords, median, type StoredDoc, seedOrigin } from './seed-tablet';
import { type Painted, type Prepare, ROWS, TabletProfile } from './tablet-profile';

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = count('BENCH_RUNS', 7);
const WARMUP = count('BENCH_WARMUP', 2);
const RELOADS = count('BENCH_RELOADS', 50);
const TAPS = count('BENCH_TAPS', 20);
const LIGHTHOUSE_RUNS = count('BENCH_LIGHTHOUSE_RUNS', 3);
const COLD_WORKER = process.env.BENCH_WARM_WORKER !== '1';
const LOG_RECORDS = 4_000;
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const wanted = (section: string) => ONLY === undefined || ONLY.includes(section);

const app = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:4174').origin;
// The bare page runs on another origin of the same relay (localhost instead of 127.0.0.1): the app's service
// worker, whose navigation fallback answers every page of its origin with the app, stays out of it, and its
// IndexedDB is its own, seeded with the same bytes.
const bare = (() => {
  const url = new URL(app);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
})();
// BENCH_DIST: the build the relay serves, when it is not client/dist (a build of one's own, say).
const dist = process.env.BENCH_DIST ?? join(import.meta.dirname, '../../client/dist');
const user = { id: 'bench', name: 'Thư ký' };
const clubDb = (clubId: string) => `chungtay-club-${clubId}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

function lastMeetingId(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const id = model.readClub(doc).meetings.at(-1)?.id;
  if (!id) throw new Error('the club has no meeting');
  return id;
}

/** `n` rows of real incremental updates of the club's history, consecutive transactions merged to fit. */
function asRecords(updates: readonly Uint8Array[], n: number): Uint8Array[] {
  if (updates.length < n) throw new Error(`only ${updates.length} updates for ${n} records`);
  return Array.from({ length: n }, (_, i) => {
    const part = updates.slice(
      Math.floor((i * updates.length) / n),
      Math.floor(((i + 1) * updates.length) / n),
    );
    return part.length === 1 && part[0] ? part[0] : Y.mergeUpdates(part);
  });
}

log('building the clubs');
const club = buildFiveYearClub(60, { recordUpdates: true });
const minutes: StoredDoc[] = buildClubMinutes(club).map((m) => ({ name: m.name, records: [m.update] }));
const clubDocs: StoredDoc[] = [{ name: clubDb(club.clubId), records: [club.update] }, ...minutes];
const rosterUrl = `${app}/club/${club.clubId}`;
const barePage = await writeBarePage(dist);
const bareUrl = `${bare}${barePage.path}?club=${club.clubId}`;
const profile = await TabletProfile.launch();

const openApp = (throttle = 1, prepare?: Prepare) =>
  profile.open(rosterUrl, { throttle, coldWorker: COLD_WORKER, ...(prepare ? { prepare } : {}) });
const openBare = (throttle = 1, prepare?: Prepare) =>
  profile.open(bareUrl, { throttle, ...(prepare ? { prepare } : {}) });

/** Writes databases into the app's origin with no tab of the app open, which could write behind the seed. */
async function seedApp(clubs: { id: string; memberCount: number }[], databases: StoredDoc[]): Promise<void> {
  await profile.closeAll();
  const page = await profile.context.newPage();
  await seedOrigin(page, app, user, clubs, databases);
  for (const { name, records } of databases) {
    const held = await countRecords(page, name);
    if (held !== records.length) throw new Error(`${name}: seeded ${records.length} rows, it holds ${held}`);
  }
}

// ---- IndexedDB over reloads: first, while the profile holds only what was seeded ----
async function reloads(): Promise<Figure[]> {
  log(`IndexedDB over ${RELOADS} reloads`);
  const checkpoints = [1, 10, 50].filter((n) => n <= RELOADS);
  const figures: Figure[] = [
    {
      figure: 'IndexedDB bytes on disk, seeded',
      app: (await profile.indexedDbBytes(app)).toLocaleString('en'),
    },
  ];
  // The first opening installs the service worker; it takes control at once (clientsClaim).
  let { page } = await openApp();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  let reopen = false;
  let first = Number.NaN;
  for (let n = 1; n <= RELOADS; n++) {
    // After a checkpoint closed every tab, the next opening is a new tab; otherwise a reload.
    if (n > 1 && reopen) page = (await openApp()).page;
    else if (n > 1) await profile.reload(page);
    reopen = false;
    // Whatever the app does after the first screen (compaction in idle time) is done before the next one.
    await pause(1_000);
    if (!checkpoints.includes(n)) continue;
    const values = await countRecords(page, clubDb(club.clubId));
    await profile.closeAll();
    await profile.untilStorageClosed();
    await pause(1_000); // LevelDB writes its log behind the closed connection
    const bytes = await profile.indexedDbBytes(app);
    if (n === 1) first = bytes;
    figures.push({
      figure: `IndexedDB after ${n} reload${n === 1 ? '' : 's'}: values, bytes on disk`,
      app: `${values}, ${bytes.toLocaleString('en')}`,
      ratio: bytes / first,
      target: n === 1 ? '' : '≤ 1.05× after 1',
    });
    reopen = true;
  }
  return figures;
}

// ---- first roster, app and bare page alternating ----
async function roster(): Promise<Figure[]> {
  log(`warming up (${WARMUP} openings each)`);
  for (let i = 0; i < WARMUP; i++) {
    await openApp();
    await openBare();
  }
  const figures: Figure[] = [];
  for (const throttle of [1, 4]) {
    log(`first roster at ${throttle}× CPU (${RUNS} openings each)`);
    const runs = { app: [] as Painted[], bare: [] as Painted[] };
    for (let i = 0; i < RUNS; i++) {
      // Alternating, and in turn first, so load from other work falls on both alike.
      const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order)
        runs[which].push((await (which === 'app' ? openApp : openBare)(throttle)).result);
    }
    const a = runs.app.map((r) => r.painted);
    const b = runs.bare.map((r) => r.painted);
    figures.push({
      figure: `${ROWS} rows painted, new tab, ${throttle}× CPU (median of ${RUNS}, min–max)`,
      app: spread(a),
      bare: spread(b),
      ratio: median(a) / median(b),
      target: '≤ 1.0× bare',
    });
    // The app's own marks, where it still sets them; a renamed mark prints as NaN rather than failing the run.
    const open = (rs: Painted[], mark: string) => median(rs.map((r) => r.marks[mark] ?? Number.NaN));
    const loaded = (rs: Painted[], mark: string) =>
      median(rs.map((r) => r.painted - (r.marks[mark] ?? Number.NaN)));
    figures.push({
      figure: `  ${throttle}×: navigation → club starts opening (mark)`,
      app: `${open(runs.app, 'chungtay:open').toFixed(0)} ms`,
      bare: `${open(runs.bare, 'bare:open').toFixed(0)} ms`,
    });
    figures.push({
      figure: `  ${throttle}×: doc loaded → ${ROWS} rows painted`,
      app: `${loaded(runs.app, 'chungtay:loaded').toFixed(0)} ms`,
      bare: `${loaded(runs.bare, 'bare:loaded').toFixed(0)} ms`,
    });
  }
  return figures;
}

// ---- scripts before the roster, and the longest chain of requests among them ----
async function scripts(): Promise<Figure[]> {
  log('scripts before the roster');
  const appChains = new RequestChains();
  const appScripts = (await openApp(1, (_page, cdp) => appChains.watch(cdp))).result.scripts;
  const bareChains = new RequestChains();
  const bareScripts = (await openBare(1, (_page, cdp) => bareChains.watch(cdp))).result.scripts;
  const appJs = await scriptCost(dist, app, appScripts);
  const bareJs = await scriptCost(dist, bare, bareScripts);
  const appChain = appChains.longest(appScripts);
  const bareChain = bareChains.longest(bareScripts);
  return [
    {
      figure: 'JS before the roster, gzip -9 (scripts)',
      app: `${kb(appJs.gzipBytes)} (${appJs.count})`,
      bare: `${kb(bareJs.gzipBytes)} (${bareJs.count})`,
      ratio: appJs.gzipBytes / bareJs.gzipBytes,
      target: '≤ 60 KB',
    },
    {
      figure: '  same, bytes the relay sends (br/gzip)',
      app: kb(appJs.transferBytes),
      bare: kb(bareJs.transferBytes),
    },
    {
      figure: '  longest chain of requests before it',
      app: `${appChain.length} requests`,
      bare: `${bareChain.length} requests`,
      note: appChain.join(' → '),
    },
  ];
}

// ---- heap after a forced GC, once the roster is painted ----
async function heap(): Promise<Figure[]> {
  log('heap after GC');
  const used: Record<'app' | 'bare', number> = { app: 0, bare: 0 };
  for (const which of ['app', 'bare'] as const) {
    const { cdp } = await (which === 'app' ? openApp : openBare)();
    await pause(2_000); // what runs after the first screen (compaction, deferred code) is part of the heap
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    used[which] = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  }
  return [
    {
      figure: 'JS heap after GC, roster painted',
      app: mb(used.app),
      bare: mb(used.bare),
      ratio: used.app / used.bare,
      target: '≤ 4 MB',
    },
  ];
}

// ---- attendance tap-to-paint ----
async function taps(members: number, c: BenchClub): Promise<Figure[]> {
  log(`attendance taps, ${members} members`);
  if (c !== club)
    await seedApp(
      [{ id: c.clubId, memberCount: members }],
      [{ name: clubDb(c.clubId), records: [c.update] }],
    );
  await profile.closeAll();
  await profile.untilStorageClosed();
  const page = await profile.context.newPage();
  await page.goto(`${app}/club/${c.clubId}/meetings/${lastMeetingId(c.update)}`);
  await page.waitForFunction((n) => document.querySelectorAll('.attendance-row').length >= n, members, {
    timeout: 120_000,
  });
  await pause(2_000);
  const times = await attendanceTaps(page, TAPS);
  return [
    {
      figure: `attendance tap → painted, ${members} members (median of ${times.length}, min–max)`,
      app: spread(times, 1),
      target: '≤ 16 ms',
    },
  ];
}

// ---- first opening of a doc stored as 4,000 uncompacted records, against the same doc compacted ----
async function recordLog(): Promise<Figure[]> {
  log(`first opening of ${LOG_RECORDS} records against 1, 4× CPU (${RUNS} each)`);
  const logRecords = asRecords(club.updates, LOG_RECORDS);
  const opening: Record<'log' | 'compact', number[]> = { log: [], compact: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const which of i % 2 === 0 ? (['log', 'compact'] as const) : (['compact', 'log'] as const)) {
      // Seeded again before each opening: the app folds the records the first time it opens them.
      const records = which === 'log' ? logRecords : [club.update];
      await seedApp([{ id: club.clubId, memberCount: ROWS }], [{ name: clubDb(club.clubId), records }]);
      opening[which].push((await openApp(4)).result.painted);
    }
  }
  return [
    {
      figure: `first opening, ${LOG_RECORDS} records vs 1, 4× CPU (median of ${RUNS})`,
      app: `${spread(opening.log)} vs ${spread(opening.compact)}`,
      ratio: median(opening.log) / median(opening.compact),
      target: '≤ 1.5×',
    },
  ];
}

// ---- Lighthouse on the start page, a first visit in its own profile ----
async function startPage(): Promise<Figure[]> {
  const runs: LighthouseResult[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    log(`Lighthouse on / (${i + 1} of ${LIGHTHOUSE_RUNS})`);
    runs.push(await lighthouse(`${app}/`));
  }
  if (runs.length === 0) return [];
  return [
    {
      figure: `Lighthouse ${runs[0]?.version} mobile on /: performance (median of ${runs.length})`,
      app: `${median(runs.map((r) => r.performance)).toFixed(2)} (${runs.map((r) => r.performance.toFixed(2)).join(', ')})`,
      target: '≥ 0.95',
    },
    {
      figure: '  first contentful paint',
      app: `${(median(runs.map((r) => r.fcpMs)) / 1000).toFixed(2)} s (${runs.map((r) => (r.fcpMs / 1000).toFixed(2)).join(', ')})`,
      target: '≤ 1.8 s',
    },
  ];
}

/** One figure's failure (the app changed under the benchmark, say) is printed in its place; the rest run. */
async function attempt(name: string, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await measure();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [
      {
        figure: name,
        app: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      },
    ];
  }
}

const sections: Record<string, Figure[]> = {};
try {
  const seedPage = await profile.context.newPage();
  const clubs = [{ id: club.clubId, memberCount: ROWS }];
  await seedOrigin(seedPage, app, user, clubs, clubDocs);
  await seedOrigin(seedPage, bare, user, clubs, clubDocs);
  await profile.closeAll();
  await profile.untilStorageClosed();
  // In this order: the reloads while the profile holds only the seed, the log last as it reseeds the club.
  if (wanted('reloads')) sections.reloads = await attempt('IndexedDB over reloads', reloads);
  if (wanted('roster')) sections.roster = await attempt('roster painted', roster);
  if (wanted('heap')) sections.heap = await attempt('heap after GC', heap);
  if (wanted('scripts')) sections.scripts = await attempt('JS before the roster', scripts);
  if (wanted('taps')) {
    const big = () => taps(700, buildFiveYearClub(60, { members: 700 }));
    sections.taps = [
      ...(await attempt('attendance taps, 70 members', () => taps(ROWS, club))),
      ...(await attempt('attendance taps, 700 members', big)),
    ];
  }
  if (wanted('log')) sections.log = await attempt(`${LOG_RECORDS}-record log`, recordLog);
  await profile.closeAll();
  if (wanted('lighthouse')) sections.lighthouse = await attempt('Lighthouse', startPage);
} finally {
  await profile.close();
  await barePage.remove();
}
printFigures(
  `Chung Tay client benchmark (${new Date().toISOString()}, ${process.platform} ${process.arch}); club doc ${club.update.byteLength.toLocaleString('en')} bytes, ${club.transactions} transactions, ${minutes.length} minutes docs; service worker ${COLD_WORKER ? 'stopped' : 'running'} before each opening`,
  ['roster', 'scripts', 'heap', 'reloads', 'taps', 'log', 'lighthouse'].flatMap((k) => sections[k] ?? []),
);

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

// The supervisor's screen (issue 15 §1): a tablet following 50 clubs, from the navigation to /supervisor to the
// frame after the 50th club's figures are in the table, in Chromium at 800×1280, at 1× and with the CPU
// throttled 4×. The 50 summary documents are written here with the model and seeded into the tablet's
// IndexedDB (y-indexeddb layout) as seed-tablet.ts seeds a club; each measured opening is a new tab of the
// same browser context (the app in its HTTP cache), the previous tab closed. Prints figures; asserts nothing.
//   BENCH_URL=http://127.0.0.1:4173 pnpm --dir e2e exec tsx bench/supervisor-bench.ts  (or BENCH_ONLY=supervisor pnpm bench)
// Page functions are strings: tsx would wrap functions in helpers the page does not have.
import * as model from '@chungtay/model';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { spread } from './figures';
import { launchBenchBrowser, type StoredDoc, seedOrigin } from './seed-tablet';

const URL_BASE = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:4173').origin;
const CLUBS = Number(process.env.BENCH_SUPERVISOR_CLUBS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DISTRICTS = ['huyện Nga Sơn', 'huyện Hậu Lộc', 'huyện Hoằng Hóa'];
const COMMUNES = ['xã Nga Thạch', 'xã Nga Liên', 'xã Đa Lộc', 'xã Hoằng Đạt', 'xã Hoằng Phụ'];

/** A club's summary as a committee tablet would have written it: two years of meetings, money, health. */
function summaryOf(i: number): model.ClubSummary {
  const total = 40 + (i % 35);
  const months = Array.from({ length: 24 }, (_, m) => {
    const d = new Date(Date.UTC(2025, m, 1));
    return {
      month: d.toISOString().slice(0, 7),
      held: 1,
      present: total - (m % 7),
      roster: total,
    };
  });
  return {
    clubId: `bench-club-${String(i).padStart(4, '0')}`,
    computedAt: new Date(Date.UTC(2026, 11, 1, 7, i % 60)).toISOString(),
    club: {
      name: `CLB Liên thế hệ thôn ${i + 1}`,
      kind: 'selfHelp',
      hamlet: `thôn ${i + 1}`,
      commune: COMMUNES[i % COMMUNES.length] ?? '',
      district: DISTRICTS[i % DISTRICTS.length] ?? '',
      province: 'tỉnh Thanh Hóa',
    },
    targets: { memberMin: 50, memberMax: 70, womenMinPct: 60, olderMinPct: 60, poorMinPct: 20, olderAge: 60 },
    members: {
      total,
      women: Math.round(total * 0.62),
      ageKnown: total,
      older: Math.round(total * 0.6),
      poorOrNearPoor: Math.round(total * 0.2),
      ethnicMinority: i % 4,
    },
    meetings: months,
    groups: model.STANDARD_AREAS.slice(0, 5).map((area, g) => ({
      id: `group-${i}-${g}-aaaa`,
      name: `Nhóm ${g + 1}`,
      area,
      size: 8 + g,
    })),
    health: { checks: 300 + i, membersChecked: total - 3, followUpsOpen: i % 5 },
    money: {
      loans: 30 + i,
      borrowedEver: Math.round(total * 0.45),
      borrowingNow: Math.round(total * 0.3),
      outstanding: 45_000_000 + i * 100_000,
      overdueLoans: i % 3,
      overdueAmount: (i % 3) * 1_500_000,
      funds: { income: 60_000_000 + i * 250_000, activity: 3_000_000, humanitarian: 2_000_000, custom: 0 },
      dues: { upToDate: total - 5, of: total },
      targets: { borrowedPct: 40, incomeFund: 50_000_000 },
    },
    redCross: null,
    reports: [],
  };
}

function summaryDoc(i: number): Uint8Array {
  const doc = new Y.Doc();
  const origin = model.localOrigin({ id: 'bench-committee', name: 'Ban chủ nhiệm' });
  const summary = summaryOf(i);
  model.writeSummary(doc, summary, origin);
  model.publishApprovedReport(
    doc,
    {
      id: `report-2026-h1-${String(i).padStart(4, '0')}`,
      kind: 'halfYear',
      from: '2026-01-01',
      to: '2026-06-30',
      approvedOn: '2026-07-05',
      figures: { 'members.atEnd': summary.members.total, 'meetings.held': 6 },
      narrative: { strengths: 'Sinh hoạt đều đặn hằng tháng, hội viên tham gia đông đủ.' },
    },
    origin,
  );
  return Y.encodeStateAsUpdate(doc);
}

// Notes when the table holds `CLUBS` rows, none of them still waiting for figures, then the next animation
// frame (the one that paints it), on the page's clock (0 = navigation start), reported through a binding:
// the app's CSP forbids the string evaluation waitForFunction would need.
const PAINT_WATCH = `(() => {
  const clubs = ${CLUBS};
  const check = (observer) => {
    const rows = document.querySelectorAll('[data-testid=supervisor-row]');
    if (rows.length < clubs || document.querySelector('[data-testid=supervisor-row] td[colspan]')) return;
    observer.disconnect();
    requestAnimationFrame(() => window.__benchPainted(performance.now()));
  };
  const observer = new MutationObserver(() => check(observer));
  observer.observe(document, { childList: true, subtree: true });
})();`;

const clubs = Array.from({ length: CLUBS }, (_, i) => summaryOf(i).clubId ?? '');
const databases: StoredDoc[] = clubs.map((id, i) => ({
  name: `chungtay-summary-${id}`,
  records: [summaryDoc(i)],
}));
// Viewer keys, unshared: the figures come from the tablet, as offline; the relay's link is not measured.
const known = clubs.map((id) => ({
  id,
  memberCount: 0,
  access: { role: 'viewer', key: 'bench-viewer-key-000000', shared: false },
}));

const browser = await launchBenchBrowser();
const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
// tsx keeps function names with a `__name` helper, which functions sent to the page (seedOrigin's) also call.
await context.addInitScript({ content: 'window.__name = (f) => f;' });
await context.addInitScript(PAINT_WATCH);
const waiting = new Map<Page, (ms: number) => void>();
await context.exposeBinding('__benchPainted', ({ page }, ms: number) => waiting.get(page)?.(ms));
const seeding = await context.newPage();
await seedOrigin(seeding, URL_BASE, { id: 'bench-supervisor', name: 'Cán bộ huyện' }, known, databases);
await seeding.close();

async function openOnce(rate: number): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const painted = new Promise<number>((resolve) => waiting.set(page, resolve));
  await page.goto(`${URL_BASE}/supervisor`);
  const ms = await painted;
  waiting.delete(page);
  await cdp.detach();
  await page.close();
  return ms;
}

for (const rate of [1, 4]) {
  await openOnce(rate); // warm-up: the lazy screen's code into the cache at this rate
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await openOnce(rate));
  process.stdout.write(
    `supervisor's screen, ${CLUBS} clubs, CPU ${rate}x: open -> painted ${spread(times)}, ${RUNS} openings ` +
      `(${times.map((t) => t.toFixed(0)).join(', ')})\n`,
  );
}
await browser.close();

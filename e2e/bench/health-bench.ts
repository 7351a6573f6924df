// pnpm bench, health part (issue 14 §1): five years of a club's health checks (60 monthly meetings, written
// with the model's own commands, so every value has its write record) on a tablet that holds the club.
// Prints: the health doc's size; the model's read and one write in Node; the health-check screen of the last
// meeting with 60 members present, from a tap once the club is open to its 60th row painted; a value typed
// and Enter to the frame that shows it counted; a member's five-year chart, from a tap to its four panels
// drawn; each at 1× and 4× CPU. Asserts nothing. Needs the relay serving the client's build (BENCH_URL);
// alone: BENCH_ONLY=health pnpm bench. BENCH_RUNS (openings per figure, 5), BENCH_TAPS (values typed, 12).
// Method and figures: client/README.md, Benchmarks › Health. Page code is strings: tsx rewrites functions.
import * as model from '@chungtay/model';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { type Figure, printFigures, spread } from './figures';
import { buildFiveYearClub } from './history';
import { seedOrigin } from './seed-tablet';
import { TabletProfile } from './tablet-profile';

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = count('BENCH_RUNS', 5);
const TAPS = count('BENCH_TAPS', 12);
const PRESENT = 60;
const app = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:4174').origin;
const user = { id: 'bench', name: 'Thư ký' };
const log = (text: string) =>
  console.error(`[health bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const must = <T>(r: model.Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

// ---- the club (the client benchmark's, 70 members) with 60 present at its last meeting ----
log('building the club and five years of health checks');
const club = buildFiveYearClub(60);
const clubDoc = new Y.Doc();
Y.applyUpdate(clubDoc, club.update);
const origin = model.localOrigin(user);
const view = model.readClub(clubDoc);
const meetings = [...view.meetings].sort((a, b) => (a.date < b.date ? -1 : 1));
const last = meetings.at(-1);
if (last === undefined) throw new Error('the bench club has no meeting');
const present = view.members.slice(0, PRESENT);
for (const member of view.members)
  must(
    model.setAttendance(
      clubDoc,
      { meetingId: last.id, memberId: member.id, status: present.includes(member) ? 'present' : 'absent' },
      origin,
    ),
  );
const clubUpdate = Y.encodeStateAsUpdate(clubDoc);

// ---- every earlier meeting's checks of those present, as tablets write them; the last meeting is today's ----
const healthDoc = new Y.Doc();
must(model.createHealth(healthDoc, { clubId: club.clubId as model.ClubId }, origin));
const started = performance.now();
meetings.slice(0, -1).forEach((meeting, m) => {
  healthDoc.transact(() => {
    view.members.forEach((member, i) => {
      if (meeting.attendance[member.id] !== 'present') return;
      const wave = Math.sin((m + i) / 6);
      must(
        model.recordHealthCheck(
          healthDoc,
          {
            meetingId: meeting.id,
            memberId: member.id,
            takenAt: meeting.date,
            recordedAt: `${meeting.date}T08:${String(i % 60).padStart(2, '0')}:00.000Z`,
            weightKg: Math.round((45 + (i % 25) + wave * 2) * 10) / 10,
            systolic: 110 + ((i * 7 + m * 3) % 60),
            diastolic: 65 + ((i * 5 + m) % 30),
            glucoseMmol: Math.round((5 + ((i + m) % 8) + wave) * 10) / 10,
          },
          origin,
        ),
      );
    });
  }, origin);
});
const seedMs = performance.now() - started;
const healthUpdate = Y.encodeStateAsUpdate(healthDoc);
const checks = model.readHealth(healthDoc).checks;
// The member with the most checks: the chart the bench draws.
const perMember = new Map<string, number>();
for (const c of checks) perMember.set(c.memberId, (perMember.get(c.memberId) ?? 0) + 1);
const [charted] = [...perMember].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];

function modelFigures(): Figure[] {
  const read: number[] = [];
  const write: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, healthUpdate);
    let start = performance.now();
    model.readHealth(doc);
    read.push(performance.now() - start);
    const member = present[i % present.length];
    if (member === undefined) continue;
    // The first write of a session builds the index of the checks' keys (check-index.ts); time the next.
    must(
      model.recordHealthCheck(
        doc,
        {
          meetingId: last?.id as model.MeetingId,
          memberId: member.id,
          takenAt: last?.date ?? '',
          weightKg: 50,
        },
        origin,
      ),
    );
    start = performance.now();
    must(
      model.recordHealthCheck(
        doc,
        {
          meetingId: last?.id as model.MeetingId,
          memberId: member.id,
          takenAt: last?.date ?? '',
          weightKg: 52.5,
        },
        origin,
      ),
    );
    write.push(performance.now() - start);
  }
  return [
    {
      figure: 'health doc, encoded state',
      app: `${(healthUpdate.byteLength / 1e6).toFixed(2)} MB`,
      note: `${checks.length} checks over ${meetings.length - 1} meetings, ${healthDoc.getMap('checks').size} keys; written in ${(seedMs / 1000).toFixed(1)} s`,
    },
    { figure: 'model in Node: readHealth (every check parsed)', app: spread(read) },
    { figure: '  one weight recorded (with its write record), index built', app: spread(write, 1) },
  ];
}

// ---- in the page ----

/** Navigates inside the app (a link click, as a tap on one) and resolves with ms to the frame after `ready`. */
function tapTo(page: Page, href: string, ready: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    const check = () => {
      if (!(${ready})) return requestAnimationFrame(check);
      requestAnimationFrame(() => resolve(performance.now() - start));
    };
    const a = document.createElement('a');
    a.href = ${JSON.stringify(href)};
    document.body.append(a);
    a.click();
    a.remove();
    requestAnimationFrame(check);
  })`) as Promise<number>;
}

const healthPath = `/club/${club.clubId}/meetings/${last.id}/health`;
const chartPath = `/club/${club.clubId}/health/${charted}`;
const rowsReady = `document.querySelectorAll('[data-testid="health-check-row"]').length >= ${PRESENT}`;
const chartReady = `document.querySelectorAll('.trend-canvas[data-drawn="true"]').length >= 4`;

async function screens(profile: TabletProfile, throttle: number): Promise<Figure[]> {
  log(`health screen and chart after the club is open, ${throttle}× CPU (${RUNS} openings)`);
  const screen: number[] = [];
  const chart: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { page } = await profile.open(`${app}/club/${club.clubId}`, { throttle, coldWorker: true });
    screen.push(await tapTo(page, healthPath, rowsReady));
    chart.push(await tapTo(page, chartPath, chartReady));
  }
  return [
    {
      figure: `health screen: tap → ${PRESENT} rows painted, club open, ${throttle}× CPU (median of ${RUNS}, min–max)`,
      app: spread(screen),
    },
    { figure: `  then a member's five-year chart: tap → 4 panels drawn, ${throttle}×`, app: spread(chart) },
  ];
}

/** A weight typed into the next empty row and Enter, to the frame that shows "Đã đo n / 60". */
async function valueEntries(profile: TabletProfile, throttle: number): Promise<Figure[]> {
  log(`values typed on the health screen, ${throttle}× CPU (${TAPS} values)`);
  const { page, cdp } = await profile.open(`${app}/club/${club.clubId}`, { coldWorker: true });
  await tapTo(page, healthPath, rowsReady);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const times: number[] = [];
  // Rows not weighed yet: the 1× run's values are still in the tablet's copy when the 4× run opens it.
  const first = throttle === 1 ? 0 : TAPS;
  for (let i = 0; i < TAPS; i++) {
    const field = page
      .locator('[data-testid="health-check-row"] input[data-measure="weightKg"]')
      .nth(first + i);
    await field.scrollIntoViewIfNeeded();
    await field.focus();
    await page.keyboard.type(`${48 + i},5`);
    await page.evaluate(`(() => {
      const counts = document.querySelector('[data-testid="health-check-counts"]');
      const before = counts.textContent;
      window.__entered = new Promise((resolve) => {
        let down;
        document.addEventListener('keydown', (e) => { down = e.timeStamp; }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (counts.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - down));
        });
        observer.observe(counts, { childList: true, subtree: true, characterData: true });
        // Never counted (it should be): a figure of NaN rather than a benchmark that hangs.
        setTimeout(() => { observer.disconnect(); resolve(Number.NaN); }, 20000);
      });
    })()`);
    await page.keyboard.press('Enter');
    const ms = (await page.evaluate('window.__entered')) as number;
    if (!Number.isNaN(ms)) times.push(ms);
  }
  return [
    {
      figure: `a weight typed, Enter → counted and painted, ${throttle}× CPU (median of ${times.length}, min–max)`,
      app: spread(times, 1),
    },
  ];
}

const figures: Figure[] = modelFigures();
const profile = await TabletProfile.launch();
try {
  const seed = await profile.context.newPage();
  await seedOrigin(
    seed,
    app,
    user,
    [{ id: club.clubId, memberCount: view.members.length }],
    [
      { name: `chungtay-club-${club.clubId}`, records: [clubUpdate] },
      { name: `chungtay-health-${club.clubId}`, records: [healthUpdate] },
    ],
  );
  await profile.closeAll();
  for (const throttle of [1, 4]) figures.push(...(await screens(profile, throttle)));
  for (const throttle of [1, 4]) {
    // A tab that dies under a loaded machine loses this figure, not the ones measured before it.
    figures.push(
      ...(await valueEntries(profile, throttle).catch((error: Error) => [
        {
          figure: `a weight typed, Enter → painted, ${throttle}×`,
          app: `failed: ${error.message.split('\n')[0]}`,
        },
      ])),
    );
  }
} finally {
  await profile.close();
}
printFigures(
  `Chung Tay health benchmark (${new Date().toISOString()}, ${process.platform} ${process.arch}); ${PRESENT} present at ${last.date}`,
  figures,
);

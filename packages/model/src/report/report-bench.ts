/**
 * Benchmark (a script, not a test): generating a five-year club's annual report, from the books to the
 * approved entry for the summary. Prints the median of RUNS runs.
 *   pnpm --filter @chungtay/model exec tsx src/report/report-bench.ts
 * The club: 70 members with turnover, a meeting a month for five years with attendance, a health check
 * per member at every meeting, 150 loans with monthly interest and repayments (about 4,000 entries).
 */
import * as Y from 'yjs';
import { DEFAULT_HEALTH_THRESHOLDS } from '../health/health-flags';
import type { HealthView } from '../health/read-health';
import type { MeetingId, MemberId } from '../ids/ids';
import { addMonths } from '../ids/ids';
import type { Entry } from '../money/money-types';
import { localOrigin } from '../origin/origin';
import type { Meeting, Member } from '../schema/types';
import { approveReport, createReport, newReportId, readReport } from './report-doc';
import { computeReportFigures, type ReportBooks } from './report-figures';
import { CLUB, clubView, entry, loan, meeting, member, moneyView } from './report-fixtures';
import { standardPeriod } from './report-period';
import { toApprovedReport } from './report-summary';

// The model compiles without Node's types (it runs in the browser too); the two globals this script uses.
declare const process: { env: Record<string, string | undefined>; stdout: { write(text: string): void } };
declare const performance: { now(): number };

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const YEARS = 5;
const FIRST = 2022;

function fiveYearClub(): ReportBooks {
  const members: Member[] = [];
  for (let i = 0; i < 90; i++) {
    const id = `member-${String(i).padStart(6, '0')}`;
    const joinedOn = `${FIRST + (i % YEARS)}-0${1 + (i % 9)}-1${i % 10}`;
    const left = i % 5 === 0 ? { on: `${FIRST + YEARS - 1}-0${1 + (i % 9)}-05`, reason: '' } : null;
    members.push(
      member(id, {
        joinedOn: i < 60 ? `${FIRST}-01-01` : joinedOn,
        left,
        gender: i % 3 === 0 ? 'male' : 'female',
        birthYear: 1940 + (i % 40),
        household: i % 4 === 0 ? 'poor' : 'none',
      }),
    );
  }
  const meetings: Meeting[] = [];
  const checks: HealthView['checks'][number][] = [];
  for (let m = 0; m < YEARS * 12; m++) {
    const date = addMonths(`${FIRST}-01-10`, m);
    const attendance: Record<string, 'present' | 'absent' | 'excused'> = {};
    for (const [i, x] of members.entries()) {
      attendance[x.id] = (i + m) % 7 === 0 ? 'absent' : (i + m) % 11 === 0 ? 'excused' : 'present';
      if (attendance[x.id] === 'present')
        checks.push({
          meetingId: `meeting-${m}` as MeetingId,
          memberId: x.id,
          weightKg: 52,
          systolic: 130,
          diastolic: 85,
          glucoseMmol: 6,
          takenAt: `${date}T08:00:00Z`,
          takenBy: 'alice',
        });
    }
    meetings.push(meeting(`meeting-${m}`, date, attendance));
  }
  const entries: Entry[] = [entry('founding', 50_000_000, `${FIRST}-01-10`)];
  const loans = [];
  for (let l = 0; l < 150; l++) {
    const startOn = addMonths(`${FIRST}-02-10`, Math.floor((l * 58) / 150));
    const id = `loan-${String(l).padStart(6, '0')}`;
    const who = members[l % members.length]?.id as MemberId;
    loans.push(loan(id, who, 3_000_000, startOn));
    entries.push(entry('loanPayout', 3_000_000, startOn, { loanId: id as never, memberId: who }));
    for (let k = 1; k <= 12; k++) {
      const on = addMonths(startOn, k);
      if (on > `${FIRST + YEARS - 1}-12-31`) break;
      entries.push(entry('interestPaid', 15_000, on, { loanId: id as never, memberId: who }));
      entries.push(entry('principalRepaid', 250_000, on, { loanId: id as never, memberId: who }));
    }
  }
  const health: HealthView = {
    clubId: CLUB,
    schemaVersion: 1,
    readOnly: false,
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    checks,
    followUps: {},
  };
  return { club: clubView(members, meetings), health, money: moneyView(entries, loans), care: null };
}

const books = fiveYearClub();
const period = standardPeriod('year', FIRST + YEARS - 1);
const origin = localOrigin({ id: 'bench', name: 'Bench' });
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const doc = new Y.Doc();
  const reportId = newReportId();
  createReport(doc, { clubId: CLUB, reportId, period, place: 'Yên Đồng' }, origin);
  const figures = computeReportFigures(books, period);
  approveReport(doc, { by: 'member-000001' as MemberId, at: '2027-01-05T09:00:00.000Z', figures }, origin);
  if (toApprovedReport(readReport(doc)) === null) throw new Error('the report was not approved');
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
process.stdout.write(
  `five-year club (${books.club.members.length} members, ${books.club.meetings.length} meetings, ` +
    `${books.health?.checks.length} checks, ${books.money?.entries.length} money entries): ` +
    `annual report figures + approval + summary entry, median ${median.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms over ${RUNS} runs\n`,
);

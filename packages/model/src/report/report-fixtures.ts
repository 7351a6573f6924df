import type { ClubId, GroupId, MeetingId, MemberId } from '../ids/ids';
import { DEFAULT_MONEY_RULES } from '../money/money-rules';
import type { Entry, EntryKind, FundId, LoanId, MoneyView } from '../money/money-types';
import type { AttendanceStatus } from '../schema/enums';
import { type ClubView, type Meeting, type Member, NATIONAL_TARGETS } from '../schema/types';

/** Plain book views for report tests and the benchmark: the figures are pure over these. */

export const CLUB = 'club-report-0001' as ClubId;
export const INCOME = 'fund-income-0001' as FundId;

export function member(id: string, over: Partial<Member> = {}): Member {
  return {
    id: id as MemberId,
    fullName: `Nguyễn Thị ${id}`,
    gender: 'female',
    birthYear: 1960,
    phone: '',
    hamlet: 'thôn Đông',
    household: 'none',
    ethnicMinority: false,
    joinedOn: '2020-01-01',
    role: 'none',
    notes: '',
    consent: null,
    left: null,
    mergedInto: null,
    createdAt: 0,
    createdBy: 'alice',
    ...over,
  };
}

export function meeting(id: string, date: string, attendance: Record<string, AttendanceStatus>): Meeting {
  return {
    id: id as MeetingId,
    date,
    time: '07:30',
    kind: 'regular',
    place: '',
    chairId: null,
    secretaryId: null,
    attendance,
  };
}

export function clubView(members: Member[], meetings: Meeting[], groups: ClubView['groups'] = []): ClubView {
  return {
    id: CLUB,
    schemaVersion: 1,
    readOnly: false,
    profile: {
      name: 'CLB Liên thế hệ tự giúp nhau thôn Đông',
      kind: 'selfHelp',
      hamlet: 'thôn Đông',
      commune: 'xã Yên Đồng',
      district: 'huyện Yên Mô',
      province: 'Ninh Bình',
      foundedOn: '2020-01-01',
    },
    settings: NATIONAL_TARGETS,
    members,
    groups,
    meetings: [...meetings].sort((a, b) => (a.date < b.date ? 1 : -1)),
    dismissedDuplicates: [],
    redCross: { volunteers: [], activities: [] },
  };
}

export function group(id: string, area: ClubView['groups'][number]['area'], memberIds: string[]) {
  return {
    id: id as GroupId,
    name: id,
    area,
    leaderId: null,
    retiredOn: null,
    memberIds: memberIds as MemberId[],
    order: 0,
  };
}

let seq = 0;
export function entry(kind: EntryKind, amount: number, date: string, over: Partial<Entry> = {}): Entry {
  seq += 1;
  return {
    id: `entry-${String(seq).padStart(8, '0')}` as Entry['id'],
    fundId: INCOME,
    kind,
    amount,
    date,
    memberId: null,
    loanId: null,
    meetingId: null,
    toFundId: null,
    reverses: null,
    note: '',
    recordedBy: 'alice',
    recordedAt: `${date}T08:00:00.000Z`,
    ...over,
  };
}

export function moneyView(entries: Entry[], loans: MoneyView['loans'] = []): MoneyView {
  return {
    clubId: CLUB,
    schemaVersion: 1,
    readOnly: false,
    rules: DEFAULT_MONEY_RULES,
    funds: [{ id: INCOME, kind: 'income', name: '', target: 0, retired: false, order: 0 }],
    entries: [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)),
    loans,
    writeOffs: [],
    confirmedDuplicates: [],
  };
}

export function loan(
  id: string,
  memberId: string,
  amount: number,
  startOn: string,
): MoneyView['loans'][number] {
  return {
    id: id as LoanId,
    fundId: INCOME,
    memberId: memberId as MemberId,
    amount,
    monthlyRateBp: 50,
    method: 'flat',
    plan: 'bullet',
    rounding: 1000,
    termMonths: 12,
    startOn,
    purpose: 'nuôi bò',
    meetingId: null,
    recordedBy: 'alice',
    recordedAt: `${startOn}T08:00:00.000Z`,
  };
}

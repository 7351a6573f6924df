import type {
  Author,
  CashCountInput,
  ClubId,
  ClubKind,
  EntryInput,
  FundId,
  FundInput,
  IsoDate,
  LoanInput,
  LoanState,
  LocalOrigin,
  MinutesApprovalInput,
  MinutesView,
  MoneyClock,
  MoneyIndex,
  MoneyRules,
  MoneyView,
  RepaymentInput,
  ReverseInput,
  WriteOffInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { todayIso } from '../../i18n/format';
import {
  type OpenPrivateDocOptions,
  openPrivateDocSession,
  type PrivateDocSession,
} from '../session/private-doc-session';
import { type MoneyProjection, projectMoney } from './money-projection';
import { shareSessions } from './shared-money-session';

export function moneyStorageName(clubId: string): string {
  return `chungtay-money-${clubId}`;
}

/** This tablet's day (local calendar) and moment, read when a command runs: the model reads no clock. */
export function tabletClock(now: Date = new Date()): MoneyClock {
  return { today: todayIso(now), now: now.toISOString() };
}

/** Every change the money book takes: model commands bound to this doc, author and clock. */
export function bindMoneyCommands(doc: Y.Doc, origin: LocalOrigin, clock: () => MoneyClock = tabletClock) {
  return {
    recordEntry: (input: EntryInput) => model.recordEntry(doc, input, origin, clock()),
    reverseEntry: (input: ReverseInput) => model.reverseEntry(doc, input, origin, clock()),
    payOutLoan: (input: LoanInput) => model.payOutLoan(doc, input, origin, clock()),
    recordRepayment: (input: RepaymentInput) => model.recordRepayment(doc, input, origin, clock()),
    writeOffLoan: (input: WriteOffInput) => model.writeOffLoan(doc, input, origin, clock()),
    recordCashCount: (input: CashCountInput) => model.recordCashCount(doc, input, origin, clock()),
    confirmDuplicate: (key: string) => model.confirmDuplicate(doc, key, origin),
    updateRules: (patch: Partial<MoneyRules>) => model.updateMoneyRules(doc, patch, origin),
    addFund: (input: FundInput) => model.addFund(doc, input, origin),
    updateFund: (fundId: FundId, patch: Partial<FundInput> & { readonly retired?: boolean }) =>
      model.updateFund(doc, fundId, patch, origin),
    /** Moves an opened minutes doc's own money lines into the book, once (ids derived from the lines). */
    moveMinutesMoney: (minutes: Pick<MinutesView, 'meetingId' | 'header' | 'money'>) =>
      model.migrateMinutesMoney(doc, minutes, origin, clock().today),
    /** Locks (or unlocks) a meeting's money as its minutes are approved or reopened (money-locks.ts). */
    followMinutes: (input: MinutesApprovalInput) => model.followMinutesForMoney(doc, input, origin),
  };
}

export interface MoneySession extends PrivateDocSession<MoneyView, ReturnType<typeof bindMoneyCommands>> {
  /** Every loan's state on `today`; a loan whose entries did not change keeps its computed state. */
  loanStates(today: IsoDate): readonly LoanState[];
  /** The standing entries by loan, member and meeting, reactive like the view (money-projection.ts). */
  index(): MoneyIndex;
}

export interface OpenMoneyOptions extends OpenPrivateDocOptions {
  /** The clock commands read; the tablet's by default. */
  readonly clock?: () => MoneyClock;
}

/**
 * Opens the club's money book `<clubId>/money`, or joins it when it is already open on this tablet (the
 * summary upkeep holds it from the first idle moment after the roster; see shared-money-session.ts): one
 * copy of the book in memory, closed when its last holder closes it. Only for editor keys: the relay refuses viewer keys
 * (4403, `isPrivateDocument`), so the caller checks `ClubSession.canOpen(moneyDocName)` first. The club's
 * kind picks the funds a new book starts with (a Red Cross chapter's humanitarian fund). Plain gc: the
 * book is append-only, a correction is a new entry, so there is no deleted content worth keeping.
 * Undo covers rules and funds only: an entry is taken back with a correction the books can show.
 */
export const openMoneySession: (
  clubId: string,
  clubKind: ClubKind,
  author: Author,
  options?: OpenMoneyOptions,
) => Promise<MoneySession> = shareSessions(openOwnMoneySession);

async function openOwnMoneySession(
  clubId: string,
  clubKind: ClubKind,
  author: Author,
  options: OpenMoneyOptions = {},
): Promise<MoneySession> {
  let projection: MoneyProjection | undefined;
  const session = await openPrivateDocSession(clubId, author, options, {
    documentName: model.moneyDocName(clubId as ClubId),
    storageName: moneyStorageName(clubId),
    schemaStatus: model.getMoneySchemaStatus,
    migrate: model.migrateMoney,
    isNew: (doc) => model.readMoney(doc).clubId === null,
    create: (doc, origin) => model.createMoney(doc, { clubId: clubId as ClubId, clubKind }, origin),
    erase: model.eraseMembersMoney,
    project: (doc) => {
      projection = projectMoney(doc);
      return projection;
    },
    bind: (doc, origin) => bindMoneyCommands(doc, origin, options.clock),
    undoRoots: ['rules', 'funds'],
  });
  // One cache per open book: the meeting-day screen recomputes, at each tap, only the loan it touched,
  // reading that loan's entries from the index instead of grouping the whole book again.
  const cache = model.createLoanStateCache();
  const index = () => (projection as MoneyProjection).index();
  return {
    ...session,
    index,
    loanStates: (today) => model.listLoanStates(session.view, today, cache, index()),
  };
}

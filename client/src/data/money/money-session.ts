import type {
  Author,
  ClubId,
  ClubKind,
  EntryInput,
  FundId,
  FundInput,
  LoanInput,
  LocalOrigin,
  MinutesView,
  MoneyClock,
  MoneyRules,
  MoneyView,
  RepaymentInput,
  ReverseInput,
  WriteOffInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { todayIso } from '../../i18n/format';
import type { SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { guardSiblingDoc } from '../club/erasure-guard';
import { type AccessChanges, linkClubDoc } from '../session/club-doc-link';
import { openDocSession } from '../session/doc-session';
import { createAuthorUndo, type DocUndo } from '../session/doc-undo';
import { projectMoney } from './money-projection';

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
    confirmDuplicate: (key: string) => model.confirmDuplicate(doc, key, origin),
    updateRules: (patch: Partial<MoneyRules>) => model.updateMoneyRules(doc, patch, origin),
    addFund: (input: FundInput) => model.addFund(doc, input, origin),
    updateFund: (fundId: FundId, patch: Partial<FundInput> & { readonly retired?: boolean }) =>
      model.updateFund(doc, fundId, patch, origin),
    /** Moves an opened minutes doc's own money lines into the book, once (ids derived from the lines). */
    moveMinutesMoney: (minutes: Pick<MinutesView, 'meetingId' | 'header' | 'money'>) =>
      model.migrateMinutesMoney(doc, minutes, origin, clock().today),
  };
}

export interface MoneySession extends DocUndo {
  readonly view: MoneyView;
  readonly commands: ReturnType<typeof bindMoneyCommands>;
  /** An editor key, a club doc and a money doc this build understands. */
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows this open set aside as damaged (see `DocSession.damaged`). */
  readonly damaged: number;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenMoneyOptions {
  /** The club session's answer (`ClubSession.canEdit`); editable when not given. */
  readonly canEditClub?: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the money doc reconnects with it. */
  readonly accessChanges?: AccessChanges;
  /** The clock commands read; the tablet's by default. */
  readonly clock?: () => MoneyClock;
}

/**
 * Opens the club's money book `<clubId>/money`. Only for editor keys: the relay refuses viewer keys
 * (4403, `isPrivateDocument`), so the caller checks `ClubSession.canOpen(moneyDocName)` first. The club's
 * kind picks the funds a new book starts with (a Red Cross chapter's humanitarian fund). Plain gc: the
 * book is append-only, a correction is a new entry, so there is no deleted content worth keeping.
 * Undo covers rules and funds only: an entry is taken back with a correction the books can show.
 */
export async function openMoneySession(
  clubId: string,
  clubKind: ClubKind,
  author: Author,
  options: OpenMoneyOptions = {},
): Promise<MoneySession> {
  return openDocSession(
    {
      documentName: model.moneyDocName(clubId as ClubId),
      storageName: moneyStorageName(clubId),
      keepHistory: false,
      mayEdit: options.canEditClub ?? (() => true),
      schemaStatus: model.getMoneySchemaStatus,
      migrate: model.migrateMoney,
      link: linkClubDoc(clubId, options.accessChanges),
      prepare(doc, origin) {
        if (model.readMoney(doc).clubId === null)
          model.createMoney(doc, { clubId: clubId as ClubId, clubKind }, origin);
        guardSiblingDoc(clubId, doc, model.eraseMembersMoney, author);
      },
      project: projectMoney,
      bind: (doc, origin) => bindMoneyCommands(doc, origin, options.clock),
      undo: (doc, origin) => createAuthorUndo([doc.getMap('rules'), doc.getMap('funds')], origin),
    },
    author,
  );
}

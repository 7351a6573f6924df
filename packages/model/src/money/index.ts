/**
 * The club's money (issue 13): the private document `<clubId>/money` and everything derived from it.
 *
 * Document: `moneyDocName(clubId)`, plain gc. Start it with `createMoney(doc, { clubId, clubKind },
 * origin)` (safe on two tablets), migrate on open with `migrateMoney`, read with `readMoney(doc)` →
 * `MoneyView` (rules, funds, entries in canonical order, loans, write-offs), or follow it with
 * `followMoney(doc, onChange)` (new entries parsed alone and slotted in; the client's projection).
 *
 * Commands, each `(doc, input, origin, clock?)` in one transaction, returning `Result<_, MoneyError>`
 * (`invalid` with field codes, `notFound`, `readOnly`, `alreadyReversed`, `approved` for an entry at a
 * meeting whose minutes are approved). `clock` is
 * `{ today: 'yyyy-mm-dd', now: new Date().toISOString() }`: the model reads no clock.
 * - rules (quy chế quỹ): `updateMoneyRules(doc, patch, origin)` checked by `validateMoneyRules`;
 *   defaults `DEFAULT_MONEY_RULES` / `defaultRulesFor(kind)`; funds `addFund`, `updateFund`.
 * - entries (append-only): `recordEntry` (receipts, expenses, dues, transfers), `reverseEntry`
 *   (a correction pointing at the entry; never an edit or deletion).
 * - loans: `validateLoan(view, input, today)` before saving (errors + `overBalance` warning),
 *   `payOutLoan` (terms + payout entry), `recordRepayment` (principal / interest / penalty entries),
 *   `writeOffLoan` (a committee decision).
 * - flags: `confirmDuplicate(doc, key, origin)` when two equal entries are both real.
 * - locks: `followMinutesForMoney(doc, { meetingId, approvedAt, reopenings }, origin)` from the minutes
 *   page; `readMoneyLocks(doc)` (money-locks.ts).
 * - cash count: `recordCashCount` records a meeting's counted-vs-book difference as `cashShort` /
 *   `cashOver`; `getCashCountDifference(view, meetingId)` reads it back.
 *
 * Derived (never stored), all exact whole đồng, the same on every tablet:
 * - `scheduleLoan(terms)` → instalments; `getLoanState` / `listLoanStates(view, today)` → status
 *   (current, overdue, repaid, writtenOff, cancelled), due now, outstanding, days overdue, next due.
 * - `getCashBook(view, fundId, filter)` with running balance; `getFundBalances(view, today)`.
 * - `getMemberPosition(view, member, today)`: loans, dues owed and paid, contributions.
 * - `getMoneyIndicators(view, members, today)`: borrowed shares vs target, fund sizes vs targets,
 *   overdue by age (1–30, 31–90, 90+ days), dues paid vs target.
 * - `listDuplicateEntries`, `listNegativeBalances`, `listIdleCorrections`, `listUnlinkedRepayments`.
 * - `listLoanHistory(view, loanId)`: who recorded what on a loan and when, newest first (names from the
 *   book's `authors`, which every command keeps).
 * - `getMeetingMoney(view, meetingId, approvedAt?)`: the minutes' "money received" (as approved); `migrateMinutesMoney` moves an
 *   old minutes list into the book once (ids derived from meeting + line).
 * Sample: `seedSampleMoney(doc, { clubId, memberIds, today, months?, seed? }, origin)`, five busy years.
 * Input: `parseAmount(text, max?)` → whole đồng or `{ type: 'empty' | 'notANumber' | 'zero' |
 * 'negative' | 'notWhole' | 'tooLarge' }`. Display with the client's `formatMoney` (i18n/format.ts).
 */

export type { FundInput } from './book-commands';
export { addFund, createMoney, updateFund, updateMoneyRules } from './book-commands';
export type { CashCountInput } from './cash-count';
export { getCashCountDifference, recordCashCount } from './cash-count';
export type { ListAdditions, MoneyChanges, MoneyFollower } from './follow-money';
export { followMoney } from './follow-money';
export type { CashBook, CashBookFilter, CashBookLine } from './ledger';
export { getCashBook } from './ledger';
export type { LoanInput, LoanWarning, RepaymentInput, WriteOffInput } from './loan-commands';
export { payOutLoan, recordRepayment, validateLoan, writeOffLoan } from './loan-commands';
export type { LoanEvent } from './loan-history';
export { listLoanHistory } from './loan-history';
export type { LoanDue, LoanState, LoanStateCache, LoanStatus } from './loan-state';
export { createLoanStateCache, getLoanState, LOAN_STATUSES, listLoanStates } from './loan-state';
export type { MeetingMoney } from './minutes-money';
export { getMeetingMoney, migratedEntryId, migrateMinutesMoney } from './minutes-money';
export type { EntryInput, MoneyClock, PlainEntryKind, ReverseInput } from './money-commands';
export { confirmDuplicate, recordEntry, reverseEntry } from './money-commands';
export type { NegativeBalance, PossibleDuplicate } from './money-flags';
export {
  listDuplicateEntries,
  listIdleCorrections,
  listNegativeBalances,
  listUnlinkedRepayments,
} from './money-flags';
export type { MoneyIndex } from './money-index';
export { createMoneyIndex } from './money-index';
export type {
  DuesPosition,
  FundBalance,
  MemberPosition,
  MoneyIndicators,
  MoneyMember,
  MoneyShare,
  OverdueAge,
  OverdueBucket,
} from './money-indicators';
export {
  duesPaidByMember,
  getDuesPosition,
  getFundBalances,
  getMemberPosition,
  getMoneyIndicators,
  OVERDUE_AGES,
} from './money-indicators';
export type { AlreadyReversedError, MeetingLockedError, MoneyError } from './money-layout';
export { MONEY_SCHEMA_VERSION, moneyDocName } from './money-layout';
export { followMinutesForMoney, readMoneyLocks } from './money-locks';
export { getMoneySchemaStatus, listMoneyMigrations, migrateMoney } from './money-migrations';
export {
  DEFAULT_MONEY_RULES,
  defaultRulesFor,
  MAX_AMOUNT,
  MONEY_RULE_RANGES,
  STANDARD_FUND_TARGETS,
  standardFundsFor,
  validateMoneyRules,
} from './money-rules';
export type {
  DuesPeriod,
  Entry,
  EntryId,
  EntryKind,
  Fund,
  FundId,
  FundKind,
  Instant,
  InterestMethod,
  Loan,
  LoanId,
  MoneyRules,
  MoneyView,
  RepaymentPlan,
  Rounding,
  StandardFund,
  WriteOff,
} from './money-types';
export {
  DUES_PERIODS,
  ENTRY_KINDS,
  FUND_KINDS,
  INCOME_KINDS,
  INTEREST_METHODS,
  OUTGOING_KINDS,
  REPAYMENT_PLANS,
  ROUNDINGS,
  STANDARD_FUNDS,
} from './money-types';
export type { AmountError } from './parse-amount';
export { parseAmount } from './parse-amount';
export { readMoney } from './read-money';
export { type SampleMoneyInput, seedSampleMoney } from './sample-money';
export type { Instalment, LoanTerms } from './schedule';
export { scheduleLoan } from './schedule';

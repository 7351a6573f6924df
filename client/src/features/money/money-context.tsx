import type {
  CashCountInput,
  EntryId,
  EntryInput,
  FieldError,
  FundId,
  FundInput,
  IsoDate,
  LoanId,
  LoanInput,
  LoanState,
  MoneyError,
  MoneyIndex,
  MoneyRules,
  MoneyView,
  RepaymentInput,
  Result,
  ReverseInput,
} from '@chungtay/model';
import { type Accessor, createContext, type JSX, useContext } from 'solid-js';

/**
 * What the money screens need from the open money book: its projection and its commands, bound to this
 * tablet's author and clock by the document session (data/money). Screens depend on this narrow shape.
 */
export interface MoneyCommands {
  recordEntry(input: EntryInput): Result<EntryId, MoneyError>;
  reverseEntry(input: ReverseInput): Result<EntryId, MoneyError>;
  recordCashCount(input: CashCountInput): Result<EntryId | null, MoneyError>;
  payOutLoan(input: LoanInput): Result<{ loanId: LoanId; entryId: EntryId }, MoneyError>;
  recordRepayment(input: RepaymentInput): Result<readonly EntryId[], MoneyError>;
  confirmDuplicate(key: string): Result<void, MoneyError>;
  updateRules(patch: Partial<MoneyRules>): Result<void, MoneyError>;
  addFund(input: FundInput): Result<FundId, MoneyError>;
  updateFund(
    fundId: FundId,
    patch: Partial<FundInput> & { readonly retired?: boolean },
  ): Result<void, MoneyError>;
}

export interface MoneyBook {
  readonly view: MoneyView;
  readonly commands: MoneyCommands;
  readonly canEdit: Accessor<boolean>;
  /**
   * Every loan's state on `today` (the model's listLoanStates), recomputing only the loans whose entries
   * changed since the last call: what the meeting-day screen needs at every tap. Reactive like the view.
   */
  loanStates(today: IsoDate): readonly LoanState[];
  /** The standing entries by loan, member and meeting, kept batch by batch; reactive like the view. */
  index(): MoneyIndex;
}

const MoneyContext = createContext<MoneyBook>();

export function MoneyProvider(props: { book: MoneyBook; children: JSX.Element }): JSX.Element {
  return <MoneyContext.Provider value={props.book}>{props.children}</MoneyContext.Provider>;
}

export function useMoney(): MoneyBook {
  const book = useContext(MoneyContext);
  if (!book) throw new Error('useMoney must be used inside <MoneyProvider> (an open money book)');
  return book;
}

export type MoneyFieldErrors = Readonly<Record<string, FieldError>>;

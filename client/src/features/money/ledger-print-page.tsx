import type { Entry, IsoDate, LoanState } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { rateText } from './amount-input';
import { type LoanColumn, LoanTable, loanColumns } from './loan-table';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { memberNames } from './money-members';
import { PrintSheet } from './print-sheet';

const WHOLE_CLUB = '';

/**
 * The loan ledger (sổ theo dõi cho vay) on A4, in the administrative layout the minutes print with:
 * organisation and national title, place and date, title, the table, two signature blocks. The whole
 * club on one list, or one member per page with each payout and repayment and the balance after it.
 */
export default function LedgerPrintPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [who, setWho] = createSignal(WHOLE_CLUB);
  const names = createMemo(() => memberNames(club.club));
  const states = createMemo(() =>
    book.loanStates(club.today() as IsoDate).filter((s) => s.status !== 'cancelled'),
  );
  // Borrowers in the register's order (by given name).
  const borrowers = createMemo(() => {
    const ids = new Set(states().map((s) => s.loan.memberId as string));
    return club.club.members.filter((m) => ids.has(m.id));
  });
  const clubColumns: LoanColumn[] = [
    ...loanColumns(i18n, names),
    {
      header: i18n.m('print.terms'),
      cell: (s) =>
        i18n.m('print.termsValue', { rate: rateText(s.loan.monthlyRateBp), term: s.loan.termMonths }),
    },
    {
      header: i18n.m('loan.principalPaid'),
      cell: (s) => i18n.dong(s.principalPaid),
      numeric: true,
      total: (s) => s.principalPaid,
    },
    {
      header: i18n.m('loan.interestPaid'),
      cell: (s) => i18n.dong(s.interestPaid),
      numeric: true,
      total: (s) => s.interestPaid,
    },
    {
      header: i18n.m('loans.outstanding'),
      cell: (s) => i18n.dong(s.outstanding),
      numeric: true,
      total: (s) => s.outstanding,
    },
    {
      header: i18n.m('print.status'),
      cell: (s) =>
        s.status === 'overdue'
          ? i18n.m('loans.overdueDays', { days: s.daysOverdue })
          : i18n.m(`status.${s.status}`),
    },
  ];
  return (
    <>
      <div class="page-title-row no-print">
        <SelectField
          class="ledger-who"
          label={i18n.m('print.who')}
          options={[
            { value: WHOLE_CLUB, label: i18n.m('print.wholeClub') },
            ...borrowers().map((m) => ({ value: m.id as string, label: m.fullName })),
          ]}
          value={who()}
          onChange={setWho}
        />
        <Button variant="primary" onClick={() => window.print()}>
          {i18n.m('print.print')}
        </Button>
      </div>
      <PrintSheet title={i18n.m('print.title')} testId="ledger-print">
        <Show
          when={who() !== WHOLE_CLUB}
          fallback={<LoanTable i18n={i18n} states={states()} columns={clubColumns} class="ledger-club" />}
        >
          <p class="ledger-subtitle">{i18n.m('print.member', { name: names().get(who()) ?? '' })}</p>
          <For each={states().filter((s) => s.loan.memberId === who())}>
            {(s) => <MemberLoanLedger state={s} entries={book.view.entries} />}
          </For>
        </Show>
      </PrintSheet>
    </>
  );
}

/** One loan of a member: each payout and repayment in date order, with the principal owed after it. */
function MemberLoanLedger(props: { state: LoanState; entries: readonly Entry[] }): JSX.Element {
  const i18n = useMoneyI18n();
  const rows = createMemo(() => {
    const mine = props.entries.filter((e) => e.loanId === props.state.loan.id);
    const reversed = new Set(mine.filter((e) => e.kind === 'correction').map((e) => e.reverses));
    let owed = 0;
    return mine
      .filter((e) => e.kind !== 'correction' && !reversed.has(e.id))
      .map((e) => {
        if (e.kind === 'loanPayout') owed += e.amount;
        if (e.kind === 'principalRepaid') owed -= e.amount;
        return { entry: e, owed };
      });
  });
  const loan = () => props.state.loan;
  return (
    <section class="ledger-loan">
      <p>
        {i18n.m('loan.terms', {
          amount: i18n.dong(loan().amount),
          rate: rateText(loan().monthlyRateBp),
          term: loan().termMonths,
          date: i18n.date(loan().startOn),
        })}
        <Show when={loan().purpose}> · {loan().purpose}</Show>
      </p>
      <table class="ledger-table">
        <thead>
          <tr>
            <th>{i18n.m('book.date')}</th>
            <th>{i18n.m('book.what')}</th>
            <th>{i18n.m('print.paidOut')}</th>
            <th>{i18n.m('schedule.principal')}</th>
            <th>{i18n.m('schedule.interest')}</th>
            <th>{i18n.m('loans.outstanding')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr>
                <td>{i18n.date(row.entry.date)}</td>
                <td>{i18n.m(`kind.${row.entry.kind}`)}</td>
                <td class="num">{row.entry.kind === 'loanPayout' ? i18n.dong(row.entry.amount) : ''}</td>
                <td class="num">{row.entry.kind === 'principalRepaid' ? i18n.dong(row.entry.amount) : ''}</td>
                <td class="num">
                  {row.entry.kind === 'interestPaid' || row.entry.kind === 'penalty'
                    ? i18n.dong(row.entry.amount)
                    : ''}
                </td>
                <td class="num">{i18n.dong(row.owed)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

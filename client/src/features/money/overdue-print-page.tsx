import type { IsoDate, LoanState } from '@chungtay/model';
import { createMemo, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { type LoanColumn, LoanTable, loanColumns } from './loan-table';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { memberNames } from './money-members';
import { PrintSheet } from './print-sheet';

/** Overdue loans, the most days late first (the order the committee follows them up in). */
export function overdueLoans(states: readonly LoanState[]): LoanState[] {
  return states
    .filter((s) => s.status === 'overdue')
    .sort((a, b) => b.daysOverdue - a.daysOverdue || b.outstanding - a.outstanding);
}

/** The list of overdue loans on A4 (danh sách khoản vay quá hạn), as of today, with its totals. */
export default function OverduePrintPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const names = createMemo(() => memberNames(club.club));
  const rows = createMemo(() => overdueLoans(book.loanStates(club.today() as IsoDate)));
  const columns: LoanColumn[] = [
    ...loanColumns(i18n, names),
    {
      header: i18n.m('print.outstanding'),
      cell: (s) => i18n.dong(s.outstanding),
      numeric: true,
      total: (s) => s.outstanding,
    },
    {
      header: i18n.m('print.dueNow'),
      cell: (s) => i18n.dong(s.due.total),
      numeric: true,
      total: (s) => s.due.total,
      totalTestId: 'overdue-due-total',
    },
    { header: i18n.m('print.daysOverdue'), cell: (s) => s.daysOverdue, numeric: true },
  ];
  return (
    <>
      <div class="page-title-row no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {i18n.m('print.print')}
        </Button>
      </div>
      <PrintSheet title={i18n.m('print.overdueTitle')} testId="overdue-print">
        <Show when={rows().length > 0} fallback={<p class="ledger-subtitle">{i18n.m('print.noOverdue')}</p>}>
          <LoanTable i18n={i18n} states={rows()} columns={columns} rowTestId="overdue-row" />
        </Show>
      </PrintSheet>
    </>
  );
}

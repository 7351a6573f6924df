import type { IsoDate, LoanState } from '@chungtay/model';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
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
  const names = createMemo(() => new Map(club.club.members.map((m) => [m.id as string, m.fullName])));
  const rows = createMemo(() => overdueLoans(book.loanStates(club.today() as IsoDate)));
  const sum = (pick: (s: LoanState) => number) => rows().reduce((total, s) => total + pick(s), 0);
  return (
    <>
      <div class="page-title-row no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {i18n.m('print.print')}
        </Button>
      </div>
      <PrintSheet title={i18n.m('print.overdueTitle')} testId="overdue-print">
        <Show when={rows().length > 0} fallback={<p class="ledger-subtitle">{i18n.m('print.noOverdue')}</p>}>
          <table class="ledger-table">
            <thead>
              <tr>
                <th>{i18n.m('print.no')}</th>
                <th>{i18n.m('print.name')}</th>
                <th>{i18n.m('print.startOn')}</th>
                <th>{i18n.m('print.amount')}</th>
                <th>{i18n.m('print.outstanding')}</th>
                <th>{i18n.m('print.dueNow')}</th>
                <th>{i18n.m('print.daysOverdue')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(s, index) => (
                  <tr data-testid="overdue-row">
                    <td class="num">{index() + 1}</td>
                    <td>{names().get(s.loan.memberId) ?? i18n.m('loans.memberGone')}</td>
                    <td>{i18n.date(s.loan.startOn)}</td>
                    <td class="num">{i18n.dong(s.loan.amount)}</td>
                    <td class="num">{i18n.dong(s.outstanding)}</td>
                    <td class="num">{i18n.dong(s.due.total)}</td>
                    <td class="num">{s.daysOverdue}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={3}>{i18n.m('schedule.sum')}</th>
                <td class="num">{i18n.dong(sum((s) => s.loan.amount))}</td>
                <td class="num">{i18n.dong(sum((s) => s.outstanding))}</td>
                <td class="num" data-testid="overdue-due-total">
                  {i18n.dong(sum((s) => s.due.total))}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </Show>
      </PrintSheet>
    </>
  );
}

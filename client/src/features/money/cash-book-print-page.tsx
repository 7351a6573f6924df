import { type FundId, getCashBook } from '@chungtay/model';
import { useSearchParams } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { cashBookPrintRows, printPeriod } from './cash-book-print';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { memberNames } from './money-members';
import { PrintSheet } from './print-sheet';

/** One fund's cash book (sổ quỹ) for a period on A4: receipts, payments and the running balance. */
export default function CashBookPrintPage(props: { fundId: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [search] = useSearchParams<{ from?: string; to?: string }>();
  const fund = () => book.view.funds.find((f) => f.id === props.fundId);
  const period = createMemo(() => printPeriod({ from: search.from, to: search.to }));
  const sheet = createMemo(() => cashBookPrintRows(getCashBook(book.view, props.fundId as FundId, period())));
  const names = createMemo(() => memberNames(club.club));
  const periodText = () => {
    const { from, to } = period();
    if (from !== undefined && to !== undefined)
      return i18n.m('print.periodRange', { from: i18n.date(from), to: i18n.date(to) });
    if (from !== undefined) return i18n.m('print.periodFrom', { from: i18n.date(from) });
    if (to !== undefined) return i18n.m('print.periodTo', { to: i18n.date(to) });
    return i18n.m('print.periodWhole');
  };
  return (
    <Show when={fund()} fallback={<p class="empty">{i18n.m('field.notFound')}</p>}>
      {(f) => (
        <>
          <div class="page-title-row no-print">
            <Button variant="primary" onClick={() => window.print()}>
              {i18n.m('print.print')}
            </Button>
          </div>
          <PrintSheet title={i18n.m('print.cashBookTitle')} testId="cash-book-print">
            <p class="ledger-subtitle">
              {fundName(i18n, f())} · {periodText()}
            </p>
            <table class="ledger-table">
              <thead>
                <tr>
                  <th>{i18n.m('book.date')}</th>
                  <th>{i18n.m('book.what')}</th>
                  <th>{i18n.m('book.receipt')}</th>
                  <th>{i18n.m('book.payment')}</th>
                  <th>{i18n.m('book.balance')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td />
                  <td>{i18n.m('book.opening')}</td>
                  <td />
                  <td />
                  <td class="num">{i18n.dong(sheet().opening)}</td>
                </tr>
                <For each={sheet().rows}>
                  {(row) => (
                    <tr data-testid="cash-book-print-row" classList={{ 'money-reversed': row.reversed }}>
                      <td>{i18n.date(row.entry.date)}</td>
                      <td>
                        {[
                          i18n.m(`kind.${row.entry.kind}`),
                          row.entry.memberId === null ? '' : (names().get(row.entry.memberId) ?? ''),
                          row.entry.note,
                          row.reversed ? i18n.m('book.reversed') : '',
                        ]
                          .filter((s) => s !== '')
                          .join(' · ')}
                      </td>
                      <td class="num">{row.receipt > 0 ? i18n.dong(row.receipt) : ''}</td>
                      <td class="num">{row.payment > 0 ? i18n.dong(row.payment) : ''}</td>
                      <td class="num">{i18n.dong(row.balance)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr>
                  <th colSpan={2}>{i18n.m('print.total')}</th>
                  <td class="num">{i18n.dong(sheet().receipts)}</td>
                  <td class="num">{i18n.dong(sheet().payments)}</td>
                  <td class="num" data-testid="cash-book-print-closing">
                    {i18n.dong(sheet().closing)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </PrintSheet>
        </>
      )}
    </Show>
  );
}

import { type Entry, type LoanEvent, type LoanId, listLoanHistory } from '@chungtay/model';
import { createMemo, type JSX } from 'solid-js';
import { ChangeHistory, type HistoryLine, timeThenDate } from '../../ui/change-history/change-history';
import { useMoney } from './money-context';
import { type MoneyI18n, useMoneyI18n } from './money-i18n';

/** One event of a loan in words: "Lan ghi trả nợ gốc 500.000 đ, 10:02 03/12/2026". */
export function loanEventText(i18n: MoneyI18n, event: LoanEvent): string {
  // Entries moved from old minutes name no person; an author the book never named is another tablet.
  const name = event.name ?? i18n.m(event.by === 'minutes' ? 'history.minutes' : 'history.someone');
  const when = timeThenDate(event.at);
  if (event.type === 'writeOff') return i18n.m('history.wroteOff', { name, when });
  const what = (entry: Entry) =>
    `${i18n.m(`kind.${entry.kind}`).toLocaleLowerCase('vi')} ${i18n.dong(entry.amount)}`;
  if (event.entry.kind === 'correction')
    return i18n.m('history.corrected', {
      name,
      what: event.cancels ? what(event.cancels) : i18n.dong(event.entry.amount),
      note: event.entry.note,
      when,
    });
  return i18n.m('history.recorded', { name, what: what(event.entry), when });
}

/** A loan's history in words, newest first, from its entries and the book's record of who wrote them. */
export function LoanHistory(props: { loanId: LoanId }): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const lines = createMemo((): HistoryLine[] =>
    listLoanHistory(book.view, props.loanId).map((event) => ({
      id: event.type === 'entry' ? event.entry.id : `writeOff/${event.writeOff.loanId}`,
      text: loanEventText(i18n, event),
    })),
  );
  return (
    <ChangeHistory
      title={i18n.m('history.title')}
      empty={i18n.m('history.empty')}
      lines={lines()}
      testId="loan-change-history"
    />
  );
}

import { type Entry, type FundId, getCashBook, type IsoDate } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { parseDisplayDate } from '../../i18n/format';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import {
  cashBookFilter,
  KIND_CHOICES,
  type KindChoice,
  PERIODS,
  type Period,
  periodBounds,
} from './cash-book-filter';
import { cashBookPrintHref } from './cash-book-print';
import { CorrectionDialog } from './correction-dialog';
import { EntryDialog } from './entry-dialog';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { type MoneyKey, useMoneyI18n } from './money-i18n';
import { memberNames } from './money-members';

const PERIOD_LABEL: Record<Period, MoneyKey> = {
  all: 'book.periodAll',
  month: 'book.periodMonth',
  lastMonth: 'book.periodLastMonth',
  year: 'book.periodYear',
  custom: 'book.periodCustom',
};

/** The cash book (sổ quỹ) of one fund: receipts, payments and the running balance, by period and kind. */
export default function CashBookPage(props: { fundId: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  // The money section reads the id from the path (money-routes.ts) and passes it in.
  const params = props;
  const fund = () => book.view.funds.find((f) => f.id === params.fundId);
  const [period, setPeriod] = createSignal<Period>('all');
  const [kind, setKind] = createSignal<KindChoice>('all');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [correcting, setCorrecting] = createSignal<Entry | null>(null);
  const [recording, setRecording] = createSignal(false);
  const names = createMemo(() => memberNames(club.club));
  const cashBook = createMemo(() =>
    getCashBook(
      book.view,
      params.fundId as FundId,
      cashBookFilter(period(), kind(), club.today() as IsoDate, {
        from: parseDisplayDate(from()) as IsoDate | null,
        to: parseDisplayDate(to()) as IsoDate | null,
      }),
    ),
  );
  const printHref = () =>
    cashBookPrintHref(
      `/club/${club.clubId}/money`,
      params.fundId,
      periodBounds(period(), club.today() as IsoDate, {
        from: parseDisplayDate(from()) as IsoDate | null,
        to: parseDisplayDate(to()) as IsoDate | null,
      }),
    );
  const dateOf = (id: string | null) => book.view.entries.find((e) => e.id === id)?.date ?? null;
  const what = (entry: Entry) =>
    [
      // A correction says which entry it cancels; its kind would only repeat it.
      entry.kind === 'correction'
        ? i18n.m('book.reverses', { date: i18n.date(dateOf(entry.reverses)) })
        : i18n.m(`kind.${entry.kind}`),
      entry.memberId === null ? '' : (names().get(entry.memberId) ?? ''),
      entry.note,
    ]
      .filter((s) => s !== '')
      .join(' · ');
  return (
    <Show when={fund()} fallback={<p class="empty">{i18n.m('field.notFound')}</p>}>
      {(f) => (
        <>
          <A href={`/club/${club.clubId}/money`} class="btn btn-quiet">
            ← {i18n.m('book.back')}
          </A>
          <div class="page-title-row">
            <h1>{i18n.m('book.title', { fund: fundName(i18n, f()) })}</h1>
            {/* The print carries the period shown here, so the sheet matches the screen. */}
            <A href={printHref()} class="btn btn-quiet" data-testid="cash-book-print-link">
              {i18n.m('book.print')}
            </A>
            <Button variant="primary" onClick={() => setRecording(true)} disabled={!book.canEdit()}>
              {i18n.m('book.addEntry')}
            </Button>
          </div>
          <div class="filters money-filters">
            <SelectField
              label={i18n.m('book.period')}
              options={PERIODS.map((p) => ({ value: p, label: i18n.m(PERIOD_LABEL[p]) }))}
              value={period()}
              onChange={setPeriod}
            />
            <SelectField
              label={i18n.m('book.kindFilter')}
              options={KIND_CHOICES.map((k) => ({
                value: k,
                label:
                  k === 'all'
                    ? i18n.m('book.kindAll')
                    : k === 'receipts'
                      ? i18n.m('book.receipts')
                      : k === 'payments'
                        ? i18n.m('book.payments')
                        : i18n.m(`kind.${k}`),
              }))}
              value={kind()}
              onChange={setKind}
            />
            <Show when={period() === 'custom'}>
              <TextField
                label={i18n.m('book.from')}
                value={from()}
                onChange={setFrom}
                placeholder="01/01/2026"
              />
              <TextField label={i18n.m('book.to')} value={to()} onChange={setTo} placeholder="31/12/2026" />
            </Show>
          </div>
          <div class="money-table-wrap">
            <table class="money-table" data-testid="cash-book">
              <thead>
                <tr>
                  <th scope="col">{i18n.m('book.date')}</th>
                  <th scope="col">{i18n.m('book.what')}</th>
                  <th scope="col" class="num">
                    {i18n.m('book.receipt')}
                  </th>
                  <th scope="col" class="num">
                    {i18n.m('book.payment')}
                  </th>
                  <th scope="col" class="num">
                    {i18n.m('book.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr class="money-opening">
                  <td />
                  <td>{i18n.m('book.opening')}</td>
                  <td />
                  <td />
                  <td class="num">{i18n.dong(cashBook().opening)}</td>
                </tr>
                <For each={cashBook().lines} fallback={<EmptyRow text={i18n.m('book.none')} />}>
                  {(line) => (
                    <tr classList={{ 'money-reversed': line.reversed }}>
                      <td>{i18n.date(line.entry.date)}</td>
                      <td>
                        {what(line.entry)}
                        <Show when={line.reversed}>
                          {' '}
                          <span class="badge badge-muted">{i18n.m('book.reversed')}</span>
                        </Show>
                        <Show when={!line.reversed && line.entry.kind !== 'correction' && book.canEdit()}>
                          <Button
                            variant="quiet"
                            class="line-action"
                            onClick={() => setCorrecting(line.entry)}
                          >
                            {i18n.m('book.correct')}
                          </Button>
                        </Show>
                      </td>
                      <td class="num">{line.change > 0 ? i18n.dong(line.change) : ''}</td>
                      <td class="num">{line.change < 0 ? i18n.dong(-line.change) : ''}</td>
                      <td class="num" classList={{ 'money-negative': line.balance < 0 }}>
                        {i18n.dong(line.balance)}
                      </td>
                    </tr>
                  )}
                </For>
                <tr class="money-closing">
                  <td />
                  <td>{i18n.m('book.closing')}</td>
                  <td />
                  <td />
                  <td class="num" data-testid="cash-book-closing">
                    {i18n.dong(cashBook().closing)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <CorrectionDialog entry={correcting()} onClose={() => setCorrecting(null)} />
          <EntryDialog open={recording()} fundId={f().id} onClose={() => setRecording(false)} />
        </>
      )}
    </Show>
  );
}

function EmptyRow(props: { text: string }): JSX.Element {
  return (
    <tr>
      <td colSpan={5} class="empty">
        {props.text}
      </td>
    </tr>
  );
}

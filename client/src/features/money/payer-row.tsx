import type { IsoDate, MeetingId } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { Button } from '../../ui/button/button';
import { AmountField } from './amount-field';
import { amountText, readAmount } from './amount-input';
import type { Payer } from './meeting-collection';
import { type PayerPayment, paymentAsDue, recordPayment } from './meeting-payments';
import { useMoney } from './money-context';
import { moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/**
 * One member present at the meeting: what they owe today, filled in. "Đã nộp đủ" records exactly that
 * in one tap; "Số khác" opens the parts to change (a partial payment leaves the rest owed); "Ghi lại"
 * reverses what was recorded here for them (a correction, never an erasure) to record it again.
 */
export function PayerRow(props: {
  payer: Payer;
  meeting: { readonly id: MeetingId; readonly date: IsoDate };
  disabled: boolean;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const [editing, setEditing] = createSignal(false);
  const p = () => props.payer;
  const payAsDue = () =>
    moneyFeedback(i18n, recordPayment(book.commands, book.view, p(), paymentAsDue(p()), props.meeting));
  const recordAgain = () => {
    for (const entryId of p().paidEntries) {
      const result = book.commands.reverseEntry({
        entryId,
        date: props.meeting.date,
        note: i18n.m('meeting.undoNote'),
        meetingId: props.meeting.id,
      });
      if (moneyFeedback(i18n, result) !== null) return;
    }
  };
  const parts = () =>
    [
      ...p().loans.flatMap((l) => [
        l.principal > 0 ? i18n.m('meeting.principal', { amount: i18n.dong(l.principal) }) : '',
        l.interest > 0 ? i18n.m('meeting.interest', { amount: i18n.dong(l.interest) }) : '',
        l.penalty > 0 ? i18n.m('meeting.penalty', { amount: i18n.dong(l.penalty) }) : '',
      ]),
      p().dues > 0 ? i18n.m('meeting.dues', { amount: i18n.dong(p().dues) }) : '',
    ].filter((s) => s !== '');
  return (
    <li class="payer-row" classList={{ 'payer-done': p().due === 0 && p().paidHere > 0 }} data-testid="payer">
      <div class="payer-main">
        <span class="payer-name">{p().name}</span>
        <span class="payer-due">
          <Show
            when={p().due > 0}
            fallback={<Show when={p().paidHere === 0}>{i18n.m('meeting.dueNothing')}</Show>}
          >
            <strong class="money-amount">{i18n.dong(p().due)}</strong>
            <span class="muted"> · {parts().join(' · ')}</span>
          </Show>
        </span>
        <Show when={p().paidHere > 0}>
          <span class="ok-text payer-paid" data-testid="payer-paid">
            {i18n.m('meeting.paid', { amount: i18n.dong(p().paidHere) })}
          </span>
        </Show>
      </div>
      <div class="payer-actions">
        <Show when={p().due > 0}>
          <Button
            variant="primary"
            onClick={payAsDue}
            disabled={props.disabled}
            aria-label={i18n.m('meeting.paidAsDueFor', { name: p().name })}
          >
            {i18n.m('meeting.paidAsDue')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => setEditing(!editing())}
            disabled={props.disabled}
            aria-label={i18n.m('meeting.changeFor', { name: p().name })}
            aria-expanded={editing()}
          >
            {i18n.m('meeting.change')}
          </Button>
        </Show>
        <Show when={p().paidHere > 0}>
          <Button
            variant="quiet"
            onClick={recordAgain}
            disabled={props.disabled}
            aria-label={i18n.m('meeting.undoPaidFor', { name: p().name })}
          >
            {i18n.m('meeting.undoPaid')}
          </Button>
        </Show>
      </div>
      <Show when={editing() && p().due > 0}>
        <PayerEditor payer={p()} meeting={props.meeting} onDone={() => setEditing(false)} />
      </Show>
    </li>
  );
}

type PartKey = `${number}.${'principal' | 'interest' | 'penalty'}` | 'dues';

function PayerEditor(props: {
  payer: Payer;
  meeting: { readonly id: MeetingId; readonly date: IsoDate };
  onDone: () => void;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const initial: Record<string, string> = { dues: amountText(props.payer.dues) };
  props.payer.loans.forEach((l, i) => {
    initial[`${i}.principal`] = amountText(l.principal);
    initial[`${i}.interest`] = amountText(l.interest);
    initial[`${i}.penalty`] = amountText(l.penalty);
  });
  const [texts, setTexts] = createSignal<Record<string, string>>(initial);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const field = (key: PartKey, label: string) => (
    <AmountField
      label={label}
      value={texts()[key] ?? ''}
      onChange={(text) => setTexts({ ...texts(), [key]: text })}
      error={errors()[key]}
    />
  );
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const read = (key: string) => {
      const reading = readAmount(texts()[key] ?? '', { zero: true });
      if (reading.ok) return reading.value;
      found[key] = i18n.m(reading.message, reading.args);
      return 0;
    };
    const payment: PayerPayment = {
      loans: props.payer.loans.map((l, i) => {
        const principal = read(`${i}.principal`);
        // Principal beyond the loan's outstanding is refused by the model; say so here, with the figure.
        return {
          loanId: l.loanId,
          principal,
          interest: read(`${i}.interest`),
          penalty: read(`${i}.penalty`),
        };
      }),
      dues: read('dues'),
    };
    if (Object.keys(found).length > 0) return setErrors(found);
    const fields = moneyFeedback(
      i18n,
      recordPayment(book.commands, book.view, props.payer, payment, props.meeting),
    );
    if (fields === null) return props.onDone();
    const messages: Record<string, string> = {};
    for (const key of Object.keys(fields)) messages[`0.${key}`] = i18n.m('field.numberRange');
    setErrors(messages);
  };
  return (
    <form class="form payer-editor" onSubmit={save} novalidate>
      <p class="muted">{i18n.m('meeting.partHint')}</p>
      <For each={props.payer.loans}>
        {(loan, i) => (
          <fieldset class="payer-loan">
            <legend>
              {i18n.m('meeting.loanLine', { amount: i18n.dong(loan.amount), date: i18n.date(loan.startOn) })}
            </legend>
            <div class="form-grid">
              {field(`${i()}.principal`, i18n.m('repay.principal'))}
              {field(`${i()}.interest`, i18n.m('repay.interest'))}
              <Show when={loan.penalty > 0}>{field(`${i()}.penalty`, i18n.m('repay.penalty'))}</Show>
            </div>
          </fieldset>
        )}
      </For>
      <Show when={props.payer.dues > 0}>{field('dues', i18n.m('meeting.duesLine'))}</Show>
      <div class="form-actions">
        <Button variant="quiet" onClick={props.onDone}>
          {i18n.t('app.cancel')}
        </Button>
        <Button variant="primary" type="submit">
          {i18n.m('meeting.save')}
        </Button>
      </div>
    </form>
  );
}

import type { IsoDate, LoanState, MeetingId } from '@chungtay/model';
import { createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { AmountField } from './amount-field';
import { amountText, readAmount } from './amount-input';
import { useMoney } from './money-context';
import { fieldText, moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

type Part = 'principal' | 'interest' | 'penalty';

/**
 * A repayment (outside a meeting, or a different amount at one): principal, interest and penalty filled
 * in with what is due, each changeable, a partial payment allowed. Principal beyond what is still owed
 * is refused here with the amount owed, before the model refuses it.
 */
export function RepaymentForm(props: {
  state: LoanState;
  meetingId?: MeetingId | null;
  date?: IsoDate;
  onDone: () => void;
  onCancel?: () => void;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const due = props.state.due;
  const [texts, setTexts] = createSignal<Record<Part, string>>({
    principal: amountText(due.principal),
    interest: amountText(due.interest),
    penalty: amountText(due.penalty),
  });
  const [date, setDate] = createSignal(formatDate(props.date ?? club.today()));
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const set = (part: Part) => (text: string) => setTexts({ ...texts(), [part]: text });
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const values: Record<Part, number> = { principal: 0, interest: 0, penalty: 0 };
    for (const part of ['principal', 'interest', 'penalty'] as const) {
      const reading = readAmount(texts()[part], { zero: true });
      if (reading.ok) values[part] = reading.value;
      else found[part] = i18n.m(reading.message, reading.args);
    }
    if (found.principal === undefined && values.principal > props.state.outstanding)
      found.principal = i18n.m('repay.tooMuch', { amount: i18n.dong(props.state.outstanding) });
    if (Object.keys(found).length === 0 && values.principal + values.interest + values.penalty === 0)
      found.principal = i18n.m('repay.nothing');
    const iso = props.date ?? (parseDisplayDate(date()) as IsoDate | null);
    if (iso === null) found.date = i18n.m('field.date');
    if (Object.keys(found).length > 0 || iso === null) return setErrors(found);
    const result = book.commands.recordRepayment({
      loanId: props.state.loan.id,
      ...values,
      date: iso,
      meetingId: props.meetingId ?? null,
      note: note(),
    });
    const fields = moneyFeedback(i18n, result, i18n.m('repay.saved'));
    if (fields === null) return props.onDone();
    const messages: Record<string, string> = {};
    for (const field of Object.keys(fields)) messages[field] = fieldText(i18n, fields, field) ?? '';
    setErrors(messages);
  };
  return (
    <form class="form repayment-form" onSubmit={save} novalidate>
      <p class="muted">{i18n.m('repay.prefill')}</p>
      <div class="form-grid">
        <AmountField
          label={i18n.m('repay.principal')}
          value={texts().principal}
          onChange={set('principal')}
          error={errors().principal}
        />
        <AmountField
          label={i18n.m('repay.interest')}
          value={texts().interest}
          onChange={set('interest')}
          error={errors().interest}
        />
        <Show when={due.penalty > 0 || texts().penalty !== ''}>
          <AmountField
            label={i18n.m('repay.penalty')}
            value={texts().penalty}
            onChange={set('penalty')}
            error={errors().penalty}
          />
        </Show>
        <Show when={props.date === undefined}>
          <TextField label={i18n.m('repay.date')} value={date()} onChange={setDate} error={errors().date} />
        </Show>
      </div>
      <TextField label={i18n.m('repay.note')} value={note()} onChange={setNote} error={errors().note} />
      <div class="form-actions">
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button variant="quiet" onClick={cancel()}>
              {i18n.t('app.cancel')}
            </Button>
          )}
        </Show>
        <Button variant="primary" type="submit" disabled={!book.canEdit()}>
          {i18n.m('meeting.save')}
        </Button>
      </div>
    </form>
  );
}

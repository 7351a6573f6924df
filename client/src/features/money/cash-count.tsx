import type { IsoDate, MeetingId } from '@chungtay/model';
import { createSignal, type JSX, Match, Switch } from 'solid-js';
import { Button } from '../../ui/button/button';
import { AmountField } from './amount-field';
import { readAmount } from './amount-input';
import { countFund } from './meeting-payments';
import { useMoney } from './money-context';
import { moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/**
 * The cash count at the end of the meeting (kiểm quỹ): the cash counted against what the book says the
 * meeting brought in. A match is one tap; a difference is recorded in the book (a shortfall as an
 * expense, a surplus as a receipt, each saying so), after which the book and the box agree.
 */
export function CashCount(props: {
  meeting: { readonly id: MeetingId; readonly date: IsoDate };
  expected: number;
  disabled: boolean;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const book = useMoney();
  const [counted, setCounted] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [outcome, setOutcome] = createSignal<{ kind: 'ok' | 'short' | 'over'; amount: number } | null>(null);
  const record = (event: SubmitEvent) => {
    event.preventDefault();
    const reading = readAmount(counted(), { zero: true });
    if (!reading.ok) return setError(i18n.m(reading.message, reading.args));
    setError(undefined);
    const difference = reading.value - props.expected;
    if (difference === 0) return setOutcome({ kind: 'ok', amount: 0 });
    const note = i18n.m(difference < 0 ? 'meeting.shortNote' : 'meeting.overNote', {
      date: i18n.date(props.meeting.date),
    });
    const result = book.commands.recordEntry({
      fundId: countFund(book.view, props.meeting.id),
      kind: difference < 0 ? 'expense' : 'donation',
      amount: Math.abs(difference),
      date: props.meeting.date,
      meetingId: props.meeting.id,
      note,
    });
    if (moneyFeedback(i18n, result) === null) {
      setOutcome({ kind: difference < 0 ? 'short' : 'over', amount: Math.abs(difference) });
      setCounted('');
    }
  };
  return (
    <section class="card cash-count" aria-labelledby="cash-count-title" data-testid="cash-count">
      <h2 id="cash-count-title">{i18n.m('meeting.countTitle')}</h2>
      <p>{i18n.m('meeting.countExpected', { amount: i18n.dong(props.expected) })}</p>
      <Button
        variant="primary"
        onClick={() => setOutcome({ kind: 'ok', amount: 0 })}
        disabled={props.disabled}
      >
        {i18n.m('meeting.countMatches', { amount: i18n.dong(props.expected) })}
      </Button>
      <form class="form cash-count-form" onSubmit={record} novalidate>
        <AmountField
          label={i18n.m('meeting.counted')}
          value={counted()}
          onChange={setCounted}
          error={error()}
        />
        <Button variant="secondary" type="submit" class="cash-count-save" disabled={props.disabled}>
          {i18n.m('meeting.countSave')}
        </Button>
      </form>
      <p role="status" data-testid="cash-count-outcome">
        <Switch>
          <Match when={outcome()?.kind === 'ok'}>
            <span class="ok-text">{i18n.m('meeting.countOk')}</span>
          </Match>
          <Match when={outcome()?.kind === 'short'}>
            <span class="warning-text">
              {i18n.m('meeting.countShort', { amount: i18n.dong(outcome()?.amount ?? 0) })}
            </span>
          </Match>
          <Match when={outcome()?.kind === 'over'}>
            <span class="warning-text">
              {i18n.m('meeting.countOver', { amount: i18n.dong(outcome()?.amount ?? 0) })}
            </span>
          </Match>
        </Switch>
      </p>
    </section>
  );
}

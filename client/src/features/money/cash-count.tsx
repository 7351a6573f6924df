import { getCashCountDifference, type IsoDate, type MeetingId } from '@chungtay/model';
import { createMemo, createSignal, type JSX, Match, Show, Switch } from 'solid-js';
import { Button } from '../../ui/button/button';
import { AmountField } from './amount-field';
import { readAmount } from './amount-input';
import { countFund } from './meeting-payments';
import { useMoney } from './money-context';
import { moneyFeedback } from './money-feedback';
import { useMoneyI18n } from './money-i18n';

/**
 * The cash count at the end of the meeting (kiểm quỹ): the cash counted against what the book says the
 * meeting brought in. A match is one tap and writes nothing; a difference is recorded by the model's
 * recordCashCount as an entry of its own kind (thiếu / thừa khi kiểm quỹ) in the fund that took most,
 * linked to the meeting, so the cash book and the minutes show it and the book agrees with the box.
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
  // What the book holds for this meeting's counts, on every tablet and after reopening.
  const recorded = createMemo(() => getCashCountDifference(book.view, props.meeting.id, book.index()));
  const record = (event: SubmitEvent) => {
    event.preventDefault();
    const reading = readAmount(counted(), { zero: true });
    if (!reading.ok) return setError(i18n.m(reading.message, reading.args));
    setError(undefined);
    const expected = props.expected;
    const result = book.commands.recordCashCount({
      fundId: countFund(book.view, props.meeting.id),
      meetingId: props.meeting.id,
      date: props.meeting.date,
      expected,
      counted: reading.value,
      note: i18n.m('meeting.countNote', {
        date: i18n.date(props.meeting.date),
        counted: i18n.dong(reading.value),
        expected: i18n.dong(expected),
      }),
    });
    if (moneyFeedback(i18n, result) !== null) return;
    const difference = reading.value - expected;
    setOutcome({
      kind: difference === 0 ? 'ok' : difference < 0 ? 'short' : 'over',
      amount: Math.abs(difference),
    });
    setCounted('');
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
      <Show when={recorded()}>
        {(difference) => (
          <p data-testid="cash-count-recorded">
            {i18n.m('meeting.countRecorded', {
              amount: `${i18n.m(difference() < 0 ? 'kind.cashShort' : 'kind.cashOver')} ${i18n.dong(Math.abs(difference()))}`,
            })}
          </p>
        )}
      </Show>
    </section>
  );
}

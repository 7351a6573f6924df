import type { Entry, MeetingMoney } from '@chungtay/model';
import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { useMoneyI18n } from '../money/money-i18n';

/** One printed or listed line of the meeting's money: what the minutes show of a book entry. */
export interface MinutesMoneyLine {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly amount: number;
  readonly reversed: boolean;
}

/**
 * The meeting's money as the minutes show it: the book's entries recorded at this meeting, labelled.
 * Corrections are left out (they are the book's business) but what they cancelled is marked.
 */
export function meetingMoneyLines(
  money: MeetingMoney,
  kindLabel: (kind: Entry['kind']) => string,
  nameOf: (memberId: string | null) => string,
): MinutesMoneyLine[] {
  return money.entries
    .filter((e) => e.kind !== 'correction')
    .map((e) => ({
      id: e.id,
      kind: kindLabel(e.kind),
      name: nameOf(e.memberId),
      amount: e.amount,
      reversed: money.reversed.has(e.id),
    }));
}

/**
 * "Money received" in the minutes, read-only: the treasurer records it in the money book (the meeting-day
 * screen, linked here), so the minutes never keep a second list that could disagree with the book.
 * Only shown on committee tablets: the book is private and a viewer tablet never opens it.
 */
export function MinutesMoneySection(props: {
  clubId: string;
  meetingId: string;
  money: MeetingMoney | undefined;
  nameOf: (memberId: string | null) => string;
}): JSX.Element {
  const i18n = useMoneyI18n();
  const lines = () =>
    props.money ? meetingMoneyLines(props.money, (k) => i18n.m(`kind.${k}`), props.nameOf) : [];
  return (
    <section class="minutes-section" aria-labelledby="minutes-money" data-testid="minutes-money">
      <h2 id="minutes-money">{i18n.t('minutes.money')}</h2>
      <Show when={props.money} fallback={<p class="loading">{i18n.m('minutes.opening')}</p>}>
        {(money) => (
          <>
            <p class="muted">{i18n.m('minutes.fromBook')}</p>
            <Show when={lines().length > 0} fallback={<p class="empty">{i18n.m('minutes.empty')}</p>}>
              <ul class="minutes-records">
                <For each={lines()}>
                  {(line) => (
                    <li class="card" data-testid="money-entry" classList={{ reversed: line.reversed }}>
                      <span>{line.kind}</span>
                      <Show when={line.name}>
                        <span> · {line.name}</span>
                      </Show>
                      <span> · </span>
                      <Show when={line.reversed} fallback={<strong>{i18n.dong(line.amount)}</strong>}>
                        <s>{i18n.dong(line.amount)}</s> ({i18n.m('minutes.reversed')})
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <p class="money-total" data-testid="money-total">
              {i18n.m('minutes.received', { amount: i18n.dong(money().received) })}
              <Show when={money().paid > 0}>
                {' '}
                · {i18n.m('minutes.paid', { amount: i18n.dong(money().paid) })}
              </Show>
            </p>
          </>
        )}
      </Show>
      <A
        href={`/club/${props.clubId}/money/meeting/${encodeURIComponent(props.meetingId)}`}
        class="btn btn-secondary no-print"
      >
        {i18n.m('minutes.openBook')}
      </A>
    </section>
  );
}

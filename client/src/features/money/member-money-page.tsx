import { getMemberPosition, type IsoDate, type MemberId } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { ScheduleTable } from './schedule-table';

/** One member's money: their loans with schedule and history, dues paid and owed, what they contributed. */
export default function MemberMoneyPage(props: { memberId: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  // The money section reads the id from the path (money-routes.ts) and passes it in.
  const params = props;
  const member = () => club.club.members.find((m) => m.id === params.memberId);
  const position = createMemo(() => {
    const m = member();
    return m === undefined
      ? null
      : getMemberPosition(
          book.view,
          { id: m.id, joinedOn: m.joinedOn, left: m.left },
          club.today() as IsoDate,
          book.loanStates(club.today() as IsoDate),
        );
  });
  const historyOf = (loanId: string) => book.view.entries.filter((e) => e.loanId === loanId);
  const duesPaid = createMemo(() =>
    book.view.entries.filter((e) => e.kind === 'dues' && e.memberId === (params.memberId as MemberId)),
  );
  return (
    <Show when={member() && position()} fallback={<p class="empty">{i18n.m('field.notFound')}</p>}>
      <A href={`/club/${club.clubId}/members/${params.memberId}`} class="btn btn-quiet">
        ← {member()?.fullName}
      </A>
      <h1>{i18n.m('member.title', { name: member()?.fullName ?? '' })}</h1>
      <dl class="card detail-list">
        <div class="detail-row">
          <dt>{i18n.m('loans.outstanding')}</dt>
          <dd class="money-amount">{i18n.dong(position()?.outstanding ?? 0)}</dd>
        </div>
        <div class="detail-row">
          <dt>{i18n.m('loan.dueNow')}</dt>
          <dd class="money-amount">{i18n.dong(position()?.dueNow ?? 0)}</dd>
        </div>
        <Show when={book.view.rules.duesAmount > 0}>
          <div class="detail-row">
            <dt>{i18n.m('member.dues')}</dt>
            <dd data-testid="member-dues">
              {i18n.m('member.duesValue', {
                paid: i18n.dong(position()?.dues.paid ?? 0),
                owed: i18n.dong(position()?.dues.owed ?? 0),
                behind: i18n.dong(position()?.dues.behind ?? 0),
              })}
            </dd>
          </div>
        </Show>
        <div class="detail-row">
          <dt>{i18n.m('member.contributed')}</dt>
          <dd class="money-amount">{i18n.dong(position()?.contributed ?? 0)}</dd>
        </div>
      </dl>
      <div class="page-title-row">
        <h2>{i18n.m('loans.title')}</h2>
        <A href={`/club/${club.clubId}/money/loans/new?member=${params.memberId}`} class="btn btn-secondary">
          {i18n.m('loans.new')}
        </A>
      </div>
      <For each={position()?.loans ?? []} fallback={<p class="empty">{i18n.m('loans.none')}</p>}>
        {(state) => (
          <article class="card member-loan">
            <h3>
              <A href={`/club/${club.clubId}/money/loans/${state.loan.id}`}>
                {i18n.m('meeting.loanLine', {
                  amount: i18n.dong(state.loan.amount),
                  date: i18n.date(state.loan.startOn),
                })}
              </A>{' '}
              <span class={`badge loan-status loan-status-${state.status}`}>
                {i18n.m(`status.${state.status}`)}
              </span>
            </h3>
            <ScheduleTable schedule={state.schedule} caption={i18n.m('loan.schedule')} />
            <ul class="plain-list">
              <For
                each={historyOf(state.loan.id)}
                fallback={<li class="muted">{i18n.m('loan.noHistory')}</li>}
              >
                {(entry) => (
                  <li class="history-row">
                    <span>{i18n.date(entry.date)}</span>
                    <span>{i18n.m(`kind.${entry.kind}`)}</span>
                    <span class="money-amount">{i18n.dong(entry.amount)}</span>
                  </li>
                )}
              </For>
            </ul>
          </article>
        )}
      </For>
      <Show when={duesPaid().length > 0}>
        <h2>{i18n.m('member.duesHistory')}</h2>
        <ul class="plain-list">
          <For each={duesPaid()}>
            {(entry) => (
              <li class="history-row">
                <span>{i18n.date(entry.date)}</span>
                <span>{i18n.m('kind.dues')}</span>
                <span class="money-amount">{i18n.dong(entry.amount)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Show>
  );
}

import type { IsoDate, LoanState } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { memberNames } from './money-members';

const RUNNING: readonly LoanState['status'][] = ['current', 'overdue'];

/** The loans (sổ cho vay): who, how much, what is due now; overdue first, the most days late on top. */
export default function LoansPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const [showClosed, setShowClosed] = createSignal(false);
  const names = createMemo(() => memberNames(club.club));
  const loans = createMemo(() =>
    book.loanStates(club.today() as IsoDate).filter((s) => showClosed() || RUNNING.includes(s.status)),
  );
  return (
    <>
      <div class="page-title-row">
        <h1>{i18n.m('loans.title')}</h1>
        <A href={`/club/${club.clubId}/money/loans/new`} class="btn btn-primary">
          {i18n.m('loans.new')}
        </A>
        <A href={`/club/${club.clubId}/money/loans/overdue`} class="btn btn-secondary">
          {i18n.m('loans.printOverdue')}
        </A>
      </div>
      <CheckboxField label={i18n.m('loans.showClosed')} checked={showClosed()} onChange={setShowClosed} />
      <ul class="plain-list loan-list" aria-label={i18n.m('loans.title')}>
        <For each={loans()} fallback={<li class="empty">{i18n.m('loans.none')}</li>}>
          {(state) => (
            <li>
              <A
                href={`/club/${club.clubId}/money/loans/${state.loan.id}`}
                class="card loan-row"
                classList={{ 'loan-overdue': state.status === 'overdue' }}
                data-testid="loan-row"
              >
                <span class="loan-who">
                  <strong>{names().get(state.loan.memberId) ?? i18n.m('loans.memberGone')}</strong>
                  <span class="muted">
                    {i18n.m('loans.amount')}: {i18n.dong(state.loan.amount)} · {i18n.date(state.loan.startOn)}
                  </span>
                </span>
                <span class="loan-figures">
                  <span>
                    {i18n.m('loans.outstanding')}:{' '}
                    <strong class="money-amount">{i18n.dong(state.outstanding)}</strong>
                  </span>
                  <Show
                    when={state.due.total > 0}
                    fallback={
                      <Show when={state.next}>
                        {(next) => (
                          <span class="muted">
                            {i18n.m('loans.next', {
                              date: i18n.date(next().dueOn),
                              amount: i18n.dong(next().principal + next().interest),
                            })}
                          </span>
                        )}
                      </Show>
                    }
                  >
                    <span>
                      {i18n.m('loans.due')}:{' '}
                      <strong class="money-amount">{i18n.dong(state.due.total)}</strong>
                    </span>
                  </Show>
                </span>
                <span class={`badge loan-status loan-status-${state.status}`}>
                  {state.status === 'overdue'
                    ? i18n.m('loans.overdueDays', { days: state.daysOverdue })
                    : i18n.m(`status.${state.status}`)}
                </span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

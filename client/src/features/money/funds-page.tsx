import { getFundBalances, type IsoDate } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { DuplicatesPanel } from './duplicates-panel';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';

/** "Quỹ": each fund's cash, what is lent out of it and its size against the club's target. */
export default function FundsPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const balances = createMemo(() =>
    getFundBalances(book.view, club.today() as IsoDate, book.loanStates(club.today() as IsoDate)).filter(
      (b) => !b.fund.retired,
    ),
  );
  return (
    <>
      <div class="page-title-row">
        <h1>{i18n.m('title')}</h1>
        <A href={`/club/${club.clubId}/money/loans/new`} class="btn btn-primary">
          {i18n.m('loans.new')}
        </A>
      </div>
      <DuplicatesPanel />
      <ul class="fund-cards">
        <For each={balances()}>
          {(b) => (
            <li class="card fund-card" data-testid={`fund-${b.fund.id}`}>
              <h2>{fundName(i18n, b.fund)}</h2>
              <dl class="fund-figures">
                <div>
                  <dt>{i18n.m('funds.cash')}</dt>
                  <dd
                    class="money-amount"
                    classList={{ 'money-negative': b.cash < 0 }}
                    data-testid="fund-cash"
                  >
                    {i18n.dong(b.cash)}
                  </dd>
                </div>
                <Show when={b.lent > 0 || b.fund.kind === 'income'}>
                  <div>
                    <dt>{i18n.m('funds.lent')}</dt>
                    <dd class="money-amount">{i18n.dong(b.lent)}</dd>
                  </div>
                  <div>
                    <dt>{i18n.m('funds.size')}</dt>
                    <dd class="money-amount">{i18n.dong(b.size)}</dd>
                  </div>
                </Show>
              </dl>
              <Show when={b.target > 0}>
                <p classList={{ 'ok-text': b.meetsTarget, 'warning-text': !b.meetsTarget }}>
                  {i18n.m('funds.target', { target: i18n.dong(b.target) })} ·{' '}
                  {b.meetsTarget ? i18n.m('funds.meetsTarget') : i18n.m('funds.belowTarget')}
                </p>
              </Show>
              <Show when={b.cash < 0}>
                <p class="warning-text" role="status">
                  {i18n.m('funds.negative')}
                </p>
              </Show>
              <A href={`/club/${club.clubId}/money/funds/${b.fund.id}`} class="btn btn-secondary">
                {i18n.m('funds.openBook')}
              </A>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

import { getMoneyIndicators, type IsoDate, type MoneyShare } from '@chungtay/model';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { fundName } from './fund-name';
import { useMoney } from './money-context';
import { type MoneyKey, useMoneyI18n } from './money-i18n';
import { moneyMembers } from './money-members';

/**
 * The money indicators the club is judged on: members who ever borrowed and who borrow now against the
 * target, each fund's size against its target, overdue loans by age, dues paid against the target.
 */
export default function MoneyIndicatorsPage(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  const indicators = createMemo(() =>
    getMoneyIndicators(
      book.view,
      moneyMembers(club.club),
      club.today() as IsoDate,
      book.loanStates(club.today() as IsoDate),
    ),
  );
  const shareCard = (label: MoneyKey, share: MoneyShare, testId: string) => (
    <div
      class={`card indicator ${share.meetsTarget ? 'indicator-within' : 'indicator-below'}`}
      data-testid={testId}
    >
      <span class="indicator-label">{i18n.m(label)}</span>
      <span class="indicator-value">{i18n.percent(share.percent)}</span>
      <span class="muted">
        {i18n.m('indicators.count', { count: share.count, of: share.of })} ·{' '}
        {i18n.m('indicators.target', { target: i18n.percent(share.target) })}
      </span>
      <span class={`status-text ${share.meetsTarget ? 'status-within' : 'status-below'}`}>
        {share.meetsTarget ? i18n.m('funds.meetsTarget') : i18n.m('funds.belowTarget')}
      </span>
    </div>
  );
  return (
    <>
      <h1>{i18n.m('indicators.title')}</h1>
      <div class="indicator-grid">
        {shareCard('indicators.everBorrowed', indicators().everBorrowed, 'indicator-ever-borrowed')}
        {shareCard('indicators.borrowingNow', indicators().borrowingNow, 'indicator-borrowing-now')}
        <Show when={indicators().duesPaid}>
          {(dues) => shareCard('indicators.duesPaid', dues(), 'indicator-dues-paid')}
        </Show>
      </div>
      <h2>{i18n.m('indicators.fundSizes')}</h2>
      <div class="indicator-grid">
        <For each={indicators().funds.filter((f) => !f.fund.retired)}>
          {(f) => (
            <div class={`card indicator ${f.meetsTarget ? 'indicator-within' : 'indicator-below'}`}>
              <span class="indicator-label">{fundName(i18n, f.fund)}</span>
              <span class="indicator-value money-amount">{i18n.dong(f.size)}</span>
              <span class="muted">
                {f.target > 0
                  ? i18n.m('funds.target', { target: i18n.dong(f.target) })
                  : i18n.m('indicators.noTarget')}
              </span>
            </div>
          )}
        </For>
      </div>
      <h2>{i18n.m('indicators.overdue')}</h2>
      <div class="money-table-wrap">
        <table class="money-table" data-testid="overdue-ages">
          <thead>
            <tr>
              <th scope="col">{i18n.m('indicators.age')}</th>
              <th scope="col" class="num">
                {i18n.m('indicators.loans')}
              </th>
              <th scope="col" class="num">
                {i18n.m('indicators.overdueAmount')}
              </th>
              <th scope="col" class="num">
                {i18n.m('loans.outstanding')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={indicators().overdue}>
              {(bucket) => (
                <tr>
                  <td>
                    {i18n.m(
                      `indicators.age${bucket.age === '1-30' ? '1' : bucket.age === '31-90' ? '31' : '91'}`,
                    )}
                  </td>
                  <td class="num">{bucket.loans}</td>
                  <td class="num">{i18n.dong(bucket.overdue)}</td>
                  <td class="num">{i18n.dong(bucket.outstanding)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

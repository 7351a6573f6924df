import type { Instalment } from '@chungtay/model';
import { For, type JSX } from 'solid-js';
import { useMoneyI18n } from './money-i18n';

/** A loan's repayment schedule (lịch trả nợ): the plan shown before saving, on the loan and in print. */
export function ScheduleTable(props: { schedule: readonly Instalment[]; caption: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const sum = (pick: (i: Instalment) => number) => props.schedule.reduce((total, i) => total + pick(i), 0);
  return (
    <div class="money-table-wrap">
      <table class="money-table" data-testid="schedule">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.m('schedule.number')}</th>
            <th scope="col">{i18n.m('schedule.dueOn')}</th>
            <th scope="col" class="num">
              {i18n.m('schedule.principal')}
            </th>
            <th scope="col" class="num">
              {i18n.m('schedule.interest')}
            </th>
            <th scope="col" class="num">
              {i18n.m('schedule.total')}
            </th>
            <th scope="col" class="num">
              {i18n.m('schedule.balanceAfter')}
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.schedule}>
            {(row) => (
              <tr>
                <td>{row.number}</td>
                <td>{i18n.date(row.dueOn)}</td>
                <td class="num">{i18n.dong(row.principal)}</td>
                <td class="num">{i18n.dong(row.interest)}</td>
                <td class="num">{i18n.dong(row.total)}</td>
                <td class="num">{i18n.dong(row.balanceAfter)}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {i18n.m('schedule.sum')}
            </th>
            <td class="num">{i18n.dong(sum((i) => i.principal))}</td>
            <td class="num">{i18n.dong(sum((i) => i.interest))}</td>
            <td class="num">{i18n.dong(sum((i) => i.total))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

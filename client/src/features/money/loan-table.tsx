import type { LoanState } from '@chungtay/model';
import { For, type JSX, Show } from 'solid-js';
import type { MoneyI18n } from './money-i18n';

/** One column of a printed list of loans: its heading, its cell, and its total in the footer if it has one. */
export interface LoanColumn {
  readonly header: string;
  readonly cell: (state: LoanState, index: number) => JSX.Element;
  /** Right-aligned figures (đồng, days). */
  readonly numeric?: boolean;
  /** Summed over the rows into the footer, in đồng. */
  readonly total?: (state: LoanState) => number;
  readonly totalTestId?: string;
}

/**
 * The table the loan ledger and the list of overdue loans print: numbered rows of loans and a footer
 * "Cộng" under the columns that add up. Each sheet says which columns it shows.
 */
export function LoanTable(props: {
  i18n: MoneyI18n;
  states: readonly LoanState[];
  columns: readonly LoanColumn[];
  class?: string;
  rowTestId?: string;
}): JSX.Element {
  // "Cộng" spans the columns before the first one that adds up.
  const labelSpan = () =>
    Math.max(
      1,
      props.columns.findIndex((c) => c.total !== undefined),
    );
  const sum = (pick: (s: LoanState) => number) => props.states.reduce((total, s) => total + pick(s), 0);
  return (
    <table class={`ledger-table ${props.class ?? ''}`}>
      <thead>
        <tr>
          <For each={props.columns}>{(column) => <th>{column.header}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.states}>
          {(state, index) => (
            <tr data-testid={props.rowTestId}>
              <For each={props.columns}>
                {(column) => (
                  <td classList={{ num: column.numeric === true }}>{column.cell(state, index())}</td>
                )}
              </For>
            </tr>
          )}
        </For>
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={labelSpan()}>{props.i18n.m('schedule.sum')}</th>
          <For each={props.columns.slice(labelSpan())}>
            {(column) => (
              <Show when={column.total} fallback={<td />}>
                {(total) => (
                  <td class="num" data-testid={column.totalTestId}>
                    {props.i18n.dong(sum(total()))}
                  </td>
                )}
              </Show>
            )}
          </For>
        </tr>
      </tfoot>
    </table>
  );
}

/** The columns every loan list starts with: number, borrower, payout date, amount lent (summed). */
export function loanColumns(i18n: MoneyI18n, names: () => ReadonlyMap<string, string>): LoanColumn[] {
  return [
    { header: i18n.m('print.no'), cell: (_s, i) => i + 1, numeric: true },
    {
      header: i18n.m('print.name'),
      cell: (s) => names().get(s.loan.memberId) ?? i18n.m('loans.memberGone'),
    },
    { header: i18n.m('print.startOn'), cell: (s) => i18n.date(s.loan.startOn) },
    {
      header: i18n.m('print.amount'),
      cell: (s) => i18n.dong(s.loan.amount),
      numeric: true,
      total: (s) => s.loan.amount,
    },
  ];
}

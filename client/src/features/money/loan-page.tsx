import type { Entry, IsoDate } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { rateText } from './amount-input';
import { CorrectionDialog } from './correction-dialog';
import { LoanHistory } from './loan-history';
import { useMoney } from './money-context';
import { useMoneyI18n } from './money-i18n';
import { RepaymentForm } from './repayment-form';
import { ScheduleTable } from './schedule-table';

/** One loan: its terms, where it stands today, its schedule and its history; repay or correct from here. */
export default function LoanPage(props: { loanId: string }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const book = useMoney();
  // The money section reads the id from the path (money-routes.ts) and passes it in.
  const params = props;
  const [repaying, setRepaying] = createSignal(false);
  const [correcting, setCorrecting] = createSignal<Entry | null>(null);
  const state = createMemo(() =>
    book.loanStates(club.today() as IsoDate).find((s) => s.loan.id === params.loanId),
  );
  const name = (id: string) =>
    club.club.members.find((m) => m.id === id)?.fullName ?? i18n.m('loans.memberGone');
  const history = createMemo(() => {
    const entries = book.view.entries.filter((e) => e.loanId === params.loanId);
    const reversed = new Set(entries.filter((e) => e.kind === 'correction').map((e) => e.reverses));
    return entries.map((entry) => ({ entry, reversed: reversed.has(entry.id) }));
  });
  return (
    <Show when={state()} fallback={<p class="empty">{i18n.m('field.notFound')}</p>}>
      {(s) => (
        <>
          <A href={`/club/${club.clubId}/money/loans`} class="btn btn-quiet">
            ← {i18n.m('loan.back')}
          </A>
          <div class="page-title-row">
            <h1>{i18n.m('loan.title', { name: name(s().loan.memberId) })}</h1>
            <Show when={s().status === 'current' || s().status === 'overdue'}>
              <Button variant="primary" onClick={() => setRepaying(true)} disabled={!book.canEdit()}>
                {i18n.m('loan.repay')}
              </Button>
            </Show>
          </div>
          <A href={`/club/${club.clubId}/money/members/${s().loan.memberId}`} class="btn btn-quiet">
            {i18n.m('member.link')}: {name(s().loan.memberId)}
          </A>
          <p class="lead">
            {i18n.m('loan.terms', {
              amount: i18n.dong(s().loan.amount),
              rate: rateText(s().loan.monthlyRateBp),
              term: s().loan.termMonths,
              date: i18n.date(s().loan.startOn),
            })}{' '}
            <span class={`badge loan-status loan-status-${s().status}`} data-testid="loan-status">
              {s().status === 'overdue'
                ? i18n.m('loans.overdueDays', { days: s().daysOverdue })
                : i18n.m(`status.${s().status}`)}
            </span>
          </p>
          <dl class="card detail-list">
            <div class="detail-row">
              <dt>{i18n.m('loan.method')}</dt>
              <dd>
                {i18n.m(`method.${s().loan.method}`)}; {i18n.m(`plan.${s().loan.plan}`)}
              </dd>
            </div>
            <Show when={s().loan.purpose}>
              <div class="detail-row">
                <dt>{i18n.m('loan.purpose')}</dt>
                <dd>{s().loan.purpose}</dd>
              </div>
            </Show>
            <div class="detail-row">
              <dt>{i18n.m('loan.principalPaid')}</dt>
              <dd>{i18n.dong(s().principalPaid)}</dd>
            </div>
            <div class="detail-row">
              <dt>{i18n.m('loan.interestPaid')}</dt>
              <dd>{i18n.dong(s().interestPaid)}</dd>
            </div>
            <div class="detail-row">
              <dt>{i18n.m('loans.outstanding')}</dt>
              <dd class="money-amount" data-testid="loan-outstanding">
                {i18n.dong(s().outstanding)}
              </dd>
            </div>
            <div class="detail-row">
              <dt>{i18n.m('loan.dueNow')}</dt>
              <dd class="money-amount">{i18n.dong(s().due.total)}</dd>
            </div>
          </dl>
          <ScheduleTable schedule={s().schedule} caption={i18n.m('loan.schedule')} />
          <h2>{i18n.m('loan.history')}</h2>
          <ul class="plain-list loan-history" data-testid="loan-history">
            <For each={history()}>
              {(item) => (
                <li class="history-row" classList={{ 'money-reversed': item.reversed }}>
                  <span>{i18n.date(item.entry.date)}</span>
                  <span>
                    {i18n.m(`kind.${item.entry.kind}`)}
                    <Show when={item.entry.note}> · {item.entry.note}</Show>
                    <Show when={item.reversed}>
                      {' '}
                      <span class="badge badge-muted">{i18n.m('book.reversed')}</span>
                    </Show>
                  </span>
                  <span class="money-amount">{i18n.dong(item.entry.amount)}</span>
                  <Show when={!item.reversed && item.entry.kind !== 'correction' && book.canEdit()}>
                    <Button variant="quiet" onClick={() => setCorrecting(item.entry)}>
                      {i18n.m('book.correct')}
                    </Button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <LoanHistory loanId={s().loan.id} />
          <Dialog open={repaying()} onOpenChange={setRepaying} title={i18n.m('repay.title')}>
            <RepaymentForm
              state={s()}
              onDone={() => setRepaying(false)}
              onCancel={() => setRepaying(false)}
            />
          </Dialog>
          <CorrectionDialog entry={correcting()} onClose={() => setCorrecting(null)} />
        </>
      )}
    </Show>
  );
}

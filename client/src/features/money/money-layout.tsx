import { type ClubId, moneyDocName } from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import { createMemo, type JSX, Match, Show, Switch } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { openMoneySession } from '../../data/money/money-session';
import { useScreenSession } from '../../data/session/use-screen-session';
import { Button } from '../../ui/button/button';
import CashBookPage from './cash-book-page';
import CashBookPrintPage from './cash-book-print-page';
import FundsPage from './funds-page';
import LedgerPrintPage from './ledger-print-page';
import LoanPage from './loan-page';
import LoansPage from './loans-page';
import MeetingMoneyPage from './meeting-money-page';
import MemberMoneyPage from './member-money-page';
import { MoneyProvider } from './money-context';
import { useMoneyI18n } from './money-i18n';
import MoneyIndicatorsPage from './money-indicators-page';
import { resolveMoneyRoute } from './money-routes';
import NewLoanPage from './new-loan-page';
import OverduePrintPage from './overdue-print-page';
import RulesPage from './rules-page';
import './money.css';

/**
 * Every money screen (/club/:id/money/…) is this one lazy route, which opens the club's money book once
 * for all of them and picks the screen from the path (money-routes.ts). The book is private like the health records: a tablet holding only a viewer key
 * never opens it (the relay would refuse it with 4403, and its copy must not exist on such a tablet),
 * decided by the same rule as the relay (`ClubSession.canOpen`).
 */
export default function MoneySection(): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const mayOpen = () => club.canOpen(moneyDocName(club.clubId as ClubId));
  return (
    <section class="money" data-testid="money">
      <Show
        when={mayOpen()}
        fallback={
          <>
            <h1>{i18n.m('title')}</h1>
            <p class="card muted" data-testid="money-private">
              {i18n.m('privateOnly')}
            </p>
          </>
        }
      >
        <OpenBook>
          <MoneyScreen />
        </OpenBook>
      </Show>
    </section>
  );
}

function OpenBook(props: { children: JSX.Element }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  // The header's undo acts on the book's rules and funds here; entries are taken back by a correction.
  // The book the summary upkeep already holds open (in idle time after the roster) is reused, not read again.
  const { session, failed, retry } = useScreenSession(() =>
    openMoneySession(club.clubId, club.club.profile.kind, club.author, {
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    }),
  );
  const base = () => `/club/${club.clubId}/money`;
  return (
    <Show
      when={session()}
      fallback={
        <Show when={failed()} fallback={<p class="loading">{i18n.m('opening')}</p>}>
          <div class="card" role="alert">
            <p>{i18n.m('openFailed')}</p>
            <Button onClick={retry}>{i18n.m('retry')}</Button>
          </div>
        </Show>
      }
    >
      {(book) => (
        <MoneyProvider book={book()}>
          <Show when={book().view.readOnly}>
            <div class="banner banner-warning" role="alert">
              {i18n.m('newer')}
            </div>
          </Show>
          <nav class="money-tabs" aria-label={i18n.m('title')}>
            <A href={base()} end class="nav-link">
              {i18n.m('tabs.funds')}
            </A>
            <A href={`${base()}/loans`} class="nav-link">
              {i18n.m('tabs.loans')}
            </A>
            <A href={`${base()}/indicators`} class="nav-link">
              {i18n.m('tabs.indicators')}
            </A>
            <A href={`${base()}/ledger`} class="nav-link">
              {i18n.m('tabs.ledger')}
            </A>
            {/* Changing the rules is the committee's: the tab shows only on a tablet that may edit. */}
            <Show when={book().canEdit()}>
              <A href={`${base()}/rules`} class="nav-link">
                {i18n.m('tabs.rules')}
              </A>
            </Show>
          </nav>
          {props.children}
        </MoneyProvider>
      )}
    </Show>
  );
}

function MoneyScreen(): JSX.Element {
  const i18n = useMoneyI18n();
  const params = useParams<{ rest?: string }>();
  const route = createMemo(() => resolveMoneyRoute(params.rest));
  const id = () => {
    const r = route();
    return 'id' in r ? r.id : '';
  };
  return (
    <Switch fallback={<p class="empty">{i18n.m('field.notFound')}</p>}>
      <Match when={route().page === 'funds'}>
        <FundsPage />
      </Match>
      <Match when={route().page === 'fund'}>
        <CashBookPage fundId={id()} />
      </Match>
      <Match when={route().page === 'fundPrint'}>
        <CashBookPrintPage fundId={id()} />
      </Match>
      <Match when={route().page === 'loans'}>
        <LoansPage />
      </Match>
      <Match when={route().page === 'newLoan'}>
        <NewLoanPage />
      </Match>
      <Match when={route().page === 'loan'}>
        <LoanPage loanId={id()} />
      </Match>
      <Match when={route().page === 'meeting'}>
        <MeetingMoneyPage meetingId={id()} />
      </Match>
      <Match when={route().page === 'member'}>
        <MemberMoneyPage memberId={id()} />
      </Match>
      <Match when={route().page === 'indicators'}>
        <MoneyIndicatorsPage />
      </Match>
      <Match when={route().page === 'ledger'}>
        <LedgerPrintPage />
      </Match>
      <Match when={route().page === 'overdue'}>
        <OverduePrintPage />
      </Match>
      <Match when={route().page === 'rules'}>
        <RulesPage />
      </Match>
    </Switch>
  );
}

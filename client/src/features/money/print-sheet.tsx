import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useMoneyI18n } from './money-i18n';
import './ledger-print.css';

/**
 * An A4 money print in the administrative layout the minutes print with: organisation and national
 * title, place and today's date, the title, the body, the treasurer's and the chair's signature blocks.
 * Shared by the loan ledger and the overdue list so the two sheets the commune sees look alike.
 */
export function PrintSheet(props: { title: string; testId: string; children: JSX.Element }): JSX.Element {
  const i18n = useMoneyI18n();
  const club = useClub();
  const date = () => {
    const [year = '', month = '', day = ''] = club.today().split('-');
    return { year, month, day };
  };
  return (
    <article class="ledger-print" data-testid={props.testId}>
      <header class="ledger-header">
        <div>
          <p class="ledger-org">{club.club.profile.name.toUpperCase()}</p>
          <hr class="ledger-rule" />
        </div>
        <div>
          <p class="ledger-org">{i18n.m('print.nation')}</p>
          <p class="ledger-motto">{i18n.m('print.motto')}</p>
          <hr class="ledger-rule" />
          <p class="ledger-place-date">
            {i18n.m('print.placeDate', { place: club.club.profile.commune || '……', ...date() })}
          </p>
        </div>
      </header>
      <h1 class="ledger-title">{props.title}</h1>
      {props.children}
      <div class="ledger-signatures">
        <div>
          <p class="ledger-sign-title">{i18n.m('print.treasurer')}</p>
          <p class="ledger-sign-hint">{i18n.m('print.signHint')}</p>
        </div>
        <div>
          <p class="ledger-sign-title">{i18n.m('print.chair')}</p>
          <p class="ledger-sign-hint">{i18n.m('print.signHint')}</p>
        </div>
      </div>
    </article>
  );
}

import { listMonthVisits, listPairingVisits, type Visit } from '@chungtay/model';
import { useSearchParams } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { useCare } from './care-context';
import { memberNames } from './care-names';
import './care-print.css';

/**
 * The visit log on A4, in the administrative layout the minutes and the ledger print with: club and
 * national title, place and date, title, the table oldest first, two signature blocks. One pairing's
 * visits (`?pairing=<id>`) or every visit of one month (`?month=yyyy-mm`).
 */
export default function CarePrintPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const [search, setSearch] = useSearchParams<{ pairing?: string; month?: string }>();
  const names = createMemo(() => memberNames(club.club));
  const pairing = createMemo(() => care.view.pairings.find((p) => p.id === search.pairing));
  const thisMonth = () => club.today().slice(0, 7);
  const month = () => (search.month && /^\d{4}-\d{2}$/.test(search.month) ? search.month : thisMonth());
  // Every month with a visit, and this one, newest first.
  const months = createMemo(() =>
    [...new Set([thisMonth(), ...care.view.visits.map((v) => v.date.slice(0, 7))])].sort().reverse(),
  );
  const pairingOf = (visit: Visit) => care.view.pairings.find((p) => p.id === visit.pairingId);
  const visits = createMemo(() => {
    const p = pairing();
    return p === undefined
      ? listMonthVisits(care.view, month())
      : [...listPairingVisits(care.view, p.id)].reverse();
  });
  const monthLabel = (value: string) => {
    const [year, m] = value.split('-');
    return t('care.print.monthValue', { month: m ?? '', year: year ?? '' });
  };
  const choice = () => (pairing() === undefined ? `month:${month()}` : 'pairing');
  const choose = (value: string) =>
    value === 'pairing' ? undefined : setSearch({ pairing: undefined, month: value.slice('month:'.length) });
  const [year, mm, day] = club.today().split('-');
  return (
    <>
      <div class="page-title-row no-print">
        <SelectField
          class="care-print-which"
          label={t('care.print.which')}
          options={[
            ...(pairing() === undefined ? [] : [{ value: 'pairing', label: t('care.print.pairing') }]),
            ...months().map((m) => ({ value: `month:${m}`, label: monthLabel(m) })),
          ]}
          value={choice()}
          onChange={choose}
        />
        <Button variant="primary" onClick={() => window.print()}>
          {t('care.print.print')}
        </Button>
      </div>
      <article class="care-print" data-testid="care-print">
        <header class="care-print-header">
          <div>
            <p class="care-print-org">{club.club.profile.name.toUpperCase()}</p>
            <hr class="care-print-rule" />
          </div>
          <div>
            <p class="care-print-org care-print-nation">{t('care.print.nation')}</p>
            <p class="care-print-motto">{t('care.print.motto')}</p>
            <hr class="care-print-rule" />
            <p class="care-print-place-date">
              {t('care.print.placeDate', {
                place: club.club.profile.commune || '……',
                day: day ?? '',
                month: mm ?? '',
                year: year ?? '',
              })}
            </p>
          </div>
        </header>
        <h1 class="care-print-title">{t('care.print.title')}</h1>
        <p class="care-print-subtitle" data-testid="care-print-subtitle">
          <Show
            when={pairing()}
            fallback={t('care.print.ofMonth', { month: month().slice(5, 7), year: month().slice(0, 4) })}
          >
            {(p) =>
              t('care.print.ofPairing', {
                member: names().get(p().memberId) ?? '',
                volunteer: names().get(p().volunteerId) ?? '',
              })
            }
          </Show>
        </p>
        <table class="care-print-table">
          <thead>
            <tr>
              <th>{t('care.print.no')}</th>
              <th>{t('care.print.date')}</th>
              <Show when={pairing() === undefined}>
                <th>{t('care.print.member')}</th>
              </Show>
              <th>{t('care.print.visitor')}</th>
              <th>{t('care.print.what')}</th>
              <th>{t('care.print.note')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={visits()}
              fallback={
                <tr>
                  <td colSpan={6}>{t('care.print.none')}</td>
                </tr>
              }
            >
              {(visit, i) => (
                <tr data-testid="care-print-row">
                  <td class="num">{i() + 1}</td>
                  <td class="care-print-date">{i18n.date(visit.date)}</td>
                  <Show when={pairing() === undefined}>
                    <td>{names().get(pairingOf(visit)?.memberId ?? '') ?? ''}</td>
                  </Show>
                  <td>{names().get(visit.visitorId) ?? ''}</td>
                  <td>{visit.activities.map((a) => t(`care.activity.${a}`)).join(', ')}</td>
                  <td>{visit.note}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="care-print-signatures">
          <div>
            <p class="care-print-sign-title">
              {pairing() === undefined ? t('care.print.recorderSign') : t('care.print.volunteerSign')}
            </p>
            <p class="care-print-sign-hint">{t('care.print.signHint')}</p>
          </div>
          <div>
            <p class="care-print-sign-title">{t('care.print.chair')}</p>
            <p class="care-print-sign-hint">{t('care.print.signHint')}</p>
          </div>
        </div>
      </article>
    </>
  );
}

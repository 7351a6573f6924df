import { listPairingStatus, type PairingStatus } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { useCare } from './care-context';
import { memberNames } from './care-names';
import { IntervalForm } from './interval-form';
import { NewPairingForm } from './new-pairing-form';

/** The pairings, members not visited for longer than the club's interval first, the longest wait first. */
export default function CareListPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const names = createMemo(() => memberNames(club.club));
  const statuses = createMemo(() => listPairingStatus(care.view, club.today()));
  const overdue = () => statuses().filter((s) => s.overdue).length;
  // Ended pairings leave the list above but keep their visit log, reachable here.
  const ended = createMemo(() => care.view.pairings.filter((p) => p.end !== null && p.end <= club.today()));
  const waited = (s: PairingStatus) =>
    s.lastVisit === null
      ? t('care.neverVisited', { days: s.daysSince })
      : t('care.notVisitedFor', { days: s.daysSince });
  return (
    <>
      <div class="page-title-row">
        <h1>{t('care.title')}</h1>
        <A href={`/club/${club.clubId}/care/print`} class="btn btn-secondary">
          {t('care.print.link')}
        </A>
      </div>
      <p class="muted">{t('care.private')}</p>
      <p class="care-counts">
        <span>{t('care.interval', { days: care.view.visitIntervalDays })}</span>
        <Show when={overdue() > 0}>
          <strong class="care-overdue-count" data-testid="care-overdue-count">
            {t('care.overdueCount', { count: overdue() })}
          </strong>
        </Show>
      </p>
      <Show when={statuses().length > 0} fallback={<p class="card">{t('care.empty')}</p>}>
        <ul class="care-list">
          <For each={statuses()}>
            {(s) => (
              <li
                class="card care-pairing"
                classList={{ 'care-overdue': s.overdue }}
                data-testid="care-pairing"
                data-member={names().get(s.pairing.memberId) ?? ''}
                data-overdue={s.overdue ? 'true' : 'false'}
              >
                <div class="care-pairing-text">
                  <strong>{names().get(s.pairing.memberId) ?? ''}</strong>
                  <span>{t('care.volunteerOf', { name: names().get(s.pairing.volunteerId) ?? '' })}</span>
                  <span classList={{ 'care-wait': true, 'care-wait-over': s.overdue }}>{waited(s)}</span>
                  <Show when={s.lastVisit}>
                    {(last) => (
                      <span class="muted">{t('care.lastVisit', { date: i18n.date(last().date) })}</span>
                    )}
                  </Show>
                </div>
                <A href={`/club/${club.clubId}/care/${s.pairing.id}`} class="btn btn-primary care-open">
                  {t('care.open')}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={ended().length > 0}>
        <h2>{t('care.endedTitle')}</h2>
        <ul class="care-list">
          <For each={ended()}>
            {(p) => (
              <li class="card care-pairing" data-testid="care-ended">
                <div class="care-pairing-text">
                  <strong>{names().get(p.memberId) ?? ''}</strong>
                  <span>{t('care.volunteerOf', { name: names().get(p.volunteerId) ?? '' })}</span>
                  <span class="muted">{t('care.ended', { date: i18n.date(p.end) })}</span>
                </div>
                <A href={`/club/${club.clubId}/care/${p.id}`} class="btn btn-secondary care-open">
                  {t('care.open')}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={club.canEdit() && !care.view.readOnly}>
        <NewPairingForm />
        <IntervalForm />
      </Show>
    </>
  );
}

import type { MeetingId } from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { HealthCheckSheet } from './health-check-sheet';
import { HealthGate } from './health-gate';
import './health-check.css';

/**
 * Weight, blood pressure and blood sugar of the members present at one meeting, on a screen of its own
 * (one tap from the meeting). The values live in the club's private health doc, which only committee
 * (editor) keys open; a viewer tablet is told so and opens nothing.
 */
export default function HealthCheckPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const params = useParams<{ meetingId: string }>();
  const club = useClub();
  const meeting = () => club.club.meetings.find((m) => m.id === (params.meetingId as MeetingId));
  return (
    <Show when={meeting()} fallback={<p class="empty">{t('meetings.notFound')}</p>}>
      {(m) => (
        <section class="health-check" aria-labelledby="health-check-title">
          <div class="page-title-row">
            <A href={`/club/${club.clubId}/meetings/${m().id}`} class="btn btn-quiet">
              ← {t('healthCheck.back')} {i18n.date(m().date)}
            </A>
            <A href={`/club/${club.clubId}/health`} class="btn btn-secondary">
              {t('healthCheck.followUps.link')}
            </A>
          </div>
          <h1 id="health-check-title">
            {t('healthCheck.title')} · {t(`meetingKind.${m().kind}`)} {i18n.date(m().date)}
          </h1>
          <p class="muted">{t('healthCheck.private')}</p>
          <Show
            when={club.canOpenHealth()}
            fallback={<p class="card muted">{t('healthCheck.viewerOnly')}</p>}
          >
            {/* Keyed: the session reads this meeting's checks only, so another meeting opens its own. */}
            <Show when={m().id} keyed>
              {(meetingId) => (
                <HealthGate scope={{ meetingId }}>
                  {(session) => <HealthCheckSheet meeting={m()} health={session} />}
                </HealthGate>
              )}
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}

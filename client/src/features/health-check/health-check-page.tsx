import type { Meeting, MeetingId } from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { type HealthSession, openHealthSession } from '../../data/health/health-session';
import { usePendingWrites } from '../../data/session/pending-writes';
import { useScreenUndo } from '../../data/session/screen-undo';
import { useI18n } from '../../i18n/i18n-context';
import { DamagedNotice } from '../clubs/damaged-notice';
import { HealthCheckSheet } from './health-check-sheet';
import './health-check.css';

/**
 * Weight, blood pressure and blood sugar of the members present at one meeting, on a screen of its own
 * (one tap from the meeting). The values live in the club's private health doc, which only committee
 * (editor) keys open; a viewer tablet is told so and opens nothing.
 */
export default function HealthCheckPage(): JSX.Element {
  const { t } = useI18n();
  const params = useParams<{ meetingId: string }>();
  const club = useClub();
  const meeting = () => club.club.meetings.find((m) => m.id === (params.meetingId as MeetingId));
  return (
    <Show when={meeting()} fallback={<p class="empty">{t('meetings.notFound')}</p>}>
      {(m) => (
        <Show when={club.canOpenHealth()} fallback={<p class="card muted">{t('healthCheck.viewerOnly')}</p>}>
          <HealthCheckLoader meeting={m()} />
        </Show>
      )}
    </Show>
  );
}

function HealthCheckLoader(props: { meeting: Meeting }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const pending = usePendingWrites();
  const screenUndo = useScreenUndo();
  const [health, setHealth] = createSignal<HealthSession>();
  const [failed, setFailed] = createSignal(false);
  const undo: (() => void)[] = [];
  let disposed = false;
  const open = () => {
    setFailed(false);
    openHealthSession(club.clubId, club.author, {
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    })
      .then((session) => {
        if (disposed) return void session.close();
        undo.push(pending.register(session.whenSaved), screenUndo.show(session));
        setHealth(() => session);
      })
      .catch(() => setFailed(true));
  };
  onMount(open);
  onCleanup(() => {
    disposed = true;
    for (const stop of undo) stop();
    void health()?.close();
  });
  return (
    <section
      class="health-check"
      aria-labelledby="health-check-title"
      data-health-save={health()?.saveState()}
    >
      <A href={`/club/${club.clubId}/meetings/${props.meeting.id}`} class="btn btn-quiet">
        ← {t('healthCheck.back')} {i18n.date(props.meeting.date)}
      </A>
      <div class="page-title-row">
        <h1 id="health-check-title">
          {t('healthCheck.title')} · {t(`meetingKind.${props.meeting.kind}`)} {i18n.date(props.meeting.date)}
        </h1>
      </div>
      <p class="muted">{t('healthCheck.private')}</p>
      <Show
        when={health()}
        fallback={
          <p class="card">
            {failed() ? t('healthCheck.openFailed') : t('healthCheck.loading')}
            <Show when={failed()}>
              {' '}
              <button type="button" class="btn btn-secondary" onClick={open}>
                {t('damaged.retry')}
              </button>
            </Show>
          </p>
        }
      >
        {(session) => (
          <>
            <DamagedNotice
              document={t('damaged.healthBook')}
              damaged={session().damaged}
              shared={session().syncStatus().type !== 'localOnly'}
            />
            <HealthCheckSheet meeting={props.meeting} health={session()} />
          </>
        )}
      </Show>
    </section>
  );
}

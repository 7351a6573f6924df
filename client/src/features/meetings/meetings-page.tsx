import { formatTimeOfDay, getMeetingAttendance, listActiveMembers } from '@chungtay/model';
import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { feedback } from '../shared/command-feedback';
import { MeetingForm } from './meeting-form';

export default function MeetingsPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const navigate = useNavigate();
  const [adding, setAdding] = createSignal(false);
  return (
    <section class="meetings">
      <div class="page-title-row">
        <h1>{t('meetings.title')}</h1>
        <Button variant="primary" onClick={() => setAdding(true)} disabled={!session.canEdit()}>
          + {t('meetings.add')}
        </Button>
      </div>
      <Show when={session.club.meetings.length > 0} fallback={<p class="empty">{t('meetings.empty')}</p>}>
        <ul class="meeting-list">
          <For each={session.club.meetings}>
            {(meeting) => {
              const summary = () => getMeetingAttendance(session.club, meeting.id);
              return (
                <li>
                  <A href={`/club/${session.clubId}/meetings/${meeting.id}`} class="card meeting-link">
                    <span class="meeting-date">
                      {i18n.date(meeting.date)} {formatTimeOfDay(meeting.time)}
                    </span>
                    <span>
                      {t(`meetingKind.${meeting.kind}`)}
                      <Show when={meeting.place}> · {meeting.place}</Show>
                    </span>
                    <span class="muted">
                      {t('meetings.rate', { rate: i18n.percent(summary().rate * 100) })}
                    </span>
                  </A>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Dialog open={adding()} onOpenChange={setAdding} title={t('meetings.addTitle')}>
        <MeetingForm
          members={listActiveMembers(session.club)}
          today={session.today()}
          clubKind={session.club.profile.kind}
          defaultPlace={session.club.meetings[0]?.place ?? ''}
          onCancel={() => setAdding(false)}
          onSubmit={(input) => {
            const result = session.commands.addMeeting(input);
            if (result.ok) {
              setAdding(false);
              navigate(`/club/${session.clubId}/meetings/${result.value}`);
            }
            return feedback(i18n, result);
          }}
        />
      </Dialog>
    </section>
  );
}

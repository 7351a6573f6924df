import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  formatTimeOfDay,
  getMeetingAttendance,
  getMember,
  isActiveMember,
  listActiveMembers,
  listLateMarks,
  type Meeting,
  type MeetingId,
  type Member,
} from '@chungtay/model';
import { RadioGroup } from '@kobalte/core/radio-group';
import { A, useParams } from '@solidjs/router';
import { $TRACK, createMemo, createSignal, For, Index, type JSX, Show, untrack } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { TextField } from '../../ui/text-field/text-field';
import { PhotoStrip } from '../photos/photo-strip';
import { feedback } from '../shared/command-feedback';
import { attendanceRows, chunksOf, unmarkedIds } from './attendance-rows';
import { changedMeetingFields } from './changed-meeting-fields';
import { MeetingConflicts } from './meeting-conflicts';
import { MeetingForm } from './meeting-form';
import { MeetingHistory } from './meeting-history';
import { attendanceLockLine, markFeedback, useMeetingLockI18n } from './meeting-lock-i18n';
import './attendance.css';

/**
 * Rows per block of the attendance list. The browser walks a block's rows only when a point or a change
 * falls in it: a tap's hit tests and relayout pass over 28 blocks and one block's 25 rows in a club of 700,
 * not over 700 rows, and only the blocks near the screen are rendered (attendance.css).
 */
const ROWS_PER_CHUNK = 25;

export default function MeetingPage(): JSX.Element {
  const { t } = useI18n();
  const params = useParams<{ meetingId: string }>();
  const session = useClub();
  const meeting = () => session.club.meetings.find((m) => m.id === (params.meetingId as MeetingId));
  return (
    <Show when={meeting()} fallback={<p class="empty">{t('meetings.notFound')}</p>}>
      {(m) => <MeetingDetail meeting={m()} />}
    </Show>
  );
}

function MeetingDetail(props: { meeting: Meeting }): JSX.Element {
  const i18n = useMeetingLockI18n();
  const { t } = i18n;
  const session = useClub();
  const [editing, setEditing] = createSignal(false);
  // The meeting as the form opened with: only what the form changed is saved (changed-meeting-fields.ts).
  let openedAs: Meeting | undefined;
  const m = () => props.meeting;
  // Members who left after the meeting still appear if they were marked. `id in attendance` tracks only
  // whether that member has a mark, so a tap (which changes a mark's value) never re-runs this list;
  // Object.keys would subscribe to every write to the attendance object and rebuild it on each tap.
  const people = createMemo(() => {
    const attendance = m().attendance;
    const active: Member[] = [];
    const marked: Member[] = [];
    for (const member of session.club.members) {
      if (isActiveMember(member)) active.push(member);
      else if (member.id in attendance) marked.push(member);
    }
    return [...active, ...marked];
  });
  // One memo, read by both lines of the summary: a tap re-counts once, with no row rebuilt. It follows the
  // marks (the store's $TRACK: any mark set, one subscription; Object.keys went through the store's proxy
  // once per member) and who is on the list (people), then counts over the plain data: read through the
  // store, each of 700 members' fields was a subscription renewed on every tap.
  const summary = createMemo(() => {
    void (m().attendance as Record<symbol, unknown>)[$TRACK];
    people();
    return getMeetingAttendance(unwrap(session.club), m().id);
  });
  // Search and the unmarked-only filter read no mark (see attendance-rows.ts), so a tap re-filters nothing.
  const [query, setQuery] = createSignal('');
  const [unmarkedWhenFiltered, setUnmarkedWhenFiltered] = createSignal<ReadonlySet<string> | null>(null);
  const rows = createMemo(() => attendanceRows(people(), query(), unmarkedWhenFiltered()));
  const chunks = createMemo(() => chunksOf(rows(), ROWS_PER_CHUNK));
  const toggleUnmarked = () =>
    setUnmarkedWhenFiltered((on) => (on ? null : untrack(() => unmarkedIds(people(), m().attendance))));
  const nameOf = (id: string | null) => (id ? (getMember(session.club, id as never)?.fullName ?? '') : '');
  // Approved minutes lock the marks (issue 12 §4): the model refuses them, the screen shows them read-only.
  const lockLine = () => attendanceLockLine(i18n, m());
  const canMark = () => session.canEdit() && lockLine() === null;
  const lateCount = () => listLateMarks(m()).length;
  const markAllPresent = () => {
    for (const person of people()) {
      if (!m().attendance[person.id]) session.commands.setAttendance(m().id, person.id, 'present');
    }
  };
  return (
    <section class="meeting-detail">
      <A href={`/club/${session.clubId}/meetings`} class="btn btn-quiet">
        ← {t('nav.meetings')}
      </A>
      <div class="page-title-row">
        <h1>
          {t(`meetingKind.${m().kind}`)} {i18n.date(m().date)}
        </h1>
        <Button
          variant="primary"
          onClick={() => {
            openedAs = m();
            setEditing(true);
          }}
          disabled={!session.canEdit()}
        >
          {t('app.edit')}
        </Button>
        <A href={`/club/${session.clubId}/meetings/${m().id}/minutes`} class="btn btn-secondary">
          {t('minutes.link')}
        </A>
        <A href={`/club/${session.clubId}/money/meeting/${m().id}`} class="btn btn-secondary">
          {t('meetings.moneyLink')}
        </A>
        <Show when={session.canOpenHealth()}>
          <A href={`/club/${session.clubId}/meetings/${m().id}/health`} class="btn btn-secondary">
            {t('healthCheck.open')}
          </A>
        </Show>
      </div>
      <MeetingConflicts meeting={m()} />
      <dl class="card detail-list">
        <div class="detail-row">
          <dt>{t('meetings.time')}</dt>
          <dd>{formatTimeOfDay(m().time) || '—'}</dd>
        </div>
        <div class="detail-row">
          <dt>{t('meetings.place')}</dt>
          <dd>{m().place || '—'}</dd>
        </div>
        <div class="detail-row">
          <dt>{t('meetings.chair')}</dt>
          <dd>{nameOf(m().chairId) || '—'}</dd>
        </div>
        <div class="detail-row">
          <dt>{t('meetings.secretary')}</dt>
          <dd>{nameOf(m().secretaryId) || '—'}</dd>
        </div>
      </dl>
      <PhotoStrip
        clubId={session.clubId}
        attachments={m().attachments ?? []}
        canEdit={session.canEdit()}
        onAttach={(input) => feedback(i18n, session.commands.attachToMeeting(m().id, input)) === null}
        onCaption={(hash, caption) =>
          feedback(
            i18n,
            session.commands.setMeetingAttachmentCaption(m().id, hash, caption),
            t('photos.captionSaved'),
          ) === null
        }
        onRemove={(hash) =>
          feedback(i18n, session.commands.detachFromMeeting(m().id, hash), t('photos.removed')) === null
        }
      />
      <div class="page-title-row">
        <h2>{t('meetings.attendance')}</h2>
        <Button variant="secondary" onClick={markAllPresent} disabled={!canMark()}>
          {t('meetings.allPresent')}
        </Button>
      </div>
      <Show when={lockLine()}>
        {(line) => (
          <div class="banner attendance-locked" data-testid="attendance-locked">
            <p>{line()}</p>
            <Show when={lateCount() > 0}>
              <p>{i18n.l('attendance.late', { count: lateCount() })}</p>
            </Show>
          </div>
        )}
      </Show>
      <p data-testid="attendance-summary" class="attendance-summary">
        <strong>
          {t('healthCheck.attendance.rate', {
            present: summary().present,
            roster: summary().roster,
            rate: i18n.percent(summary().rate * 100),
          })}
        </strong>
        <span>{t('meetings.summary', summary() as unknown as Record<string, number>)}</span>
      </p>
      <div class="attendance-tools">
        <TextField
          label={t('healthCheck.attendance.search')}
          placeholder={t('healthCheck.attendance.searchPlaceholder')}
          type="search"
          value={query()}
          onChange={setQuery}
          class="attendance-search"
        />
        <Show
          when={
            unmarkedWhenFiltered() !== null ||
            (summary().unmarked > 0 && summary().unmarked < summary().roster)
          }
        >
          <Button variant="secondary" onClick={toggleUnmarked} aria-pressed={unmarkedWhenFiltered() !== null}>
            {unmarkedWhenFiltered() === null
              ? `${t('healthCheck.attendance.unmarkedOnly')} (${summary().unmarked})`
              : t('healthCheck.attendance.showAll')}
          </Button>
        </Show>
      </div>
      <Show when={unmarkedWhenFiltered()}>
        {(unmarked) => <p class="muted">{t('healthCheck.attendance.showing', { count: unmarked().size })}</p>}
      </Show>
      <Show when={rows().length === 0}>
        <p class="empty">
          {query().trim() !== ''
            ? t('healthCheck.attendance.noMatch', { query: query() })
            : t('healthCheck.attendance.allMarked')}
        </p>
      </Show>
      {/* Rows in blocks of ROWS_PER_CHUNK (see attendance.css), still one list of every row for a screen
          reader: a <ul> may hold only <li>, so the blocks take role none between list and items. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a <ul> cannot hold the blocks (see above). */}
      <div class="attendance-list" role="list">
        <Index each={chunks()}>
          {(chunk) => (
            <div
              class="attendance-chunk"
              role="none"
              style={{ 'contain-intrinsic-size': `auto ${chunk().length * 4}rem` }}
            >
              <For each={chunk()}>
                {(person) => (
                  // biome-ignore lint/a11y/useSemanticElements: an <li> needs a <ul> parent, the block is one.
                  <div class="attendance-row" role="listitem">
                    <span class="member-name">{person.fullName}</span>
                    <RadioGroup
                      class="attendance-choice"
                      value={m().attendance[person.id] ?? ''}
                      disabled={!canMark()}
                      onChange={(value) =>
                        markFeedback(
                          i18n,
                          session.commands.setAttendance(m().id, person.id, value as AttendanceStatus),
                        )
                      }
                      aria-label={`${t('meetings.attendance')}: ${person.fullName}`}
                    >
                      <For each={ATTENDANCE_STATUSES}>
                        {(status) => (
                          <RadioGroup.Item value={status} class={`choice choice-${status}`}>
                            <RadioGroup.ItemInput class="choice-input" />
                            <RadioGroup.ItemControl class="choice-control">
                              <RadioGroup.ItemLabel class="choice-label">
                                {t(`attendance.${status}`)}
                              </RadioGroup.ItemLabel>
                            </RadioGroup.ItemControl>
                          </RadioGroup.Item>
                        )}
                      </For>
                    </RadioGroup>
                  </div>
                )}
              </For>
            </div>
          )}
        </Index>
      </div>
      <MeetingHistory meeting={m()} />
      <Dialog open={editing()} onOpenChange={setEditing} title={t('meetings.editTitle')}>
        <MeetingForm
          meeting={m()}
          members={listActiveMembers(session.club)}
          today={session.today()}
          clubKind={session.club.profile.kind}
          defaultPlace=""
          onCancel={() => setEditing(false)}
          onSubmit={(input) => {
            const result = session.commands.updateMeeting(
              m().id,
              changedMeetingFields(input, openedAs ?? m()),
            );
            if (result.ok) setEditing(false);
            return feedback(i18n, result);
          }}
        />
      </Dialog>
    </section>
  );
}

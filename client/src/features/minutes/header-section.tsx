import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  formatTimeOfDay,
  type Meeting,
  type MemberId,
  type MinutesHeaderPatch,
  parseTimeOfDay,
} from '@chungtay/model';
import { For, type JSX } from 'solid-js';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CollabTextField } from '../../ui/collab-text/collab-text-field';
import { SelectField } from '../../ui/select-field/select-field';
import { CommitField } from './commit-field';
import { copyAttendanceOutcome } from './copy-attendance-outcome';
import { firstError, minutesFeedback } from './minutes-feedback';
import { minutesTextSource } from './minutes-text-source';

export interface MemberOption {
  readonly id: string;
  readonly label: string;
}

/** Start and closing time, place, chair and secretary, number, recipients; then the attendance. */
export function HeaderSection(props: {
  session: MinutesSession;
  members: readonly MemberOption[];
  meeting: Meeting;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const h = () => props.session.view.header;
  const locked = () => !props.session.canWrite();
  const save = (patch: MinutesHeaderPatch) =>
    firstError(i18n, minutesFeedback(i18n, props.session.commands.updateHeader(patch)));
  // Times as people write them ("7h30", "19h"), kept as 'HH:MM'.
  const saveTime = (field: 'startedAt' | 'closedAt', text: string) => {
    const time = parseTimeOfDay(text);
    return time.ok ? save({ [field]: time.value }) : t('errors.timeFormat');
  };
  const people = () => [
    { value: '', label: t('minutes.noOne') },
    ...props.members.map((m) => ({ value: m.id, label: m.label })),
  ];
  return (
    <section class="card minutes-section" aria-labelledby="minutes-header">
      <h2 id="minutes-header">{t('minutes.header')}</h2>
      <p>
        {t('minutes.date')}: {i18n.date(h().date)}
      </p>
      <div class="form-grid">
        <CommitField
          label={t('minutes.startedAt')}
          value={formatTimeOfDay(h().startedAt)}
          disabled={locked()}
          onCommit={(v) => saveTime('startedAt', v)}
        />
        <CommitField
          label={t('minutes.closedAt')}
          value={formatTimeOfDay(h().closedAt)}
          disabled={locked()}
          onCommit={(v) => saveTime('closedAt', v)}
        />
        <CollabTextField
          label={t('minutes.place')}
          source={minutesTextSource(i18n, props.session, { kind: 'header', field: 'place' })}
          readOnly={locked()}
        />
        <CommitField
          label={t('minutes.number')}
          value={h().number}
          disabled={locked()}
          onCommit={(v) => save({ number: v })}
        />
        <SelectField
          label={t('minutes.chair')}
          options={people()}
          value={h().chairId ?? ''}
          disabled={locked()}
          onChange={(id) => save({ chairId: (id || null) as MemberId | null })}
        />
        <SelectField
          label={t('minutes.secretary')}
          options={people()}
          value={h().secretaryId ?? ''}
          disabled={locked()}
          onChange={(id) => save({ secretaryId: (id || null) as MemberId | null })}
        />
      </div>
      <CommitField
        label={t('minutes.recipients')}
        value={h().recipients}
        multiline
        disabled={locked()}
        onCommit={(v) => save({ recipients: v })}
      />
      <div class="page-title-row">
        <h3 id="minutes-attendance">{t('minutes.attendance')}</h3>
        <Button
          disabled={locked()}
          onClick={() => {
            const result = props.session.commands.copyAttendance(props.meeting);
            const outcome = result.ok ? copyAttendanceOutcome(props.meeting.attendance, result.value) : null;
            minutesFeedback(i18n, result, outcome ? t(outcome.key, outcome.counts) : undefined);
          }}
        >
          {t('minutes.copyAttendance')}
        </Button>
      </div>
      <ul class="minutes-attendance">
        <For each={props.members}>
          {(member) => (
            <li class="minutes-attendance-row">
              <span class="member-name">{member.label}</span>
              <SelectField
                label={t('minutes.attendanceOf', { name: member.label })}
                hideLabel
                disabled={locked()}
                options={[
                  { value: '', label: t('minutes.unmarked') },
                  ...ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.${s}`) })),
                ]}
                value={props.session.view.attendance[member.id] ?? ''}
                onChange={(status) =>
                  minutesFeedback(
                    i18n,
                    props.session.commands.setAttendance(
                      member.id as MemberId,
                      (status || null) as AttendanceStatus | null,
                    ),
                  )
                }
              />
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

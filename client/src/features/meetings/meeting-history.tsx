import { isMeetingValueField, type Meeting } from '@chungtay/model';
import { createMemo, type JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { ChangeLogHistory } from '../../ui/change-history/change-history';

/** The catalogue label of each field a meeting's change log names. */
const LABELS = {
  date: 'meetings.date',
  time: 'meetings.time',
  kind: 'meetings.kind',
  chairId: 'meetings.chair',
  secretaryId: 'meetings.secretary',
} as const;

/**
 * A meeting's change history in words, newest first ("Lan đổi giờ bắt đầu, 10:02 03/12/2026"), from the
 * club doc's change log like a member's (roster/member-history.tsx), laid out by the same ChangeHistory.
 */
export function MeetingHistory(props: { meeting: Meeting }): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const changes = createMemo(() => {
    // The logged fields: reading them subscribes to the writes that grow the log (it is not projected).
    const m = props.meeting;
    void [m.date, m.time, m.kind, m.chairId, m.secretaryId];
    return session.commands.meetingChanges(m.id);
  });
  const fieldLabel = (field: string) =>
    isMeetingValueField(field) ? t(LABELS[field]).toLocaleLowerCase('vi') : field;
  return <ChangeLogHistory changes={changes()} fieldLabel={fieldLabel} testId="meeting-history" />;
}

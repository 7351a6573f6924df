import {
  getMember,
  isMeetingValueField,
  type Meeting,
  type MeetingValueField,
  type MemberId,
} from '@chungtay/model';
import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { ConflictList } from '../shared/conflict-list';

/** A meeting's date, time, kind, chair or secretary set differently on two tablets, to choose from. */
export function MeetingConflicts(props: { meeting: Meeting }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const conflicts = () => (props.meeting.conflicts ?? []).filter((c) => isMeetingValueField(c.field));
  const show = (field: string, value: unknown): string => {
    switch (field as MeetingValueField) {
      case 'date':
        return i18n.date(String(value));
      case 'kind':
        return t(`meetingKind.${String(value)}` as never);
      case 'chairId':
      case 'secretaryId':
        return getMember(session.club, value as MemberId)?.fullName ?? String(value);
      default:
        return String(value);
    }
  };
  return (
    <ConflictList
      conflicts={conflicts()}
      label={(field) => t(`conflicts.meetingField.${field}` as never)}
      question={(field) => t(`conflicts.meetingQuestion.${field}` as never)}
      show={show}
      canEdit={session.canEdit()}
      onKeep={(conflict, option) => {
        const result = session.commands.resolveMeetingConflict(
          props.meeting.id,
          conflict.field as MeetingValueField,
          option.id,
        );
        if (feedback(i18n, result) === null)
          showToast(t('conflicts.kept', { value: show(conflict.field, option.value) }), 'success');
      }}
    />
  );
}

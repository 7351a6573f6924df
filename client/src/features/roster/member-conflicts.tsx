import { isMemberValueField, type Member, type MemberValueField } from '@chungtay/model';
import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { ConflictList } from '../shared/conflict-list';

/** A member's fields two tablets set differently while apart, with a button per value to keep it. */
export function MemberConflicts(props: { member: Member }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const conflicts = () => (props.member.conflicts ?? []).filter((c) => isMemberValueField(c.field));
  const show = (field: string, value: unknown): string => {
    switch (field as MemberValueField) {
      case 'gender':
      case 'household':
      case 'role':
        return t(`${field}.${String(value)}` as never);
      case 'ethnicMinority':
        return value === true ? t('conflicts.yes') : t('conflicts.no');
      case 'joinedOn':
        return i18n.date(String(value));
      default:
        return String(value);
    }
  };
  return (
    <ConflictList
      conflicts={conflicts()}
      label={(field) => t(`member.${field}` as never)}
      question={(field) => t(`conflicts.question.${field}` as never)}
      show={show}
      canEdit={session.canEdit()}
      onKeep={(conflict, option) => {
        const result = session.commands.resolveConflict(
          props.member.id,
          conflict.field as MemberValueField,
          option.id,
        );
        if (feedback(i18n, result) === null)
          showToast(t('conflicts.kept', { value: show(conflict.field, option.value) }), 'success');
      }}
    />
  );
}

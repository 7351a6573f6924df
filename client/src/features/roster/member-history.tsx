import { isMemberValueField, type Member } from '@chungtay/model';
import { createMemo, type JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { ChangeLogHistory } from '../../ui/change-history/change-history';

/**
 * A member's change history in words, newest first: "Lan đổi số điện thoại, 10:02 03/12/2026". Read from
 * the club doc's change log (model history/), so every tablet lists the same entries after sync.
 */
export function MemberHistory(props: { member: Member }): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  // The member object changes with every write to its fields, which is when the log grows.
  const changes = createMemo(() => {
    // Reading every field subscribes to all of them in the store (the log itself is not projected).
    JSON.stringify(props.member);
    return session.commands.memberChanges(props.member.id);
  });
  const fieldLabel = (field: string) =>
    isMemberValueField(field) ? t(`member.${field}`).toLocaleLowerCase('vi') : field;
  return <ChangeLogHistory changes={changes()} fieldLabel={fieldLabel} testId="member-history" />;
}

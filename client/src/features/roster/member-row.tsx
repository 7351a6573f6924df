import { ageOf, type Member } from '@chungtay/model';
import { type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';

export function MemberRow(props: { member: Member; today: string }): JSX.Element {
  const { t } = useI18n();
  const age = () => ageOf(props.member, props.today);
  return (
    <div class="member-row">
      <span class="member-name">{props.member.fullName}</span>
      <span class="member-meta">
        <Show when={age() !== null}>{t('roster.age', { age: age() ?? 0 })}</Show>
        <Show when={props.member.hamlet}> · {props.member.hamlet}</Show>
        <Show when={props.member.role !== 'none'}>
          {' '}
          <span class="badge">{t(`role.${props.member.role}`)}</span>
        </Show>
        <Show when={props.member.left}>
          {' '}
          <span class="badge badge-muted">{t('roster.leftBadge')}</span>
        </Show>
      </span>
    </div>
  );
}

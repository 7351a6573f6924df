import { isMemberValueField, type Member } from '@chungtay/model';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';

/** '10:02 03/12/2026' in the tablet's time zone, time first as people say it. */
function timeThenDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

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
  return (
    <div class="card member-history" data-testid="member-history">
      <h2>{t('signatures.historyTitle')}</h2>
      <Show when={changes().length > 0} fallback={<p class="muted">{t('signatures.historyEmpty')}</p>}>
        <ul>
          <For each={changes()}>
            {(change) => (
              <li>
                {t('signatures.changed', {
                  name: change.name,
                  field: fieldLabel(change.field),
                  when: timeThenDate(change.at),
                })}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

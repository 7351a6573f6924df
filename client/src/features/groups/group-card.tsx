import { type Group, type GroupSize, getMember, type Member, type MemberId } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { MemberPicker } from '../../ui/member-picker/member-picker';
import { SelectField } from '../../ui/select-field/select-field';
import { feedback } from '../shared/command-feedback';
import { GroupNameForm } from './group-name-form';

export function GroupCard(props: {
  group: Group;
  size: GroupSize | undefined;
  members: readonly Member[];
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const [renaming, setRenaming] = createSignal(false);
  const settings = () => session.club.settings;
  const inGroup = () =>
    props.group.memberIds
      .map((id) => getMember(session.club, id))
      .filter((m): m is Member => !!m && !m.left && !m.mergedInto);
  const candidates = () =>
    props.members
      .filter((m) => !props.group.memberIds.includes(m.id))
      .map((m) => ({ id: m.id, label: m.fullName }));
  const status = () => props.size?.status ?? 'ok';
  return (
    <article
      class={`card group-card group-${status()}`}
      data-testid="group-card"
      aria-label={props.group.name}
    >
      <header class="group-header">
        <h2>{props.group.name}</h2>
        <span class={`size-badge size-${status()}`}>
          {t('groups.size', { size: props.size?.size ?? 0 })}
          <Show when={status() === 'under'}> · {t('groups.under', { min: settings().groupMin })}</Show>
          <Show when={status() === 'over'}> · {t('groups.over', { max: settings().groupMax })}</Show>
        </span>
      </header>
      <SelectField
        label={t('groups.leader')}
        options={[
          { value: '', label: t('groups.noLeader') },
          ...inGroup().map((m) => ({ value: m.id as string, label: m.fullName })),
        ]}
        value={props.group.leaderId ?? ''}
        onChange={(v) =>
          feedback(i18n, session.commands.setGroupLeader(props.group.id, v ? (v as MemberId) : null))
        }
      />
      <Show when={inGroup().length > 0} fallback={<p class="muted">{t('groups.empty')}</p>}>
        <ul class="group-members">
          <For each={inGroup()}>
            {(member) => (
              <li>
                <span>{member.fullName}</span>
                <Button
                  variant="quiet"
                  aria-label={`${t('groups.remove')}: ${member.fullName}`}
                  onClick={() => feedback(i18n, session.commands.removeFromGroup(props.group.id, member.id))}
                >
                  {/* Words, not a bare ✕: an older user reads ✕ as "close". */}
                  {t('groups.remove')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <MemberPicker
        label={t('groups.assign')}
        placeholder={t('groups.pickMember')}
        options={candidates()}
        onPick={(id) => feedback(i18n, session.commands.assignToGroup(props.group.id, id as MemberId))}
      />
      <div class="actions-row">
        <Button variant="quiet" onClick={() => setRenaming(true)}>
          {t('groups.rename')}
        </Button>
        <Button variant="quiet" onClick={() => feedback(i18n, session.commands.retireGroup(props.group.id))}>
          {t('groups.retire')}
        </Button>
      </div>
      <Dialog open={renaming()} onOpenChange={setRenaming} title={t('groups.rename')}>
        <GroupNameForm
          initial={props.group.name}
          onCancel={() => setRenaming(false)}
          onSubmit={(name) => {
            const result = session.commands.renameGroup(props.group.id, name);
            if (result.ok) setRenaming(false);
            return feedback(i18n, result);
          }}
        />
      </Dialog>
    </article>
  );
}

import { type Group, getGroupSizes, listActiveMembers } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { feedback } from '../shared/command-feedback';
import { GroupCard } from './group-card';
import { GroupNameForm } from './group-name-form';

export default function GroupsPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const [adding, setAdding] = createSignal(false);
  const active = () => session.club.groups.filter((g) => !g.retiredOn);
  const retired = () => session.club.groups.filter((g) => g.retiredOn);
  const sizes = createMemo(() => new Map(getGroupSizes(session.club).map((s) => [s.groupId, s])));
  const members = createMemo(() => listActiveMembers(session.club));
  return (
    <section class="groups">
      <div class="page-title-row">
        <h1>{t('groups.title')}</h1>
        <Button variant="primary" onClick={() => setAdding(true)} disabled={!session.canEdit()}>
          + {t('groups.add')}
        </Button>
      </div>
      <Show when={active().length > 0} fallback={<p class="empty">{t('groups.none')}</p>}>
        <div class="group-board">
          <For each={active()}>
            {(group) => <GroupCard group={group} size={sizes().get(group.id)} members={members()} />}
          </For>
        </div>
      </Show>
      <Show when={retired().length > 0}>
        <h2>{t('groups.retired')}</h2>
        <ul class="plain-list">
          <For each={retired()}>
            {(group: Group) => (
              <li class="card retired-group">
                <span>{group.name}</span>
                <Button
                  variant="secondary"
                  onClick={() => feedback(i18n, session.commands.restoreGroup(group.id))}
                >
                  {t('groups.restore')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Dialog open={adding()} onOpenChange={setAdding} title={t('groups.add')}>
        <GroupNameForm
          initial=""
          onCancel={() => setAdding(false)}
          onSubmit={(name) => {
            const result = session.commands.addGroup(name);
            if (result.ok) setAdding(false);
            return feedback(i18n, result);
          }}
        />
      </Dialog>
    </section>
  );
}

import type { TabletInfo } from '@chungtay/protocol';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { listClubTablets } from '../../device/club-tablets';
import { tabletSigner } from '../../device/signing-key';
import { formatDate, formatTime, todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { showToast } from '../../ui/toast/toast';
import { cutOffTablet } from './cut-off';

/** "10:02 03/12/2026": the time first, as the change history says it. */
function when(ms: number): string {
  const date = new Date(ms);
  return `${formatTime(date)} ${formatDate(todayIso(date))}`;
}

/**
 * The club's tablets, each with the person using it and when it last synced, and a button that cuts one
 * off without touching the others (issue 12 §6). Names come from the roster on this tablet: the relay
 * holds only member ids.
 */
export function TabletList(props: { onKeysRotated: () => void }): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const [tablets, { refetch }] = createResource(() => listClubTablets(session.clubId));
  const [thisTablet] = createResource(async () => (await tabletSigner()).tablet);
  const [asking, setAsking] = createSignal<TabletInfo | null>(null);
  const personOf = (tablet: TabletInfo) =>
    session.club.members.find((m) => m.id === tablet.person)?.fullName ?? t('tablets.unknownPerson');
  const revoke = async () => {
    const tablet = asking();
    setAsking(null);
    if (tablet === null) return;
    const outcome = await cutOffTablet(session.clubId, tablet.tabletId);
    if (outcome === 'failed') return showToast(t('tablets.revokeFailed'), 'error');
    if (outcome === 'cutOffAndRotated') {
      props.onKeysRotated();
      showToast(t('tablets.revokeDone', { person: personOf(tablet) }), 'success');
    } else showToast(t('tablets.revokeNotRotated', { person: personOf(tablet) }), 'info');
    await refetch();
  };
  const listed = () => {
    const answer = tablets();
    return answer?.ok ? answer.tablets : [];
  };
  return (
    <div class="card tablet-list" data-testid="tablet-list">
      <h2>{t('tablets.title')}</h2>
      <p class="muted">{t('tablets.hint')}</p>
      <Show when={!tablets.loading} fallback={<p class="muted">{t('tablets.loading')}</p>}>
        <Show when={tablets()?.ok !== false} fallback={<p class="warning-text">{t('tablets.loadFailed')}</p>}>
          <Show when={listed().length > 0} fallback={<p class="muted">{t('tablets.empty')}</p>}>
            <ul class="tablets">
              <For each={listed()}>
                {(tablet) => (
                  <li class="actions-row" data-testid="tablet-row" data-tablet={tablet.tabletId}>
                    <span>
                      <strong>{personOf(tablet)}</strong>
                      <Show when={tablet.tabletId === thisTablet()}> ({t('tablets.thisTablet')})</Show>
                      <br />
                      <span class="muted">
                        {tablet.revokedAt !== null
                          ? t('tablets.revoked', { when: when(tablet.revokedAt) })
                          : tablet.lastSeenAt !== null
                            ? t('tablets.lastSeen', { when: when(tablet.lastSeenAt) })
                            : t('tablets.neverSeen')}
                      </span>
                    </span>
                    <Show when={tablet.revokedAt === null && tablet.tabletId !== thisTablet()}>
                      <Button variant="danger" onClick={() => setAsking(tablet)}>
                        {t('tablets.revoke')}
                      </Button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
      <Dialog
        open={asking() !== null}
        onOpenChange={(open) => open || setAsking(null)}
        title={t('tablets.revoke')}
      >
        <p>{t('tablets.confirmRevoke', { person: asking() ? personOf(asking() as TabletInfo) : '' })}</p>
        <div class="form-actions">
          <Button variant="quiet" onClick={() => setAsking(null)}>
            {t('app.cancel')}
          </Button>
          <Button variant="danger" onClick={revoke}>
            {t('tablets.confirmRevokeYes')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

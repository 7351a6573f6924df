import { For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { syncWords, visiblePeers } from './sync-words';

/** The relay's state in plain words, and who else has the club open. */
export function SyncIndicator(): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const peers = () => visiblePeers(session.syncStatus(), session.peers());
  return (
    <span
      class={`sync-state sync-${session.syncStatus().type}`}
      role="status"
      aria-live="polite"
      data-sync-state={session.syncStatus().type}
    >
      {syncWords(session.syncStatus(), t)}
      <Show when={peers().length > 0}>
        <span class="peers" data-testid="peers">
          {' · '}
          {t('sync.others')}{' '}
          <For each={peers()}>
            {(peer) => (
              <span class="peer" style={{ '--peer': peer.color }}>
                {peer.name}
              </span>
            )}
          </For>
        </span>
      </Show>
    </span>
  );
}

import { useRegisterSW } from 'virtual:pwa-register/solid';
import { type JSX, Show } from 'solid-js';
import { usePendingWrites } from '../data/session/pending-writes';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button/button';

/**
 * Offers a newly deployed version. Updating reloads the page, so it first
 * waits until every edit has reached IndexedDB: an update never loses an edit.
 */
export function UpdatePrompt(): JSX.Element {
  const { t } = useI18n();
  const pending = usePendingWrites();
  // Being ready offline is said on the start screen (features/clubs/offline-ready.tsx), not in a toast.
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  const update = async () => {
    await pending.whenAllSaved();
    await updateServiceWorker(true);
  };
  return (
    <Show when={needRefresh()}>
      <div class="banner banner-info" role="status">
        <span>{t('update.available')}</span>
        <Button variant="primary" onClick={update}>
          {t('update.install')}
        </Button>
        <Button variant="quiet" onClick={() => setNeedRefresh(false)}>
          {t('update.later')}
        </Button>
      </div>
    </Show>
  );
}

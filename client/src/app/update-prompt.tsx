import { createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { usePendingWrites } from '../data/session/pending-writes';
import { useI18n } from '../i18n/i18n-context';
import { afterFirstScreen } from '../ui/after-load/after-load';
import { Button } from '../ui/button/button';

/**
 * Offers a newly deployed version. Updating reloads the page, so it first
 * waits until every edit has reached IndexedDB: an update never loses an edit.
 */
export function UpdatePrompt(): JSX.Element {
  const { t } = useI18n();
  const pending = usePendingWrites();
  // Being ready offline is said on the start screen (features/clubs/offline-ready.tsx), not in a toast.
  const [needRefresh, setNeedRefresh] = createSignal(false);
  let updateServiceWorker: ((reload?: boolean) => Promise<void>) | undefined;
  // Registered once the first screen is painted and the page idle: registering fetches workbox-window, which was a
  // request in the roster's critical chain. A plain callback, no lazy component: one among the router's
  // siblings made Solid's insert fail on joining a club.
  const register = () =>
    void import('virtual:pwa-register').then(({ registerSW }) => {
      updateServiceWorker = registerSW({ immediate: true, onNeedRefresh: () => setNeedRefresh(true) });
    });
  onCleanup(afterFirstScreen(register));
  const update = async () => {
    await pending.whenAllSaved();
    await updateServiceWorker?.(true);
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

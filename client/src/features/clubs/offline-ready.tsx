import { createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';

/**
 * "Ready to work without a signal", as a line on the start screen once the service worker is active.
 * It was a toast, and on a first visit the toast sat for 4 s over the create-club button just as a new
 * user reached for it; a line in the page covers nothing and stays true on every later visit.
 */
export function OfflineReady(): JSX.Element {
  const { t } = useI18n();
  const [ready, setReady] = createSignal(false);
  let live = true;
  onCleanup(() => {
    live = false;
  });
  // `ready` never rejects; it stays pending where there is no service worker (a dev server, a browser
  // without one), and then nothing is claimed.
  void globalThis.navigator?.serviceWorker?.ready.then(() => live && setReady(true));
  return (
    <Show when={ready()}>
      <p class="muted offline-ready" role="status" data-testid="offline-ready">
        ✓ {t('update.offlineReady')}
      </p>
    </Show>
  );
}

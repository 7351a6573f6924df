import { createResource, createSignal, type JSX, onMount, Show } from 'solid-js';
import { readStorageStatus, requestPersistentStorage } from '../../device/storage-status';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';

/** A browser that may evict the club's data is a warning the user sees. */
export function StorageBanner(): JSX.Element {
  const { t } = useI18n();
  // Asked once the frame is painted: the browser's storage questions are nothing the first rows need.
  const [painted, setPainted] = createSignal(false);
  onMount(() => requestAnimationFrame(() => setPainted(true)));
  const [status, { refetch }] = createResource(painted, async () => {
    const first = await readStorageStatus();
    if (first.supported && !first.persisted) {
      await requestPersistentStorage();
      return readStorageStatus();
    }
    return first;
  });
  const ask = async () => {
    await requestPersistentStorage();
    await refetch();
  };
  return (
    <Show when={status()?.supported && !status()?.persisted}>
      <div class="banner banner-warning" role="alert" data-testid="storage-warning">
        <span>{t('storage.warning')}</span>
        <Button variant="secondary" onClick={ask}>
          {t('storage.fix')}
        </Button>
      </div>
    </Show>
  );
}

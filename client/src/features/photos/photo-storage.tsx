import { createResource, createSignal, type JSX, Show } from 'solid-js';
import { formatBytes } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { clubPhotos } from './club-photos';

/**
 * For the settings' storage card: what the club's photos take on this tablet, and a button that drops the
 * copies the relay holds (they come back when shown). Photos not yet sent are never dropped.
 */
export function PhotoStorage(props: { clubId: string; onFreed?: () => void }): JSX.Element {
  const { t, locale } = useI18n();
  const photos = () => clubPhotos(props.clubId);
  const [usage, { refetch }] = createResource(() => photos().store.usage(props.clubId));
  const [freed, setFreed] = createSignal<number | null>(null);
  const size = (bytes: number) => formatBytes(bytes, locale());
  return (
    <div data-testid="photo-storage">
      <h3>{t('photos.storageTitle')}</h3>
      <Show when={usage()} fallback={<p>{t('app.loading')}</p>}>
        {(u) => (
          <Show when={u().count > 0} fallback={<p>{t('photos.storageNone')}</p>}>
            <p>{t('photos.storageUsage', { count: u().count, size: size(u().bytes) })}</p>
            <Show when={u().waitingToSend > 0}>
              <p>{t('photos.storageWaiting', { count: u().waitingToSend })}</p>
            </Show>
            <Show when={u().droppableBytes > 0}>
              <p>{t('photos.storageDroppable', { size: size(u().droppableBytes) })}</p>
              <Button
                variant="secondary"
                onClick={async () => {
                  setFreed(await photos().store.dropUploadedCopies(props.clubId));
                  await refetch();
                  props.onFreed?.();
                }}
              >
                {t('photos.storageDrop')}
              </Button>
            </Show>
          </Show>
        )}
      </Show>
      <Show when={freed()}>
        {(bytes) => <p role="status">{t('photos.storageDropped', { size: size(bytes()) })}</p>}
      </Show>
    </div>
  );
}

import type { Attachment } from '@chungtay/model';
import { createResource, createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import type { ClubPhotos } from './club-photos';

/**
 * One photo, loaded when it comes into view (a meeting with forty photos fetches only what is scrolled to),
 * then kept on the tablet. Says so when the photo is not here and the relay cannot be reached.
 */
export function PhotoThumb(props: {
  photos: ClubPhotos;
  attachment: Attachment;
  waiting: boolean;
}): JSX.Element {
  const { t, date } = useI18n();
  const [visible, setVisible] = createSignal(false);
  let frame: HTMLElement | undefined;
  onMount(() => {
    if (frame === undefined || typeof IntersectionObserver === 'undefined') return void setVisible(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(frame);
    onCleanup(() => observer.disconnect());
  });
  const [url, { refetch }] = createResource(visible, async () => {
    const a = props.attachment;
    const blob = await props.photos.load(a.hash, a.contentType, a.scope);
    return blob === undefined ? null : URL.createObjectURL(blob);
  });
  // Not here and not fetched: try again when the browser is back online.
  const retry = () => {
    if (url() === null) void refetch();
  };
  window.addEventListener('online', retry);
  onCleanup(() => {
    window.removeEventListener('online', retry);
    const made = url();
    if (made) URL.revokeObjectURL(made);
  });
  const a = () => props.attachment;
  const kind = () => t(a().kind === 'scan' ? 'photos.kindScan' : 'photos.kindPhoto');
  return (
    <figure
      class="photo-thumb"
      ref={frame}
      data-hash={a().hash}
      data-state={url() ? 'shown' : url.loading ? 'loading' : 'missing'}
    >
      <Show
        when={url()}
        fallback={
          <span class="photo-thumb-note">{url.loading ? t('photos.loading') : t('photos.notHere')}</span>
        }
      >
        {(src) => (
          <img
            src={src()}
            alt={t('photos.alt', { kind: kind(), date: date(a().at.slice(0, 10)), who: a().byName })}
          />
        )}
      </Show>
      <figcaption>
        <span>{kind()}</span>
        <Show when={a().caption}>
          <span class="photo-thumb-caption">{a().caption}</span>
        </Show>
        <Show when={props.waiting}>
          <span class="photo-thumb-waiting">{t('photos.waiting')}</span>
        </Show>
      </figcaption>
    </figure>
  );
}

import type { Attachment } from '@chungtay/model';
import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import type { ClubPhotos } from './club-photos';

/**
 * What a thumbnail shows: `idle` until it comes into view (a photo this tablet lacks is fetched only then),
 * `loading`, `shown`, or `missing` when it was looked for here and on the relay and neither could give it.
 */
type ThumbState = 'idle' | 'loading' | 'shown' | 'missing';

/**
 * One photo. A copy kept on this tablet is shown at once, wherever the photo sits on the page (reading it is
 * a local lookup; the <img> decodes lazily). One the tablet lacks is fetched from the relay only when it comes
 * into view (a meeting with forty photos fetches only what is scrolled to), then kept on the tablet. Says
 * "not on this tablet" only after it was looked for, never for a photo not yet scrolled to.
 *
 * Signals rather than a resource: a resource read while it loads suspends the club's <Suspense>, and every
 * photo coming into view would blank the whole page for a moment.
 */
export function PhotoThumb(props: {
  photos: ClubPhotos;
  attachment: Attachment;
  waiting: boolean;
}): JSX.Element {
  const { t, date } = useI18n();
  const [state, setState] = createSignal<ThumbState>('loading');
  const [src, setSrc] = createSignal<string>();
  let frame: HTMLElement | undefined;
  let disposed = false;

  const show = (blob: Blob | undefined): boolean => {
    if (disposed || blob === undefined) return false;
    setSrc(URL.createObjectURL(blob));
    setState('shown');
    return true;
  };
  const fetchNow = async () => {
    const a = props.attachment;
    setState('loading');
    if (!show(await props.photos.load(a.hash, a.contentType, a.scope)) && !disposed) setState('missing');
  };
  const whenInView = (element: HTMLElement) => {
    if (typeof IntersectionObserver === 'undefined') return void fetchNow();
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void fetchNow();
    });
    observer.observe(element);
    onCleanup(() => observer.disconnect());
  };
  onMount(() => {
    const element = frame;
    void props.photos.local(props.attachment.hash).then((blob) => {
      if (show(blob) || disposed) return;
      setState('idle');
      if (element === undefined) void fetchNow();
      else whenInView(element);
    });
  });
  // Looked for and not found: try again when the browser is back online.
  const retry = () => {
    if (state() === 'missing') void fetchNow();
  };
  window.addEventListener('online', retry);
  onCleanup(() => {
    disposed = true;
    window.removeEventListener('online', retry);
    const made = src();
    if (made) URL.revokeObjectURL(made);
  });

  const a = () => props.attachment;
  const kind = () => t(a().kind === 'scan' ? 'photos.kindScan' : 'photos.kindPhoto');
  return (
    <figure class="photo-thumb" ref={frame} data-hash={a().hash} data-state={state()}>
      <Show
        when={src()}
        fallback={
          <span class="photo-thumb-note">
            {state() === 'missing' ? t('photos.notHere') : t('photos.loading')}
          </span>
        }
      >
        {(url) => (
          <img
            src={url()}
            loading="lazy"
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

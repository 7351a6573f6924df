import type { Attachment, AttachmentInput, AttachmentKind } from '@chungtay/model';
import { createEffect, createSignal, createUniqueId, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useI18n } from '../../i18n/i18n-context';
import { clubPhotos } from './club-photos';
import { PhotoEdit } from './photo-edit';
import { PhotoThumb } from './photo-thumb';
import './photos.css';

export interface PhotoStripProps {
  readonly clubId: string;
  readonly attachments: readonly Attachment[];
  readonly canEdit: boolean;
  /** Records the kept photo on the record (a meeting, a visit); returns false when the command refused. */
  readonly onAttach: (input: AttachmentInput) => boolean;
  /** 'health' for a photo that belongs with the health records (committee only). */
  readonly scope?: 'club' | 'health';
  /** The strip's heading level where it sits: 2 beside a page's sections (default), 3 inside one. */
  readonly headingLevel?: 2 | 3;
  /** Changes a photo's caption; false when the command refused (too long). Without it, no caption field. */
  readonly onCaption?: (hash: string, caption: string) => boolean;
  /** Takes a photo off the record. Without it, no remove button. */
  readonly onRemove?: (hash: string) => boolean;
}

/**
 * A record's photos and the two ways to add one: an activity photo, or a scan of the signed paper minutes.
 * Drop it into any screen that holds attachments (the meeting page, a home-care visit).
 */
export function PhotoStrip(props: PhotoStripProps): JSX.Element {
  const { t } = useI18n();
  const photos = () => clubPhotos(props.clubId);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<'notAnImage' | 'saveFailed' | null>(null);
  // A signal, not a resource: a resource refetched after each upload would suspend the club's page.
  const [waiting, setWaiting] = createSignal<ReadonlySet<string>>(new Set());
  let asked = 0;
  const refetch = async () => {
    const turn = ++asked;
    const out = new Set<string>();
    for (const a of props.attachments) if (await photos().isWaiting(a.hash)) out.add(a.hash);
    if (turn === asked) setWaiting(out);
  };
  createEffect(
    on(
      () => props.attachments.map((a) => a.hash).join(),
      () => void refetch(),
    ),
  );
  onCleanup(photos().queue.onChange(() => void refetch()));

  async function add(kind: AttachmentKind, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const attachment = await photos().add(file, kind, props.scope ?? 'club');
      if (!props.onAttach(attachment)) setError('saveFailed');
      void refetch();
    } catch (caught) {
      setError(caught instanceof Error && caught.name === 'NotAnImage' ? 'notAnImage' : 'saveFailed');
    } finally {
      setBusy(false);
    }
  }

  const picker = (kind: AttachmentKind, label: string) => (
    <label class="btn btn-secondary photo-add" aria-disabled={busy()}>
      {label}
      <input
        type="file"
        accept="image/*"
        class="visually-hidden"
        data-kind={kind}
        disabled={busy()}
        onChange={(event) => void add(kind, event.currentTarget)}
      />
    </label>
  );

  // One id per strip: a pairing page holds a strip under every visit.
  const titleId = `photo-strip-${createUniqueId()}`;
  return (
    <section class="photo-strip" aria-labelledby={titleId}>
      <Dynamic component={props.headingLevel === 3 ? 'h3' : 'h2'} id={titleId} class="photo-strip-title">
        {t('photos.title')}
      </Dynamic>
      <Show when={props.attachments.length > 0} fallback={<p class="empty">{t('photos.empty')}</p>}>
        <div class="photo-grid">
          <For each={props.attachments}>
            {(a) => (
              <div class="photo-cell">
                <PhotoThumb photos={photos()} attachment={a} waiting={waiting().has(a.hash)} />
                <Show when={props.canEdit && props.onCaption && props.onRemove}>
                  <PhotoEdit
                    attachment={a}
                    onCaption={(caption) => props.onCaption?.(a.hash, caption) ?? false}
                    onRemove={() => props.onRemove?.(a.hash) ?? false}
                  />
                </Show>
              </div>
            )}
          </For>
        </div>
      </Show>
      <Show when={props.canEdit}>
        <div class="photo-actions">
          {picker('photo', t('photos.addPhoto'))}
          {picker('scan', t('photos.addScan'))}
        </div>
      </Show>
      <Show when={busy()}>
        <p role="status">{t('photos.adding')}</p>
      </Show>
      <Show when={error()}>
        {(e) => (
          <p class="field-error" role="alert">
            {t(`photos.${e()}`)}
          </p>
        )}
      </Show>
    </section>
  );
}

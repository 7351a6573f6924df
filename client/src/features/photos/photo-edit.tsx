import type { Attachment } from '@chungtay/model';
import { createSignal, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';

/**
 * Under a photo on a tablet that may edit: its caption (what the picture shows, "Dọn nhà cùng bà Bình")
 * and taking it off the record, after asking. The bytes stay on the tablet and the relay: another record
 * may show the same photo (erasure is what drops them, model listMembersVisitPhotos).
 */
export function PhotoEdit(props: {
  attachment: Attachment;
  onCaption: (caption: string) => boolean;
  onRemove: () => boolean;
}): JSX.Element {
  const { t, date } = useI18n();
  const [caption, setCaption] = createSignal(props.attachment.caption);
  const [failed, setFailed] = createSignal(false);
  const of = () => date(props.attachment.at.slice(0, 10));
  const save = (event: Event) => {
    event.preventDefault();
    setFailed(!props.onCaption(caption()));
  };
  return (
    <form class="photo-edit" onSubmit={save}>
      <TextField
        label={t('photos.caption')}
        value={caption()}
        onChange={setCaption}
        error={failed() ? t('photos.captionTooLong') : undefined}
      />
      <div class="photo-edit-actions">
        <Button type="submit" variant="secondary" aria-label={t('photos.captionSaveOf', { date: of() })}>
          {t('photos.captionSave')}
        </Button>
        <Button
          variant="quiet"
          aria-label={t('photos.removeOf', { date: of() })}
          onClick={() => {
            if (window.confirm(t('photos.removeConfirm'))) props.onRemove();
          }}
        >
          {t('photos.remove')}
        </Button>
      </div>
    </form>
  );
}

import { type JSX, Show } from 'solid-js';
import type { SaveState } from '../../data/club/club-session';
import { useI18n } from '../../i18n/i18n-context';

/** Says in words whether the last edit is on the tablet yet. */
export function SaveIndicator(props: { state: SaveState }): JSX.Element {
  const { t } = useI18n();
  return (
    <span
      class={`save-state save-${props.state}`}
      role="status"
      aria-live="polite"
      data-save-state={props.state}
    >
      <span aria-hidden="true">{props.state === 'saved' ? '✓' : props.state === 'saving' ? '…' : '!'}</span>{' '}
      {t(`save.${props.state}`)}
      <Show when={props.state === 'failed'}>
        <span class="save-detail">{t('save.failedDetail')}</span>
      </Show>
    </span>
  );
}

import { Toast, toaster } from '@kobalte/core/toast';
import type { JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { useI18n } from '../../i18n/i18n-context';
import type { ToastTone } from './toast';

/** Kobalte's toasts, loaded by toast.tsx after the first paint or with the first message. */
export function show(message: string, tone: ToastTone): void {
  toaster.show((props) => (
    // A <div>, not Kobalte's <li>: a list item cannot take the status role it needs to be announced.
    <Toast
      as="div"
      toastId={props.toastId}
      class={`toast toast-${tone}`}
      duration={tone === 'error' ? 8000 : 4000}
    >
      <Toast.Description class="toast-text">{message}</Toast.Description>
      <Toast.CloseButton class="btn btn-quiet toast-close" aria-label={useI18n().t('app.close')}>
        ✕
      </Toast.CloseButton>
    </Toast>
  ));
}

export function Region(): JSX.Element {
  const { t } = useI18n();
  return (
    <Portal>
      <Toast.Region class="toast-region" swipeDirection="right" aria-label={t('app.notifications')}>
        {/* A <div> for the same reason: an <ol> may hold only list items. */}
        <Toast.List as="div" class="toast-list" />
      </Toast.Region>
    </Portal>
  );
}

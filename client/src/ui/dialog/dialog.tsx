import { Dialog as KDialog } from '@kobalte/core/dialog';
import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: JSX.Element;
}

export function Dialog(props: DialogProps): JSX.Element {
  const { t } = useI18n();
  return (
    <KDialog open={props.open} onOpenChange={props.onOpenChange} modal>
      <KDialog.Portal>
        <KDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <KDialog.Content class="dialog-content">
            <header class="dialog-header">
              <KDialog.Title class="dialog-title">{props.title}</KDialog.Title>
              <KDialog.CloseButton class="btn btn-quiet dialog-close" aria-label={t('app.close')}>
                ✕
              </KDialog.CloseButton>
            </header>
            <div class="dialog-body">{props.children}</div>
          </KDialog.Content>
        </div>
      </KDialog.Portal>
    </KDialog>
  );
}

import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../button/button';

/** The footer every form in a dialog shares: Cancel, then the submit button. */
export function FormActions(props: { onCancel: () => void; submitLabel?: string }): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="form-actions">
      <Button variant="quiet" onClick={props.onCancel}>
        {t('app.cancel')}
      </Button>
      <Button variant="primary" type="submit">
        {props.submitLabel ?? t('app.save')}
      </Button>
    </div>
  );
}

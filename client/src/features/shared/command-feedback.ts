import type { CommandError, Result } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import type { FieldErrors } from './field-errors';

/**
 * Turns a command's expected failure into what the user sees: field messages
 * for a form, a toast for the rest. Returns the field errors (or null on success).
 */
export function feedback<T>(
  i18n: I18n,
  result: Result<T, CommandError>,
  success?: string,
): FieldErrors | null {
  if (result.ok) {
    if (success) showToast(success, 'success');
    return null;
  }
  const error = result.error;
  switch (error.type) {
    case 'invalid':
      return error.fields;
    case 'notFound':
      showToast(i18n.t('errors.notFound'), 'error');
      return {};
    case 'readOnly':
      showToast(i18n.t('errors.readOnly'), 'error');
      return {};
  }
}

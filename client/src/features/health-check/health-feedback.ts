import type { CommandError, HealthError, Result } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import type { FieldErrors } from '../shared/field-errors';

/**
 * A health command's outcome for the screen: a locked meeting (its minutes approved meanwhile, perhaps on
 * another tablet) said in words, the rest as every command's (field codes for the row, toasts).
 */
export function healthFeedback<T>(
  i18n: I18n,
  result: Result<T, HealthError>,
  success?: string,
): FieldErrors | null {
  if (!result.ok && result.error.type === 'approved') {
    showToast(i18n.t('healthCheck.locked.short'), 'error');
    return {};
  }
  return feedback(i18n, result as Result<T, CommandError>, success);
}

import type { CommandError, HealthError, Result } from '@chungtay/model';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import type { FieldErrors } from '../shared/field-errors';
import type { HealthI18n } from './health-i18n';

/**
 * A health command's outcome for the screen: a locked meeting (its minutes approved meanwhile, perhaps on
 * another tablet) said in words, the rest as every command's (field codes for the row, toasts).
 */
export function healthFeedback<T>(
  i18n: HealthI18n,
  result: Result<T, HealthError>,
  success?: string,
): FieldErrors | null {
  if (!result.ok && result.error.type === 'approved') {
    showToast(i18n.h('locked.short'), 'error');
    return {};
  }
  return feedback(i18n, result as Result<T, CommandError>, success);
}

import type { CommandError, NotSignerError, Result } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import type { FieldErrors } from '../shared/field-errors';

type MinutesFailure =
  | CommandError
  | { readonly type: 'approved' }
  | { readonly type: 'notApproved' }
  | NotSignerError;

/** `feedback` for minutes commands, which can also refuse because the minutes are (not) approved. */
export function minutesFeedback<T>(
  i18n: I18n,
  result: Result<T, MinutesFailure>,
  success?: string,
): FieldErrors | null {
  if (!result.ok && result.error.type === 'approved') {
    showToast(i18n.t('minutes.approvedError'), 'error');
    return {};
  }
  if (!result.ok && result.error.type === 'notApproved') {
    showToast(i18n.t('minutes.notApprovedError'), 'error');
    return {};
  }
  if (!result.ok && result.error.type === 'notSigner') {
    const { role } = result.error;
    const message =
      role === 'reopen'
        ? i18n.t('signatures.notReopener')
        : i18n.t('signatures.notSigner', {
            role: i18n.t(role === 'chair' ? 'minutes.roleChair' : 'minutes.roleSecretary'),
          });
    showToast(message, 'error');
    return {};
  }
  return feedback(i18n, result as Result<T, CommandError>, success);
}

/** The translated message of the first field error, for a single-field form. */
export function firstError(i18n: I18n, errors: FieldErrors | null): string | undefined {
  const code = errors ? Object.values(errors)[0] : undefined;
  return code ? i18n.t(`errors.${code}` as never) : undefined;
}

/** 'yyyy-mm-ddThh:mm…' → 'dd/mm/yyyy hh:mm' in the tablet's time zone. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

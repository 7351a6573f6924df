import type { FieldError } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';

export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The message for one field, in the UI language, or undefined when it is fine. */
export function fieldMessage(i18n: I18n, errors: FieldErrors, field: string): string | undefined {
  const code = errors[field];
  return code ? i18n.t(`errors.${code}`) : undefined;
}

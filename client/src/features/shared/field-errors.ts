import type { FieldError } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';

export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The message for one field, in the UI language, or undefined when it is fine. */
export function fieldMessage(i18n: I18n, errors: FieldErrors, field: string): string | undefined {
  const code = errors[field];
  return code ? i18n.t(`errors.${code}`) : undefined;
}

/**
 * The errors still true of the form: a field's error goes as soon as its value differs from the one that
 * was checked, so "Hãy nhập thông tin này." does not stay under a field the person has since filled.
 */
export function currentErrors(
  errors: FieldErrors,
  checked: Readonly<Record<string, unknown>>,
  now: Readonly<Record<string, unknown>>,
): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => checked[field] === now[field]));
}

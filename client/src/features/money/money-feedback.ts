import type { MoneyError, Result } from '@chungtay/model';
import { todayIso } from '../../i18n/format';
import { showToast } from '../../ui/toast/toast';
import type { MoneyFieldErrors } from './money-context';
import type { MoneyI18n, MoneyKey } from './money-i18n';

/**
 * A money command's result as the user sees it: field codes for a form to place under its fields, a
 * toast for the rest (gone, read-only, already corrected). Returns the field errors, null on success.
 */
export function moneyFeedback<T>(
  i18n: MoneyI18n,
  result: Result<T, MoneyError>,
  success?: string,
): MoneyFieldErrors | null {
  if (result.ok) {
    if (success !== undefined) showToast(success, 'success');
    return null;
  }
  const error = result.error;
  switch (error.type) {
    case 'invalid':
      return error.fields;
    case 'notFound':
      showToast(i18n.m('field.notFound'), 'error');
      return {};
    case 'readOnly':
      showToast(i18n.m('readOnly'), 'error');
      return {};
    case 'alreadyReversed':
      showToast(i18n.m('correct.already'), 'error');
      return {};
    case 'approved':
      // Another tablet approved the meeting's minutes while this form was open (money-locks.ts).
      showToast(i18n.m('meetingLocked', { date: i18n.date(todayIso(new Date(error.approvedAt))) }), 'error');
      return {};
  }
}

const FIELD_MESSAGES: Partial<Record<string, MoneyKey>> = {
  required: 'field.required',
  tooLong: 'field.tooLong',
  dateFormat: 'field.date',
  dateInFuture: 'field.dateInFuture',
  numberRange: 'field.numberRange',
};

/** The message of one field's model error code, in the screen's language. */
export function fieldText(i18n: MoneyI18n, errors: MoneyFieldErrors, field: string): string | undefined {
  const code = errors[field];
  if (code === undefined) return undefined;
  const key = FIELD_MESSAGES[code];
  return key === undefined ? i18n.t(`errors.${code}`) : i18n.m(key);
}

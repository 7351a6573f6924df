import { type IsoDate, isIsoDate } from '../ids/ids';
import type { FieldError } from './command';

/** Small field checks shared by the member, meeting and profile validators. Each returns null when fine. */

export const MAX_NAME = 100;
export const MAX_TEXT = 200;
export const MAX_NOTES = 2000;

export function checkRequiredText(value: string | undefined, max: number): FieldError | null {
  if (value === undefined || value.trim() === '') return 'required';
  return value.trim().length > max ? 'tooLong' : null;
}

export function checkOptionalText(value: string | undefined, max: number): FieldError | null {
  return value !== undefined && value.trim().length > max ? 'tooLong' : null;
}

/** A past or present date; ISO strings compare correctly as text. */
export function checkPastDate(value: IsoDate | null | undefined, today: IsoDate): FieldError | null {
  if (value === null || value === undefined) return null;
  if (!isIsoDate(value)) return 'dateFormat';
  return value > today ? 'dateInFuture' : null;
}

export function checkRequiredDate(value: IsoDate | undefined): FieldError | null {
  if (value === undefined || value === '') return 'required';
  return isIsoDate(value) ? null : 'dateFormat';
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkTime(value: string | undefined): FieldError | null {
  if (value === undefined || value === '') return null;
  return TIME.test(value) ? null : 'timeFormat';
}

/** Vietnamese mobile and landline numbers: 0 + 9 digits, or +84 + 9 digits, ignoring spaces, dots, dashes. */
export function checkPhone(value: string | undefined): FieldError | null {
  if (value === undefined) return null;
  const compact = value.replace(/[\s.-]/g, '');
  if (compact === '') return null;
  return /^0\d{9}$/.test(compact) || /^\+84\d{9}$/.test(compact) ? null : 'phoneFormat';
}

export function checkBirthYear(value: number | null | undefined, today: IsoDate): FieldError | null {
  if (value === null || value === undefined) return null;
  const ok = Number.isInteger(value) && value >= 1900 && value <= Number(today.slice(0, 4));
  return ok ? null : 'birthYearRange';
}

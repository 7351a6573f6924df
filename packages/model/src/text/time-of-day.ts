import { err, ok, type Result } from '../ids/ids';
import { foldVietnamese } from './vietnamese';

/**
 * Times of day as people write them on a meeting notice: "7h30", "7g30", "7 giờ 30", "7:30", "07:30",
 * "7.30", "19h", "0730", "2h chiều". The doc keeps 'HH:MM' (what `checkTime` accepts and what older
 * tablets read); the screen shows "7h30", the way a Vietnamese notice writes it.
 */

// After folding: the hour, an optional separator (h, g, gio, :, .), two-digit minutes with an optional
// unit (p, phut, '), then an optional part of the day. One-digit minutes ("7h5") are refused rather
// than guessed: 7h05 and 7h50 are both plausible.
const WRITTEN =
  /^(\d{1,2})\s*(?:(?:h|g|gio|:|\.)\s*(?:(\d{2})\s*(?:p|phut|')?)?)?\s*(sang|trua|chieu|toi|am|pm)?$/;
// Digits only, as typed on a numeric keypad: "730" is 7:30, "1930" is 19:30.
const COMPACT = /^(\d{1,2})(\d{2})$/;

type DayPart = 'sang' | 'trua' | 'chieu' | 'toi' | 'am' | 'pm';

/** "2h chiều" is 14:00 and "7h tối" 19:00; "12h trưa" stays 12:00; "11h trưa" is 11:00. */
function withDayPart(hour: number, part: DayPart | undefined): number | null {
  if (part === undefined) return hour;
  if (hour > 12) return part === 'chieu' || part === 'toi' || part === 'pm' ? hour : null;
  switch (part) {
    case 'sang':
    case 'am':
      return hour === 12 ? 0 : hour;
    case 'trua':
      return hour;
    case 'chieu':
    case 'toi':
    case 'pm':
      return hour === 12 ? 12 : hour + 12;
  }
}

/** 'HH:MM', '' for an empty field, or `timeFormat` for anything that is not a time of day. */
export function parseTimeOfDay(text: string): Result<string, 'timeFormat'> {
  const folded = foldVietnamese(text);
  if (folded === '') return ok('');
  const written = WRITTEN.exec(folded);
  const compact = written === null ? COMPACT.exec(folded) : null;
  const match = written ?? compact;
  if (match === null) return err('timeFormat');
  const hour = withDayPart(Number(match[1]), written?.[3] as DayPart | undefined);
  const minute = Number(match[2] ?? '0');
  if (hour === null || hour > 23 || minute > 59) return err('timeFormat');
  return ok(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** '07:30' -> "7h30", '19:00' -> "19h". A value that is not 'HH:MM' (an older peer's) is shown as stored. */
export function formatTimeOfDay(stored: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(stored);
  if (match === null) return stored;
  const hour = String(Number(match[1]));
  return match[2] === '00' ? `${hour}h` : `${hour}h${match[2]}`;
}

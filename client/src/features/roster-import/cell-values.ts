/**
 * Dates and years as commune registers hold them: text in dd/mm/yyyy (or d-m-yyyy, d.m.yyyy, ISO), a year
 * alone, an Excel serial number (days since 30/12/1899; Excel's phantom 29/02/1900 only shifts dates
 * before March 1900, which no member has), or a Date the spreadsheet reader made from a date-formatted cell.
 */

export type CellValue = string | number | boolean | Date | null | undefined;

export type DateParse =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly error: 'dateFormat' };

export type YearParse =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly error: 'yearFormat' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31/02 rolls over into March
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A four-digit number is a year (a typo like 2999 must stay a wrong year, not become a day in 1908), so
 * serials start at five digits: 10000 is 18/05/1927, before which no member was born or joined.
 */
const FIRST_SERIAL = 10_000;
const LAST_SERIAL = 2958465; // 31/12/9999

export function isExcelSerial(n: number): boolean {
  return Number.isFinite(n) && n >= FIRST_SERIAL && n <= LAST_SERIAL;
}

/** Day of an Excel serial (the time of day, the fraction, is dropped). */
export function excelSerialToIso(serial: number): string | null {
  if (!isExcelSerial(serial)) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The spreadsheet reader builds dates at UTC midnight: read them back in UTC, not the tablet's zone. */
function isoOfDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MY = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YEAR = /^(\d{4})$/;

/**
 * A day. A year alone or a month and year become the first day of that period, which the preview shows,
 * so nobody is surprised by it. Empty is null; anything else unreadable is an error, never a guess.
 */
export function parseDateCell(cell: CellValue): DateParse {
  if (cell === null || cell === undefined || cell === '') return { ok: true, value: null };
  if (cell instanceof Date) return orError(isoOfDate(cell));
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return orError(isoOf(cell, 1, 1));
    return orError(excelSerialToIso(cell));
  }
  if (typeof cell === 'boolean') return { ok: false, error: 'dateFormat' };
  const text = cell.trim();
  if (text === '') return { ok: true, value: null };
  const dmy = DMY.exec(text);
  if (dmy !== null) return orError(isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])));
  const ymd = YMD.exec(text);
  if (ymd !== null) return orError(isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])));
  const my = MY.exec(text);
  if (my !== null) return orError(isoOf(Number(my[2]), Number(my[1]), 1));
  const year = YEAR.exec(text);
  if (year !== null) return orError(isoOf(Number(year[1]), 1, 1));
  // A serial typed or exported as text ("21916") from a CSV written by another tool.
  if (/^\d+(\.\d+)?$/.test(text)) return orError(excelSerialToIso(Number(text)));
  return { ok: false, error: 'dateFormat' };
}

function orError(value: string | null): DateParse {
  return value === null ? { ok: false, error: 'dateFormat' } : { ok: true, value };
}

/**
 * A birth year from a year ("1958", 1958), a full date ("05/03/1958", a date cell, a serial) or "1958.0"
 * as some exports write numbers. The range check (1900 to this year) is the model's, like the form's.
 */
export function parseYearCell(cell: CellValue): YearParse {
  if (cell === null || cell === undefined || cell === '') return { ok: true, value: null };
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < FIRST_SERIAL)
    return { ok: true, value: cell };
  if (typeof cell === 'string' && /^\s*\d{4}(\.0+)?\s*$/.test(cell))
    return { ok: true, value: Math.trunc(Number(cell.trim())) };
  const date = parseDateCell(cell);
  if (!date.ok) return { ok: false, error: 'yearFormat' };
  return { ok: true, value: date.value === null ? null : Number(date.value.slice(0, 4)) };
}

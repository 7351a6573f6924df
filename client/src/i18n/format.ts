import type { Locale } from './locale';

// Dates stay dd/mm/yyyy in every language: that is how the clubs' books are kept.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

export function formatDate(iso: string | null | undefined): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Parses "5/3/2026" or "05/03/2026" into "2026-03-05"; null when it is not a real calendar date. */
export function parseDisplayDate(text: string): string | null {
  const m = DISPLAY_DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
}

/** "1.500.000 đ" in Vietnamese; đồng stay đồng in English too ("1,500,000 đ"). */
export function formatMoney(amount: number, locale: Locale): string {
  return `${numberFormat(locale, 0).format(amount)} đ`;
}

/** A measurement as the health book writes it: "45,5" in Vietnamese, "45.5" in English. */
export function formatDecimal(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, digits).format(value);
}

/**
 * A Vietnamese phone number grouped as people read it aloud: "0986 076 324" (mobile, 4-3-3), "024 3825 1234"
 * (a Hà Nội or Hồ Chí Minh landline, 3-4-4), "+84 986 076 324". Anything else is shown as it was written.
 */
export function formatPhone(raw: string): string {
  const text = raw.trim();
  const digits = text.replace(/[\s.-]/g, '');
  if (/^0\d{9}$/.test(digits)) {
    return digits.startsWith('02')
      ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
      : `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  }
  if (/^02\d{9}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  if (/^\+84\d{9}$/.test(digits)) return `+84 ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`;
  return text;
}

/** pct is 0..100: "62,5%" in Vietnamese, "62.5%" in English. */
export function formatPercent(pct: number, locale: Locale): string {
  return `${numberFormat(locale, 1).format(pct)}%`;
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${numberFormat(locale, unit === 0 ? 0 : 1).format(value)} ${units[unit]}`;
}

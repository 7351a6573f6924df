import { formatDate, parseDisplayDate } from '../../i18n/format';

/**
 * Form state for a dd/mm/yyyy field: the text stays exactly as typed, and it
 * converts to an ISO date (or a 'dateFormat' error) only on submit.
 */
export function dateToText(iso: string | null): string {
  return formatDate(iso);
}

export function textToDate(text: string): { ok: true; value: string | null } | { ok: false } {
  if (!text.trim()) return { ok: true, value: null };
  const iso = parseDisplayDate(text);
  return iso ? { ok: true, value: iso } : { ok: false };
}

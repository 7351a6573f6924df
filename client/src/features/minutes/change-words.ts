import { ID_PATTERN, type MinutesChange } from '@chungtay/model';
import { enChangeLabels } from '../../i18n/en-change-labels';
import type { Locale } from '../../i18n/locale';
import { type ChangeLabels, viChangeLabels } from '../../i18n/vi-change-labels';

/**
 * The late-changes list and the version history read in words: a person's name, the field's label and
 * "10:02 03/12/2026". The model records keys, ids and author strings; these pure functions turn them into
 * what a secretary reads, so a raw key ("bodyText") or id never reaches the screen.
 */

export function changeLabels(locale: Locale): ChangeLabels {
  return locale === 'en' ? enChangeLabels : viChangeLabels;
}

/** The field's label; a key this build does not know (written by a newer tablet) reads as a word too. */
export function fieldLabel(labels: ChangeLabels, key: string): string {
  return Object.hasOwn(labels.fields, key)
    ? labels.fields[key as keyof ChangeLabels['fields']]
    : labels.otherField;
}

/**
 * Who made a version: the roster's name when the recorded author is a member id, the recorded name when
 * it is one, and "một máy khác" when all we have is an id the roster does not know (or nothing).
 */
export function authorName(by: string | null, nameOf: (id: string) => string, labels: ChangeLabels): string {
  const recorded = (by ?? '').trim();
  if (recorded === '') return labels.unknownAuthor;
  const fromRoster = nameOf(recorded);
  if (fromRoster !== '') return fromRoster;
  return ID_PATTERN.test(recorded) ? labels.unknownAuthor : recorded;
}

/** "10:02 03/12/2026" in the tablet's time zone: time first, as the examples read. */
export function formatChangeTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export interface LateChangeWords {
  readonly labels: ChangeLabels;
  readonly section: (section: MinutesChange['section']) => string;
  readonly verb: (change: MinutesChange['change']) => string;
  /** A member's name from the club view; '' when unknown. */
  readonly nameOf: (id: string) => string;
}

function field(record: unknown, key: string): string {
  if (typeof record !== 'object' || record === null) return '';
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** What the change is about, in words: the field, the member, the item's title or the action. */
function subject(change: MinutesChange, w: LateChangeWords): string {
  const record = change.current ?? change.approved;
  switch (change.section) {
    case 'header':
      return fieldLabel(w.labels, change.key);
    case 'attendance':
      return w.nameOf(change.key) || w.labels.fields.memberId;
    case 'agenda':
      return field(record, 'title');
    case 'actions':
      return field(record, 'what');
    case 'money': {
      const member = field(record, 'memberId');
      return member === '' ? '' : w.nameOf(member);
    }
  }
}

/**
 * One line of the late-changes list: "Nội dung · Khai mạc · sửa Nội dung, Kết luận, quyết định".
 * Header changes name their field once (as the subject), so the field list is left off for them.
 */
export function describeLateChange(change: MinutesChange, w: LateChangeWords): string {
  const fields =
    change.section === 'header' ? '' : change.fields.map((f) => fieldLabel(w.labels, f)).join(', ');
  return [w.section(change.section), subject(change, w), `${w.verb(change.change)} ${fields}`.trim()]
    .filter((part) => part !== '')
    .join(' · ');
}

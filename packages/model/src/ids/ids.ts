/** Branded ids, ISO dates and the Result type shared by every command. */

export type ClubId = string & { readonly __brand: 'ClubId' };
export type MemberId = string & { readonly __brand: 'MemberId' };
export type GroupId = string & { readonly __brand: 'GroupId' };
export type MeetingId = string & { readonly __brand: 'MeetingId' };

/** A calendar date 'yyyy-mm-dd' with no time zone: meetings and birthdays are local facts. */
export type IsoDate = string;

export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 22;

/** The same pattern the relay uses to accept a club id as a document name. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

type RandomSource = { getRandomValues<T extends Uint8Array>(array: T): T };

// The base tsconfig has no DOM lib, so the Web Crypto global is typed here; browsers and Node >= 19 both have it.
function randomSource(): RandomSource {
  const source = (globalThis as { crypto?: RandomSource }).crypto;
  if (source === undefined) throw new Error('globalThis.crypto.getRandomValues is required to make ids');
  return source;
}

/** 22 symbols of 6 bits each = 132 random bits; 64 divides 256 so masking a byte is unbiased. */
function randomId(): string {
  const bytes = randomSource().getRandomValues(new Uint8Array(ID_LENGTH));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

export function newClubId(): ClubId {
  return randomId() as ClubId;
}

export function newMemberId(): MemberId {
  return randomId() as MemberId;
}

export function newGroupId(): GroupId {
  return randomId() as GroupId;
}

export function newMeetingId(): MeetingId {
  return randomId() as MeetingId;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Code-unit order: stable across locales, which is what deterministic views need. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date: '2025-02-30' is rejected, not rolled over. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year of an IsoDate; callers pass dates already checked with isIsoDate. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Shifts a date by whole months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = yearOf(date);
  const month = Number(date.slice(5, 7)) - 1 + months;
  const y = year + Math.floor(month / 12);
  const m = (((month % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

import type { CommitteeRole, Gender, HouseholdStatus, MemberInput } from '@chungtay/model';
import { type CellValue, parseDateCell, parseYearCell } from './cell-values';
import { type ColumnTarget, foldHeader, type ImportField } from './import-fields';

/**
 * One sheet row into a member draft, by the column mapping. Reading problems (a gender or a date it
 * cannot read) are reported per member field; the model's checks (name required, phone, year range)
 * come on top in the preview. Nothing is guessed silently: what cannot be read is an error in words.
 */

export type ReadProblem =
  | 'dateFormat'
  | 'yearFormat'
  | 'genderMissing'
  | 'genderUnknown'
  | 'householdUnknown';

export interface RowDraft {
  readonly draft: MemberInput;
  readonly problems: Readonly<Partial<Record<keyof MemberInput, ReadProblem>>>;
  /** Nothing in any mapped column: a spacer or trailing row, not a member. */
  readonly blank: boolean;
}

export type ColumnMapping = ReadonlyMap<number, ColumnTarget>;

const cellText = (cell: CellValue): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? '' : String(cell).trim();

const MALE = new Set(['nam', 'm', 'male', 'ong', 'trai']);
const FEMALE = new Set(['nu', 'f', 'female', 'ba', 'gai']);
const OTHER = new Set(['khac', 'other']);
const MARKED = new Set(['x', 'co', '1', 'v', 'yes', 'true', 'ok', '✓', '✔']);
const UNMARKED = new Set(['', '0', 'khong', 'no', 'false', '-']);

function isMarked(cell: CellValue): boolean {
  if (cell === true) return true;
  const folded = foldHeader(cellText(cell)) || cellText(cell);
  return !UNMARKED.has(folded);
}

function parseGender(cell: CellValue): Gender | 'unknown' | null {
  const folded = foldHeader(cellText(cell));
  if (folded === '') return null;
  if (MALE.has(folded)) return 'male';
  if (FEMALE.has(folded)) return 'female';
  if (OTHER.has(folded)) return 'other';
  return 'unknown';
}

function parseHousehold(cell: CellValue): HouseholdStatus | 'unknown' {
  const folded = foldHeader(cellText(cell));
  if (UNMARKED.has(folded) || folded === 'binh thuong' || folded === 'khong thuoc dien') return 'none';
  if (folded.includes('can ngheo') || folded === 'cn' || folded === 'hcn') return 'nearPoor';
  if (folded.includes('ngheo') || folded === 'hn') return 'poor';
  return 'unknown';
}

/** Kinh is the majority; any other people named, or a mark in a "DTTS" column, is an ethnic minority. */
function isEthnicMinority(cell: CellValue): boolean {
  const folded = foldHeader(cellText(cell));
  return !(UNMARKED.has(folded) || folded === 'kinh' || folded === 'viet' || folded === 'viet nam');
}

const ROLES: readonly [string, CommitteeRole][] = [
  ['pho chu nhiem', 'viceChair'],
  ['chu nhiem', 'chair'],
  ['thu ky', 'secretary'],
  ['thu quy', 'treasurer'],
  ['ke toan', 'treasurer'],
  ['nhom truong', 'groupLeader'],
  ['to truong', 'groupLeader'],
  ['truong nhom', 'groupLeader'],
];

/** Titles vary ("Trưởng thôn" is no club role): an unknown title means an ordinary member. */
function parseRole(cell: CellValue): CommitteeRole {
  const folded = foldHeader(cellText(cell));
  return ROLES.find(([words]) => folded.includes(words))?.[1] ?? 'none';
}

/** Excel drops a phone's leading 0 when the column is numeric: 912345678 is 0912345678. */
export function readPhone(cell: CellValue): string {
  const first = cellText(cell).split(/[/,;]/)[0]?.trim() ?? '';
  const digits = first.replace(/[\s.-]/g, '');
  return /^[1-9]\d{8}$/.test(digits) ? `0${digits}` : first;
}

/**
 * "NGUYỄN THỊ LAN" or "nguyen thi lan", as some lists write names, become "Nguyễn Thị Lan" and "Nguyen Thi
 * Lan"; a name in mixed case is left as written.
 */
export function readName(text: string): string {
  const spaced = text.trim().replace(/\s+/g, ' ');
  const upper = spaced.toLocaleUpperCase('vi');
  const lower = spaced.toLocaleLowerCase('vi');
  if ((spaced !== upper && spaced !== lower) || upper === lower) return spaced;
  return spaced
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

export function rowToDraft(row: readonly CellValue[], mapping: ColumnMapping): RowDraft {
  const cells = new Map<ImportField, CellValue>();
  for (const [index, target] of mapping) {
    if (target === 'skip') continue;
    const cell = row[index];
    if (cellText(cell) !== '' || cell instanceof Date) cells.set(target, cell);
  }
  const problems: Partial<Record<keyof MemberInput, ReadProblem>> = {};
  const name = cells.has('fullName')
    ? cellText(cells.get('fullName'))
    : [cellText(cells.get('familyName')), cellText(cells.get('givenName'))].filter((s) => s !== '').join(' ');

  let gender = parseGender(cells.get('gender'));
  let yearCell = cells.get('birthYear');
  // "Năm sinh" split into a Nam and a Nữ column: the column that holds the year tells the gender too.
  for (const [field, g] of [
    ['birthYearMale', 'male'],
    ['birthYearFemale', 'female'],
  ] as const) {
    const cell = cells.get(field);
    if (cell === undefined || !isMarked(cell)) continue;
    if (gender === null) gender = g;
    if (yearCell === undefined && parseYearCell(cell).ok && !MARKED.has(foldHeader(cellText(cell))))
      yearCell = cell;
  }
  if (gender === null) problems.gender = 'genderMissing';
  if (gender === 'unknown') problems.gender = 'genderUnknown';

  const year = parseYearCell(yearCell);
  if (!year.ok) problems.birthYear = year.error;
  const joined = parseDateCell(cells.get('joinedOn'));
  if (!joined.ok) problems.joinedOn = joined.error;

  let household: HouseholdStatus = 'none';
  if (cells.has('household')) {
    const read = parseHousehold(cells.get('household'));
    if (read === 'unknown') problems.household = 'householdUnknown';
    else household = read;
  }
  if (household === 'none' && cells.has('nearPoor') && isMarked(cells.get('nearPoor')))
    household = 'nearPoor';
  if (household === 'none' && cells.has('poor') && isMarked(cells.get('poor'))) household = 'poor';

  const draft: MemberInput = {
    fullName: readName(name),
    gender: gender === null || gender === 'unknown' ? 'other' : gender,
    birthYear: year.ok ? year.value : null,
    phone: readPhone(cells.get('phone') ?? null),
    hamlet: cellText(cells.get('hamlet')),
    household,
    ethnicMinority: cells.has('ethnicity') && isEthnicMinority(cells.get('ethnicity')),
    joinedOn: joined.ok ? joined.value : null,
    role: parseRole(cells.get('role') ?? null),
    notes: cellText(cells.get('notes')),
  };
  return { draft, problems, blank: cells.size === 0 };
}

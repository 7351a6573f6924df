/**
 * The register columns the import knows, and how commune files title them. Headers are compared folded
 * (no diacritics, đ as d, lower case, punctuation as spaces, words in parentheses dropped), so "HỌ VÀ TÊN",
 * "Họ  và tên" and "Ho va ten" are one header.
 */
export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'gender',
  'birthYear',
  'birthYearMale',
  'birthYearFemale',
  'phone',
  'hamlet',
  'household',
  'poor',
  'nearPoor',
  'ethnicity',
  'joinedOn',
  'role',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A column is mapped to a field or left out of the import ("bỏ qua"). */
export type ColumnTarget = ImportField | 'skip';

const ALIASES: Readonly<Record<ColumnTarget, readonly string[]>> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten thanh vien',
    'ho ten thanh vien',
    'ho va ten hoi vien',
    'ten thanh vien',
    'full name',
    'name',
  ],
  familyName: ['ho', 'ho dem', 'ho va ten dem', 'ho va chu dem', 'ho chu dem', 'ho lot', 'ho va dem'],
  givenName: ['ten', 'ten goi'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'nam/nu', 'phai', 'gender', 'sex'],
  birthYear: [
    'nam sinh',
    'ngay sinh',
    'ngay thang nam sinh',
    'sinh nam',
    'ns',
    'birth year',
    'date of birth',
  ],
  birthYearMale: [],
  birthYearFemale: ['nu'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'so dt', 'dtdd', 'di dong', 'phone'],
  hamlet: [
    'thon',
    'ap',
    'xom',
    'to',
    'ban',
    'khu pho',
    'to dan pho',
    'thon/ap',
    'thon/xom',
    'thon/to',
    'ap/khu pho',
    'thon/ap/xom',
    'dia chi',
    'noi o',
    'cho o',
    'noi cu tru',
    'khu',
    'buon',
    'lang',
    'address',
  ],
  household: [
    'ho ngheo/can ngheo',
    'ho ngheo/ho can ngheo',
    'hoan canh',
    'dien ho',
    'hoan canh gia dinh',
    'phan loai ho',
    'ho ngheo can ngheo',
    'household',
  ],
  poor: ['ho ngheo', 'hn', 'ngheo'],
  nearPoor: ['ho can ngheo', 'can ngheo', 'hcn', 'cn'],
  ethnicity: ['dan toc', 'dtts', 'dan toc thieu so', 'ethnicity'],
  joinedOn: [
    'ngay vao',
    'ngay tham gia',
    'ngay vao clb',
    'ngay gia nhap',
    'ngay ket nap',
    'thoi gian tham gia',
    'ngay vao hoi',
  ],
  role: ['chuc vu', 'chuc danh', 'vai tro', 'role'],
  notes: ['ghi chu', 'ghi chu khac', 'note', 'notes'],
  // A running number or a signature column is never data to import.
  skip: ['stt', 'tt', 'so tt', 'so thu tu', 'ky ten', 'ky nhan'],
};

/** Folds a header for comparison; also used on cell text (gender, household) by row-draft. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

const EXACT = new Map<string, ColumnTarget>(
  Object.entries(ALIASES).flatMap(([target, aliases]) => aliases.map((a) => [a, target as ColumnTarget])),
);

/**
 * The field a header names, or null. "Nam" (male) and "Năm" (year) fold alike, so the plain word decides
 * with its diacritics: under "Năm sinh" many registers split the year into a "Nam" and a "Nữ" column.
 */
export function recognizeHeader(title: string): ColumnTarget | null {
  const plain = title.normalize('NFC').trim().toLowerCase();
  if (plain === 'nam') return 'birthYearMale';
  if (plain === 'năm') return 'birthYear';
  const folded = foldHeader(title);
  if (folded === '') return null;
  const exact = EXACT.get(folded);
  if (exact !== undefined) return exact;
  // "Họ và tên thành viên CLB", "Năm sinh của hội viên": a longer header that starts with a known one.
  let best: { target: ColumnTarget; length: number } | null = null;
  for (const [alias, target] of EXACT) {
    if (alias.length < 5 || !folded.startsWith(`${alias} `)) continue;
    if (best === null || alias.length > best.length) best = { target, length: alias.length };
  }
  return best?.target ?? null;
}

export interface ColumnGuess {
  readonly index: number;
  readonly title: string;
  readonly target: ColumnTarget | null;
}

export interface HeaderGuess {
  /** Index of the first data row in the sheet. */
  readonly dataStart: number;
  readonly columns: readonly ColumnGuess[];
}

type Cell = unknown;
const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** How many fields a row names: the header row is the one that names most (titles often sit below a banner). */
function score(row: readonly Cell[]): number {
  return row.filter((c) => {
    const t = recognizeHeader(text(c));
    return t !== null && t !== 'skip';
  }).length;
}

/**
 * Finds the header among the first rows and maps each column to a field; a field is claimed by its first
 * column only, the user maps the rest. A second header row of "Nam" / "Nữ" under "Năm sinh" is folded in.
 */
export function guessHeader(rows: readonly (readonly Cell[])[]): HeaderGuess {
  const firstRows = rows.slice(0, 12);
  let headerAt = firstRows.findIndex((r) => r.some((c) => text(c) !== ''));
  let bestScore = 0;
  firstRows.forEach((row, i) => {
    const s = score(row);
    if (s > bestScore) {
      bestScore = s;
      headerAt = i;
    }
  });
  if (headerAt < 0) return { dataStart: rows.length, columns: [] };
  const header = rows[headerAt] ?? [];
  const below = rows[headerAt + 1] ?? [];
  const width = Math.max(header.length, below.length);
  // Only a row of nothing but "Nam" / "Nữ" is a second header: a member's row also says "Nữ" (its gender).
  const belowFilled = below.filter((c) => text(c) !== '');
  const subHeader =
    belowFilled.length > 0 &&
    belowFilled.every((c) => {
      const t = recognizeHeader(text(c));
      return t === 'birthYearMale' || t === 'birthYearFemale';
    });
  const claimed = new Set<ColumnTarget>();
  const columns: ColumnGuess[] = [];
  for (let i = 0; i < width; i++) {
    const sub = subHeader ? recognizeHeader(text(below[i])) : null;
    const useSub = sub === 'birthYearMale' || sub === 'birthYearFemale';
    const title = useSub ? text(below[i]) : text(header[i]);
    let target = recognizeHeader(title);
    if (target !== null && target !== 'skip' && claimed.has(target)) target = null;
    if (target !== null) claimed.add(target);
    if (title === '' && columnIsEmpty(rows, headerAt + (subHeader ? 2 : 1), i)) continue;
    columns.push({ index: i, title, target });
  }
  return { dataStart: headerAt + (subHeader ? 2 : 1), columns };
}

function columnIsEmpty(rows: readonly (readonly Cell[])[], from: number, index: number): boolean {
  for (let r = from; r < rows.length; r++) if (text(rows[r]?.[index]) !== '') return false;
  return true;
}

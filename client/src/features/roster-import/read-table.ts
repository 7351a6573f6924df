import type { CellValue } from './cell-values';

/**
 * A picked file into rows of cells, or a reason in one word the screen puts in Vietnamese. Nothing is
 * written anywhere here; a bad file only produces a message. The readers load on the import screen only.
 */

/**
 * A club has 50-70 members and a commune's list a few hundred; 3,000 data rows cover any register a club
 * would import while the preview stays quick on a cheap tablet. Bigger files are refused whole.
 */
export const MAX_ROWS = 3000;
/** A register of 3,000 rows with styling is well under 5 MB; a larger file is something else. */
export const MAX_BYTES = 10 * 1024 * 1024;

export type ReadError =
  | { readonly type: 'notSpreadsheet' }
  | { readonly type: 'oldXls' }
  | { readonly type: 'brokenArchive' }
  | { readonly type: 'empty' }
  | { readonly type: 'tooManyRows'; readonly rows: number }
  | { readonly type: 'tooLarge' };

export type Table = readonly (readonly CellValue[])[];

export type ReadResult =
  | { readonly ok: true; readonly rows: Table; readonly sheet: string }
  | { readonly ok: false; readonly error: ReadError };

export type FileKind = 'xlsx' | 'csv' | 'xls' | 'other';

export function fileKind(name: string): FileKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xls') return 'xls';
  return 'other';
}

const isBlankRow = (row: readonly CellValue[]) =>
  row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** Drops trailing blank rows (Excel keeps formatted empty rows) and checks the size. */
export function settleRows(rows: Table, sheet: string): ReadResult {
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1] ?? [])) end--;
  const kept = rows.slice(0, end);
  const filled = kept.filter((r) => !isBlankRow(r)).length;
  if (filled === 0) return { ok: false, error: { type: 'empty' } };
  // Minus one for the header row; a second header row is still within the margin.
  if (filled - 1 > MAX_ROWS) return { ok: false, error: { type: 'tooManyRows', rows: filled - 1 } };
  return { ok: true, rows: kept, sheet };
}

/**
 * Excel on a Vietnamese Windows saves "CSV" in the Windows-1258 code page unless the user picks
 * "CSV UTF-8": try UTF-8 strictly first, then that code page. A NUL byte means it is not text at all.
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

export async function parseCsv(text: string): Promise<ReadResult> {
  const { default: Papa } = await import('papaparse');
  // Delimiter sniffed among comma, semicolon (Excel with a Vietnamese list separator) and tab.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  return settleRows(parsed.data, '');
}

async function readXlsx(file: Blob): Promise<ReadResult> {
  const { default: readXlsxFile, InvalidInputError } = await import('read-excel-file/browser');
  try {
    const sheets = await readXlsxFile(file);
    // The register is the first sheet with something in it; cover sheets and blank tabs are passed over.
    const sheet = sheets.find((s) => s.data.some((row) => !isBlankRow(row as CellValue[]))) ?? sheets[0];
    if (sheet === undefined) return { ok: false, error: { type: 'empty' } };
    return settleRows(sheet.data as unknown as Table, sheet.sheet);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      if (error.code === 'INVALID_ZIP') return { ok: false, error: { type: 'brokenArchive' } };
      if (error.code === 'XLS_FILE_NOT_SUPPORTED') return { ok: false, error: { type: 'oldXls' } };
      if (error.code === 'NO_DATA') return { ok: false, error: { type: 'empty' } };
      return { ok: false, error: { type: 'notSpreadsheet' } };
    }
    // A zip whose parts are missing or malformed XML: the archive is damaged as far as anyone can tell.
    return { ok: false, error: { type: 'brokenArchive' } };
  }
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export async function readTable(file: Blob & { readonly name: string }): Promise<ReadResult> {
  if (file.size === 0) return { ok: false, error: { type: 'empty' } };
  if (file.size > MAX_BYTES) return { ok: false, error: { type: 'tooLarge' } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = fileKind(file.name);
  // The content decides over the name: a register renamed .xls, or an .xlsx saved as .csv, still reads.
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, error: { type: 'oldXls' } };
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(new Blob([bytes]));
  if (kind === 'xlsx') return { ok: false, error: { type: 'notSpreadsheet' } };
  if (kind === 'csv') {
    const text = decodeCsv(bytes);
    return text === null ? { ok: false, error: { type: 'notSpreadsheet' } } : parseCsv(text);
  }
  return { ok: false, error: { type: 'notSpreadsheet' } };
}

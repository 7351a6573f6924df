import { formatDate } from '../../i18n/format';
import { toCsv } from './csv-write';

/**
 * A table to export, generic over its rows: the roster today, the report's figures later. A column says
 * how its cells are typed so the .xlsx keeps numbers as numbers, days as Excel dates shown dd/mm/yyyy, and
 * text as text (a phone's leading 0 survives).
 */
export type ExportCell =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'number'; readonly value: number | null }
  | { readonly type: 'date'; readonly value: string | null };

export interface ExportColumn<Row> {
  readonly title: string;
  /** Width in characters in the .xlsx. */
  readonly width?: number;
  readonly cell: (row: Row) => ExportCell;
}

export function cellText(cell: ExportCell): string {
  if (cell.type === 'text') return cell.value;
  if (cell.value === null) return '';
  return cell.type === 'date' ? formatDate(cell.value) : String(cell.value);
}

export function tableToCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string {
  return toCsv([
    columns.map((c) => c.title),
    ...rows.map((row) => columns.map((c) => cellText(c.cell(row)))),
  ]);
}

export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}

/** The .xlsx writer loads only when someone exports. */
export async function tableToXlsx<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  sheet: string,
): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((c) => ({ value: c.title, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((c) => {
      const cell = c.cell(row);
      if (cell.type === 'text') return { value: cell.value, type: String };
      if (cell.value === null) return null;
      if (cell.type === 'number') return { value: cell.value, type: Number };
      const [y, m, d] = cell.value.split('-').map(Number);
      return { value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), type: Date, format: 'dd/mm/yyyy' };
    }),
  );
  // Excel limits sheet names to 31 characters and forbids a few symbols.
  const name = sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
  return writeXlsxFile([header, ...body], {
    sheet: name,
    columns: columns.map((c) => ({ width: c.width ?? 16 })),
    stickyRowsCount: 1,
  }).toBlob();
}

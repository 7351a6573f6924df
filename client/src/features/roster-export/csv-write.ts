/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel reads the file as the Windows code
 * page and "Nguyễn" comes out garbled), comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote, a line break or edge spaces (RFC 4180).
 */

export const BOM = '\uFEFF';

/**
 * A cell that starts like a formula (=, @, or + and - followed by a letter) would run as one when the
 * file is opened in Excel: a quote in front keeps it text. Phone numbers (+84…) and negative numbers keep
 * their form.
 */
function neutralizeFormula(text: string): string {
  return /^[=@\t\r]/.test(text) || /^[+-][^\d\s.,]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  const text = neutralizeFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}\r\n`;
}

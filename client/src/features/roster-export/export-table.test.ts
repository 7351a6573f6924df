import readXlsxFile from 'read-excel-file/browser';
import { describe, expect, it } from 'vitest';
import { BOM } from './csv-write';
import { type ExportColumn, tableToCsv, tableToXlsx } from './export-table';

interface Person {
  name: string;
  year: number | null;
  phone: string;
  joined: string | null;
}
const columns: ExportColumn<Person>[] = [
  { title: 'Họ và tên', cell: (p) => ({ type: 'text', value: p.name }) },
  { title: 'Năm sinh', cell: (p) => ({ type: 'number', value: p.year }) },
  { title: 'Điện thoại', cell: (p) => ({ type: 'text', value: p.phone }) },
  { title: 'Ngày vào', cell: (p) => ({ type: 'date', value: p.joined }) },
];
const people: Person[] = [
  { name: 'Nguyễn Thị Lan', year: 1958, phone: '0912345678', joined: '2024-01-10' },
  { name: 'Lê Văn Ba', year: null, phone: '', joined: null },
];

describe('export tables', () => {
  it('writes CSV with the titles, dd/mm/yyyy days and empty cells for unknowns', () => {
    expect(tableToCsv(columns, people)).toBe(
      `${BOM}Họ và tên,Năm sinh,Điện thoại,Ngày vào\r\nNguyễn Thị Lan,1958,0912345678,10/01/2024\r\nLê Văn Ba,,,\r\n`,
    );
  });

  it('writes an .xlsx that reads back with numbers, text phones and real dates', async () => {
    const blob = await tableToXlsx(columns, people, 'Thành viên');
    const [sheet] = await readXlsxFile(blob);
    expect(sheet?.sheet).toBe('Thành viên');
    expect(sheet?.data).toEqual([
      ['Họ và tên', 'Năm sinh', 'Điện thoại', 'Ngày vào'],
      ['Nguyễn Thị Lan', 1958, '0912345678', new Date(Date.UTC(2024, 0, 10))],
      ['Lê Văn Ba', null, null, null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/browser';
import { decodeCsv, MAX_ROWS, readTable } from './read-table';

const named = (parts: BlobPart[], name: string) => new File(parts, name);

async function xlsx(rows: (string | number | null)[][]): Promise<Blob> {
  return writeXlsxFile(rows.map((r) => r.map((value) => (value === null ? null : { value })))).toBlob();
}

describe('readTable', () => {
  it('reads the first sheet of an .xlsx, dropping trailing blank rows', async () => {
    const blob = await xlsx([
      ['Họ và tên', 'Năm sinh'],
      ['Nguyễn Thị Lan', 1958],
      [null, null],
    ]);
    const result = await readTable(named([blob], 'danh sach.xlsx'));
    expect(result).toEqual({
      ok: true,
      sheet: 'Sheet1',
      rows: [
        ['Họ và tên', 'Năm sinh'],
        ['Nguyễn Thị Lan', 1958],
      ],
    });
  });

  it('reads a UTF-8 CSV with a BOM and a semicolon CSV saved in the Windows Vietnamese code page', async () => {
    const utf8 = await readTable(named(['\uFEFFHọ và tên,Năm sinh\r\nNguyễn Thị Lan,1958\r\n'], 'a.csv'));
    expect(utf8).toMatchObject({
      ok: true,
      rows: [
        ['Họ và tên', 'Năm sinh'],
        ['Nguyễn Thị Lan', '1958'],
      ],
    });
    // "Tên;Năm\r\nLan;1958" in windows-1258: ê is 0xEA, ă is 0xE3.
    const cp1258 = new Uint8Array([
      0x54, 0xea, 0x6e, 0x3b, 0x4e, 0xe3, 0x6d, 0x0d, 0x0a, 0x4c, 0x61, 0x6e, 0x3b, 0x31, 0x39, 0x35, 0x38,
    ]);
    expect(await readTable(named([cp1258], 'b.csv'))).toMatchObject({
      ok: true,
      rows: [
        ['Tên', 'Năm'],
        ['Lan', '1958'],
      ],
    });
  });

  it('says why a bad file cannot be read', async () => {
    const good = new Uint8Array(await (await xlsx([['Họ và tên'], ['Lan']])).arrayBuffer());
    const cases: [File, string][] = [
      [named([good.subarray(0, Math.floor(good.length / 2))], 'hong.xlsx'), 'brokenArchive'],
      [named(['xin chào'], 'ghi chu.xlsx'), 'notSpreadsheet'],
      [named([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], 'anh.png'), 'notSpreadsheet'],
      [named([new Uint8Array([0, 1, 2, 3])], 'la.csv'), 'notSpreadsheet'],
      [named([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])], 'cu.xls'), 'oldXls'],
      [named([], 'rong.csv'), 'empty'],
      [named([' ,\r\n,,\r\n'], 'trong.csv'), 'empty'],
    ];
    for (const [file, type] of cases)
      expect(await readTable(file)).toMatchObject({ ok: false, error: { type } });
  });

  it('refuses a sheet above the row cap as a whole', async () => {
    const lines = ['Họ và tên', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Người ${i}`)].join('\n');
    expect(await readTable(named([lines], 'lon.csv'))).toEqual({
      ok: false,
      error: { type: 'tooManyRows', rows: MAX_ROWS + 1 },
    });
    const atCap = ['Họ và tên', ...Array.from({ length: MAX_ROWS }, (_, i) => `Người ${i}`)].join('\n');
    expect((await readTable(named([atCap], 'vua.csv'))).ok).toBe(true);
  });
});

describe('decodeCsv', () => {
  it('calls bytes with NUL not text', () => {
    expect(decodeCsv(new Uint8Array([65, 0, 66]))).toBeNull();
  });
});

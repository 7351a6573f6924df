import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv-write';

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark so Excel shows the diacritics, and ends lines with CRLF', () => {
    const csv = toCsv([
      ['Họ và tên', 'Năm sinh'],
      ['Nguyễn Thị Lan', '1958'],
    ]);
    expect(csv).toBe(`${BOM}Họ và tên,Năm sinh\r\nNguyễn Thị Lan,1958\r\n`);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvField('Thôn Đông, xã An')).toBe('"Thôn Đông, xã An"');
    expect(csvField('Bà "Út"')).toBe('"Bà ""Út"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField(' lề ')).toBe('" lề "');
    expect(csvField('0912 345 678')).toBe('0912 345 678');
  });

  it('keeps a cell that starts like a formula from running in Excel, but not phone numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('+84912345678')).toBe('+84912345678');
    expect(csvField('-5')).toBe('-5');
  });
});

import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { ClubApp } from '../pages/club-app';

/**
 * A commune's register as clubs receive it: a title banner, then STT, name, gender, birth year, hamlet,
 * phone, household, ethnicity and the joining day as an Excel date. 60 data rows: 57 new people, one
 * already on the roster (written without diacritics, as such lists often are) and two bad rows.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Kim'];
const MIDDLE_M = ['Văn', 'Đình', 'Hữu', 'Quang'];
const GIVEN_F = [
  'Hoa',
  'Mai',
  'Loan',
  'Huệ',
  'Cúc',
  'Đào',
  'Hằng',
  'Nga',
  'Thảo',
  'Yến',
  'Tâm',
  'Xuân',
  'Hạnh',
  'Liên',
];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Phúc',
  'Sơn',
  'Tùng',
];
const HAMLETS = ['Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc'];

type Cell = {
  value: string | number | Date;
  type?: typeof String | typeof Number | typeof Date;
  format?: string;
} | null;

function registerRows(): Cell[][] {
  const text = (value: string): Cell => ({ value, type: String });
  const rows: Cell[][] = [
    [
      text('DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU XÃ NGA THẠCH'),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [null, null, null, null, null, null, null, null, null],
    [
      'STT',
      'Họ và tên',
      'Giới tính',
      'Năm sinh',
      'Thôn/Ấp',
      'Điện thoại',
      'Hộ nghèo/cận nghèo',
      'Dân tộc',
      'Ngày vào CLB',
    ].map(text),
  ];
  for (let i = 0; i < 57; i++) {
    const woman = i % 3 !== 2;
    const given = woman ? GIVEN_F : GIVEN_M;
    const name = [
      FAMILY[i % FAMILY.length],
      (woman ? MIDDLE_F : MIDDLE_M)[Math.floor(i / 12) % 4],
      given[Math.floor(i / 3) % given.length],
    ].join(' ');
    rows.push([
      { value: i + 1, type: Number },
      text(name),
      text(woman ? 'Nữ' : 'Nam'),
      { value: 1940 + ((i * 7) % 60), type: Number },
      text(HAMLETS[i % 4] ?? ''),
      // Some phones as numbers, the way Excel drops their leading 0.
      i % 2 === 0 ? { value: 912000000 + i, type: Number } : text(`0987 000 ${String(100 + i)}`),
      text(i % 9 === 0 ? 'Hộ nghèo' : i % 7 === 0 ? 'Cận nghèo' : ''),
      text(i % 5 === 0 ? 'Mường' : 'Kinh'),
      { value: new Date(Date.UTC(2020, i % 12, 1 + (i % 28))), type: Date, format: 'dd/mm/yyyy' },
    ]);
  }
  rows.push([
    { value: 58, type: Number },
    text('nguyen thi lan'),
    text('Nữ'),
    { value: 1956, type: Number },
    text('Thôn Đông'),
    text('0912 111 222'),
    text(''),
    text('Kinh'),
    null,
  ]);
  rows.push([
    { value: 59, type: Number },
    text('Trần Văn Tư'),
    text('Nam'),
    { value: 1850, type: Number },
    text('Thôn Tây'),
    text(''),
    text(''),
    text('Kinh'),
    null,
  ]);
  rows.push([
    { value: 60, type: Number },
    text('Phạm Thị Năm'),
    text('N'),
    { value: 1960, type: Number },
    text('Thôn Nam'),
    text('12345'),
    text(''),
    text('Kinh'),
    null,
  ]);
  return rows;
}

async function registerFile(): Promise<Buffer> {
  return writeXlsxFile(registerRows(), { sheet: 'Danh sách' }).toBuffer();
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập danh sách từ Excel' })).toBeVisible();
}

test('a 60-row commune register is previewed, imported as one step, undone at once, and exported back', async ({
  page,
}) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956', hamlet: 'Thôn Đông' });
  await expect(page.getByTestId('roster-count')).toHaveText('1 / 1 thành viên');

  await openImport(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'danh sach thanh vien.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await registerFile(),
  });
  // Every column was recognised from its Vietnamese header.
  await expect(page.locator('.import-column')).toHaveCount(9);
  await expect(page.locator('.import-column[data-column="1"] .select-trigger')).toHaveText(/Họ và tên/);
  await expect(page.locator('.import-column[data-column="0"] .select-trigger')).toHaveText(/Bỏ qua/);
  await expect(page.getByTestId('import-summary')).toContainText(
    'Thêm 57 người mới, bổ sung 0 người đã có, bỏ qua 3 dòng.',
  );
  await expect(page.getByTestId('import-summary')).toContainText('2 dòng có lỗi');
  await expect(page.getByTestId('import-summary')).toContainText('1 dòng giống người đã có');

  // Each row as it will be saved: the phone's lost 0 back, the Excel date as dd/mm/yyyy.
  const first = page.locator('.import-row[data-line="4"]');
  await expect(first).toContainText('Nguyễn Thị Hoa');
  await expect(first).toContainText('0912000000');
  await expect(first).toContainText('01/01/2020');
  await expect(first).toContainText('Hộ nghèo');
  await expect(first).toContainText('Người dân tộc thiểu số');
  // Bad rows say why, in words, and are skipped.
  await expect(page.locator('.import-row[data-line="62"]')).toContainText(
    'Năm sinh phải từ 1900 đến năm nay.',
  );
  await expect(page.locator('.import-row[data-line="63"]')).toContainText('giới tính chưa rõ');
  await expect(page.locator('.import-row[data-line="63"]')).toContainText('Số điện thoại chưa đúng');
  await expect(page.locator('.import-row[data-line="62"]')).toHaveAttribute('data-decision', 'skip');
  // The duplicate is skipped by default; merging it would only fill the phone the roster lacks.
  const duplicate = page.locator('.import-row[data-line="61"]');
  await expect(duplicate).toContainText('Giống Nguyễn Thị Lan đã có trong sổ');
  await expect(duplicate).toContainText('Gộp sẽ bổ sung: Số điện thoại');
  await expect(duplicate).toHaveAttribute('data-decision', 'skip');
  await duplicate.getByText('Gộp', { exact: true }).click();
  await expect(duplicate).toHaveAttribute('data-decision', 'merge');
  await expect(page.getByTestId('import-summary')).toContainText('Thêm 57 người mới, bổ sung 1 người đã có');
  // Nothing was written yet.
  await page.getByRole('link', { name: '‹ Sổ thành viên' }).first().click();
  await expect(page.getByTestId('roster-count')).toHaveText('1 / 1 thành viên');

  await openImport(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'danh sach thanh vien.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await registerFile(),
  });
  await page.locator('.import-row[data-line="61"]').getByText('Gộp', { exact: true }).click();
  await page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  await expect(page.getByTestId('roster-count')).toHaveText('58 / 58 thành viên');
  await app.search('nguyen thi lan');
  await app.memberLink('Nguyễn Thị Lan').click();
  await expect(page.getByText('0912 111 222')).toBeVisible();
  await page.goBack();
  await app.expectSaved();

  // One undo takes the whole import back: the 57 added and the merged phone.
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await app.search('');
  await expect(page.getByTestId('roster-count')).toHaveText('1 / 1 thành viên');
  await app.memberLink('Nguyễn Thị Lan').click();
  await expect(page.getByText('0912 111 222')).toBeHidden();
  await page.goBack();
  await page.getByRole('button', { name: 'Làm lại' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('58 / 58 thành viên');

  // Export and open the file back.
  await page.getByRole('link', { name: 'Xuất danh sách' }).click();
  await expect(page.getByTestId('export-count')).toHaveText('58 người');
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp Excel (.xlsx)' }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(
    /^danh-sach-thanh-vien-clb-lien-the-he-thon-dong-\d\d-\d\d-\d{4}\.xlsx$/,
  );
  const [sheet] = await readXlsxFile(await readFile(await xlsxDownload.path()));
  const data = sheet?.data ?? [];
  expect(data[0]).toEqual([
    'Họ và tên',
    'Giới tính',
    'Năm sinh',
    'Điện thoại',
    'Thôn, ấp',
    'Hộ nghèo, cận nghèo',
    'Dân tộc thiểu số',
    'Ngày vào',
    'Chức vụ',
  ]);
  expect(data).toHaveLength(59);
  const hoa = data.find((row) => row[0] === 'Nguyễn Thị Hoa');
  expect(hoa).toEqual([
    'Nguyễn Thị Hoa',
    'Nữ',
    1940,
    '0912000000',
    'Thôn Đông',
    'Hộ nghèo',
    'Có',
    new Date(Date.UTC(2020, 0, 1)),
    null,
  ]);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp CSV' }).click(),
  ]);
  const csv = await readFile(await csvDownload.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(59);
  expect(lines).toContain('Nguyễn Thị Hoa,Nữ,1940,0912000000,Thôn Đông,Hộ nghèo,Có,01/01/2020,');
});

test('a broken, empty or foreign file is refused in words and changes nothing', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB tệp hỏng');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await openImport(page);
  const good = await registerFile();
  const cases: [string, Buffer, RegExp][] = [
    ['hong.xlsx', good.subarray(0, Math.floor(good.length / 2)), /Tệp Excel bị hỏng/],
    ['anh.xlsx', Buffer.from('không phải bảng tính'), /không phải bảng tính/],
    ['rong.csv', Buffer.from(''), /Tệp không có dòng nào/],
    [
      'lon.csv',
      Buffer.from(['Họ và tên', ...Array.from({ length: 10_000 }, (_, i) => `Người ${i}`)].join('\n')),
      /10\.000 dòng, nhiều hơn 3\.000/,
    ],
  ];
  for (const [name, buffer, message] of cases) {
    await page
      .getByTestId('import-file')
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.getByTestId('import-error')).toHaveText(message);
    await expect(page.getByTestId('import-error')).toContainText('Sổ thành viên chưa thay đổi gì.');
  }
  await page.getByRole('link', { name: '‹ Sổ thành viên' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('1 / 1 thành viên');
});

// The register import's figure (issue 15 §3): a 500-row .xlsx, from the file picked (the input's `change`) to the
// frame after the preview's first row appears, in Chromium at 800×1280, at 1× and with the CPU throttled 4×.
// Prints figures; asserts nothing. Needs a relay serving a build of the client:
//   BENCH_URL=http://127.0.0.1:4173 pnpm --dir e2e exec tsx bench/roster-import-bench.ts
// Page functions are strings: tsx would wrap functions in helpers the page does not have.
import { chromium } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { CHROMIUM_FLAGS } from '../chromium-flags';

const URL = process.env.BENCH_URL ?? 'http://127.0.0.1:4173';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = [
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

function register(n: number): Promise<Buffer> {
  const text = (value: string) => ({ value, type: String });
  const header = [
    'STT',
    'Họ và tên',
    'Giới tính',
    'Năm sinh',
    'Thôn/Ấp',
    'Điện thoại',
    'Hộ nghèo/cận nghèo',
    'Dân tộc',
    'Ngày vào CLB',
  ];
  const rows = [header.map(text)];
  for (let i = 0; i < n; i++) {
    const given = GIVEN[Math.floor(i / 12) % GIVEN.length] ?? '';
    rows.push([
      { value: i + 1, type: Number },
      text(`${FAMILY[i % 12]} Thị ${given}${i >= 168 ? ` ${String.fromCharCode(65 + (i % 26))}` : ''}`),
      text(i % 3 === 0 ? 'Nam' : 'Nữ'),
      { value: 1940 + (i % 60), type: Number },
      text(i % 2 === 0 ? 'Thôn Đông' : 'Thôn Tây'),
      { value: 912000000 + i, type: Number },
      text(i % 9 === 0 ? 'Hộ nghèo' : ''),
      text(i % 5 === 0 ? 'Tày' : 'Kinh'),
      { value: new Date(Date.UTC(2021, i % 12, 1 + (i % 28))), type: Date, format: 'dd/mm/yyyy' },
    ] as never);
  }
  return writeXlsxFile(rows as never, { sheet: 'Danh sách' }).toBuffer();
}

const ARM = `(() => {
  window.__t0 = undefined; window.__t1 = undefined;
  document.querySelector('[data-testid=import-file]')
    .addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  const obs = new MutationObserver(() => {
    if (window.__t0 === undefined || !document.querySelector('.import-row')) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__t1 = performance.now(); }, 0));
  });
  obs.observe(document.body, { childList: true, subtree: true });
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const file = await register(ROWS);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const page = await browser.newPage({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
await page.goto(URL);
await page.getByRole('button', { name: 'Tạo câu lạc bộ mới' }).click();
await page.getByLabel('Tên của bạn (người dùng máy này)').fill('Nguyễn Thị Hoa');
await page.getByLabel('Tên câu lạc bộ').fill('CLB đo thời gian nhập');
await page.getByLabel('Xã, phường, thị trấn').fill('xã Nga Thạch');
await page.getByRole('button', { name: 'Tạo câu lạc bộ' }).click();
await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
await page.getByRole('heading', { name: 'Nhập danh sách từ Excel' }).waitFor();

async function pickOnce(): Promise<number> {
  await page.evaluate(ARM);
  await page.getByTestId('import-file').setInputFiles({
    name: `danh-sach-${ROWS}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  while (!(await page.evaluate('window.__t1 !== undefined')))
    await page.evaluate('new Promise((r) => requestAnimationFrame(r))');
  return Number(await page.evaluate('window.__t1 - window.__t0'));
}

const cdp = await page.context().newCDPSession(page);
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const first = await pickOnce();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await pickOnce());
  process.stdout.write(
    `import ${ROWS}-row .xlsx, CPU ${rate}x: picked -> preview painted ${median(times).toFixed(0)} ms median of ${RUNS} ` +
      `(${times.map((t) => t.toFixed(0)).join(', ')}); ${rate === 1 ? `first pick, loading the readers: ${first.toFixed(0)} ms` : ''}\n`,
  );
}
await browser.close();

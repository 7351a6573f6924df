import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';

/** How many line boxes an element's text is laid out in (as in print.spec.ts). */
function lineCount(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
    const tops = Array.from(range.getClientRects())
      .map((r) => r.top)
      .sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? top) > lineHeight / 2).length;
  });
}

test('a half-year report from the books: a section written, approved by the chair, printed with single-line titles', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 800, height: 1280 });
  const app = new ClubApp(page);
  await app.start();
  // The sample club: a roster with a chair, monthly meetings with attendance up to today.
  await app.openSample();
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByLabel('6 tháng cuối năm').check();
  const year = new Date().getFullYear();
  await page.getByLabel('Năm', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();

  const figures = page.getByTestId('report-figures');
  await expect(figures).toContainText('Số buổi sinh hoạt');
  const held = await figures
    .getByRole('row', { name: /Số buổi sinh hoạt/ })
    .locator('td')
    .textContent();
  expect(Number(held)).toBeGreaterThan(0);
  await expect(page.getByTestId('report-figures-state')).toContainText('sẽ chốt khi Chủ nhiệm duyệt');

  const strengths = page.getByTestId('report-section-strengths').locator('[contenteditable="true"]');
  await strengths.click();
  await page.keyboard.type('Sinh hoạt đều đặn hằng tháng, hội viên tham gia đông đủ.');
  await expect(strengths).toContainText('Sinh hoạt đều đặn hằng tháng');

  // The screen at tablet size, to look at (kept in the test's output folder).
  await page.screenshot({ path: testInfo.outputPath('report-screen.png'), fullPage: true });
  await page.getByTestId('report-approve').click();
  await expect(page.getByTestId('report-approved')).toBeVisible();
  await expect(page.getByTestId('report-figures-state')).toContainText('Số liệu đã chốt');
  await expect(page.getByTestId('report-section-strengths')).toHaveAttribute('data-editable', 'false');

  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('report-print');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Sinh hoạt đều đặn hằng tháng, hội viên tham gia đông đủ.');
  await expect(sheet).toContainText('Nơi nhận:');
  expect(await lineCount(page, 'print-nation')).toBe(1);
  expect(await lineCount(page, 'print-motto')).toBe(1);

  // The printed pages, looked at as images.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  writeFileSync(join(dir, 'report.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'report.pdf'), join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
  expect(pages.length).toBeGreaterThan(0);
  for (const file of pages) await testInfo.attach(file, { path: join(dir, file), contentType: 'image/png' });
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).not.toContain('BẢN NHÁP');
  writeFileSync(join(dir, 'report.txt'), text);
  testInfo.annotations.push({ type: 'pages', description: dir });
});

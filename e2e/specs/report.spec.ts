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

test('a half-year report from the books: written with formatting, numbered, approved, printed, reopened by the chair', async ({
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

  // The number and place printed in the header, committed when the field is left.
  const header = page.getByTestId('report-header');
  await header.getByLabel('Số báo cáo (ví dụ 05/BC-CLB)').fill('05/BC-CLB');
  await header.getByLabel('Địa danh').fill('Yên Đồng');
  await header.getByLabel('Số báo cáo (ví dụ 05/BC-CLB)').focus();
  await expect(header.getByLabel('Địa danh')).toHaveValue('Yên Đồng');

  // A paragraph, a bold lead-in and a bulleted list (Tiptap's "- " shortcut), as a chair would write.
  const strengths = page.getByTestId('report-section-strengths').locator('[contenteditable="true"]');
  await strengths.click();
  await page.keyboard.type('Sinh hoạt đều đặn hằng tháng, hội viên tham gia đông đủ.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Nổi bật:');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' chăm sóc sức khỏe.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Khám sức khỏe định kỳ');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Thăm hỏi hội viên ốm');
  await expect(strengths.locator('li')).toHaveCount(2);
  await expect(strengths.locator('strong')).toHaveText('Nổi bật:');

  // The screen at tablet size, to look at (kept in the test's output folder).
  await page.screenshot({ path: testInfo.outputPath('report-screen.png'), fullPage: true });
  await page.getByTestId('report-approve').click();
  await expect(page.getByTestId('report-approved')).toBeVisible();
  // Signed by this tablet's key over what was frozen, and checked like the minutes' signatures.
  await expect(page.getByTestId('report-approved').locator('[data-signature]')).toHaveAttribute(
    'data-signature',
    'valid',
  );
  await expect(page.getByTestId('report-figures-state')).toContainText('Số liệu đã chốt');
  await expect(page.getByTestId('report-section-strengths')).toHaveAttribute('data-editable', 'false');

  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('report-print');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Sinh hoạt đều đặn hằng tháng, hội viên tham gia đông đủ.');
  await expect(sheet).toContainText('Nơi nhận:');
  // The formatting survives on paper: the bold lead-in and the list as a list.
  await expect(sheet.locator('strong', { hasText: 'Nổi bật:' })).toHaveCount(1);
  await expect(sheet.locator('ul.print-list > li')).toHaveText([
    'Khám sức khỏe định kỳ',
    'Thăm hỏi hội viên ốm',
  ]);
  expect(await lineCount(page, 'print-nation')).toBe(1);
  expect(await lineCount(page, 'print-motto')).toBe(1);

  // The printed pages, looked at as images.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = process.env.REPORT_PDF_DIR ?? mkdtempSync(join(tmpdir(), 'report-pdf-'));
  writeFileSync(join(dir, 'report.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'report.pdf'), join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
  expect(pages.length).toBeGreaterThan(0);
  for (const file of pages) await testInfo.attach(file, { path: join(dir, file), contentType: 'image/png' });
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).not.toContain('BẢN NHÁP');
  expect(text).toContain('Số: 05/BC-CLB');
  expect(text).toContain('Yên Đồng, ngày');
  writeFileSync(join(dir, 'report.txt'), text);
  testInfo.annotations.push({ type: 'pages', description: dir });

  // The chair reopens it with a reason: signed by this tablet, listed, and the report editable again.
  await page.emulateMedia({ media: 'screen' });
  const reopen = page.getByTestId('report-reopen');
  await reopen.getByRole('button', { name: 'Chủ nhiệm mở lại báo cáo' }).click();
  await expect(reopen).toContainText('Hãy nhập');
  await reopen.getByLabel('Lý do mở lại').fill('Bổ sung số liệu quỹ');
  await reopen.getByRole('button', { name: 'Chủ nhiệm mở lại báo cáo' }).click();
  const reopenings = page.getByTestId('report-reopenings');
  await expect(reopenings).toContainText('mở lại: Bổ sung số liệu quỹ');
  await expect(reopenings.locator('[data-signature]')).toHaveAttribute('data-signature', 'valid');
  await expect(page.getByTestId('report-figures-state')).toContainText('sẽ chốt khi Chủ nhiệm duyệt');
  await expect(page.getByTestId('report-section-strengths')).toHaveAttribute('data-editable', 'true');
  await expect(reopen).toBeHidden();
  await page.getByTestId('report-approve').click();
  await expect(page.getByTestId('report-approved')).toBeVisible();
});

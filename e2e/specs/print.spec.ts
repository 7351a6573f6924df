import { writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

// A4's printable width under the print view's @page margins (210 mm less 30 mm and 15 mm), in CSS px.
const A4_CONTENT_WIDTH = Math.round((165 / 25.4) * 96);

/** How many line boxes an element's text is laid out in. */
function lineCount(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    // Runs in another font (a diacritic's fallback) sit a little higher or lower on the same line.
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
    const tops = Array.from(range.getClientRects())
      .map((r) => r.top)
      .sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? top) > lineHeight / 2).length;
  });
}

test('the printed minutes keep the national title on one line, headings with their text, and the health table in Vietnamese order and numbers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ClubApp(page);
  const minutes = new MinutesPage(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ tự giúp nhau thôn Đông Hòa', 'Nguyễn Thị Hoa');
  // Added out of the register's order (by given name: An, Bình, Cường).
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1961' });
  await app.addMember({ name: 'Nguyễn Thị An', birthYear: '1956' });
  await app.addMember({ name: 'Trần Văn Bình', birthYear: '1950' });
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  for (const name of ['Lê Văn Cường', 'Nguyễn Thị An', 'Trần Văn Bình'])
    await app.markAttendance(name, 'Có mặt');
  await minutes.openFromMeeting();
  const items = [
    { title: 'Khai mạc', text: 'Chủ tọa tuyên bố lý do, giới thiệu đại biểu và thông qua chương trình.' },
    {
      title: 'Báo cáo hoạt động tháng 2',
      text: 'Câu lạc bộ đã thăm hỏi 4 hội viên ốm và tổ chức tập dưỡng sinh 8 buổi.',
    },
  ];
  for (const { title, text } of items) {
    await minutes.addItem(title);
    await minutes.caretAt(title, 'end');
    await page.keyboard.type(text);
    await minutes.expectText(title, text);
  }
  await page.getByLabel('Cân nặng (kg): Lê Văn Cường').fill('58');
  await page.getByLabel('Cân nặng (kg): Lê Văn Cường').blur();
  await page.getByLabel('Cân nặng (kg): Nguyễn Thị An').fill('45,5');
  await page.getByLabel('Cân nặng (kg): Nguyễn Thị An').blur();
  const pressure = page.getByLabel('Huyết áp (ví dụ 120/80): Trần Văn Bình');
  await pressure.fill('165/95');
  await pressure.blur();
  await expect(page.getByTestId('health-flags')).toHaveText('Cần theo dõi: Huyết áp cao');
  await page.getByText('In kèm số liệu sức khỏe').click();

  const sheet = await minutes.showPrintView();
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1280 });
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

  // The national title and the motto each on one line at A4 width.
  expect(await lineCount(page, '.print-nation-name')).toBe(1);
  expect(await lineCount(page, '.print-motto')).toBe(1);
  const title = await page.locator('.print-nation-name').evaluate((element) => ({
    height: element.getBoundingClientRect().height,
    lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
  }));
  expect(title.height).toBeLessThan(title.lineHeight * 1.5);

  // Every heading travels with the block after it: never the last line of a page.
  for (const heading of await sheet.locator('h2, h3').all()) {
    const keep = await heading.evaluate((element) => ({
      after: getComputedStyle(element).breakAfter,
      group: element.parentElement?.classList.contains('print-keep')
        ? getComputedStyle(element.parentElement).breakInside
        : 'avoid',
    }));
    expect(keep).toEqual({ after: 'avoid', group: 'avoid' });
  }
  await expect(sheet.locator('.print-item .print-keep').first()).toContainText(
    'Chủ tọa tuyên bố lý do, giới thiệu đại biểu',
  );

  // Health: register order, comma decimals, the follow-up flag.
  const rows = sheet.getByTestId('print-health-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Nguyễn Thị An');
  await expect(rows.nth(0)).toContainText('45,5');
  await expect(rows.nth(1)).toContainText('Trần Văn Bình');
  await expect(rows.nth(1)).toContainText('165/95');
  await expect(rows.nth(1)).toContainText('Huyết áp cao');
  await expect(rows.nth(2)).toContainText('Lê Văn Cường');
  await expect(sheet).not.toContainText('45.5');

  // Nothing but white paper around the sheet: no tinted page under "Nơi nhận", none of the app's chrome.
  const tinted = await page.evaluate(() => {
    const sheet = document.querySelector('[data-testid="minutes-print"]');
    const white = ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'];
    const around = Array.from(document.querySelectorAll<HTMLElement>('html, body, body *')).filter(
      (el) => sheet && !sheet.contains(el) && el.getBoundingClientRect().height > 0,
    );
    return around
      .filter((el) => !white.includes(getComputedStyle(el).backgroundColor))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  expect(tinted).toEqual([]);

  // The real PDF, kept for a person to look at page by page.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(test.info().outputPath('minutes-print.pdf'), pdf);
});

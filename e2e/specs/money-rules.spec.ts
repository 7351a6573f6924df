import { type Browser, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page) };
}

async function openRules(page: ClubApp['page']): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Quỹ', exact: true }).click();
  await page.getByRole('link', { name: 'Quy chế quỹ' }).click();
  await expect(page.getByTestId('money-rules')).toBeVisible();
}

test("the fund rules follow another tablet's change while open, keep what is being typed, and refuse in words", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  await openRules(a.page);
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await openRules(b.page);

  // Hoa starts typing the dues while Bình, on his tablet, changes the largest loan and where dues go.
  const rulesA = a.page.getByTestId('money-rules');
  const rulesB = b.page.getByTestId('money-rules');
  await rulesA.getByLabel('Hội phí mỗi kỳ (đồng, để trống nếu không thu)').fill('10.000');
  await rulesB.getByLabel('Số vay tối đa (đồng)').fill('5 triệu');
  await rulesB
    .getByLabel('Tính hội phí từ ngày (ngày/tháng/năm; để trống: từ ngày vào hội)')
    .fill('01/01/2026');
  await rulesB.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(b.page.getByText('Đã lưu quy chế quỹ.')).toBeVisible();

  // Hoa's screen shows them without reopening, and her typed dues stay in their box.
  await expect(rulesA.getByLabel('Số vay tối đa (đồng)')).toHaveValue('5.000.000', { timeout: 20_000 });
  await expect(
    rulesA.getByLabel('Tính hội phí từ ngày (ngày/tháng/năm; để trống: từ ngày vào hội)'),
  ).toHaveValue('01/01/2026');
  await expect(rulesA.getByLabel('Hội phí mỗi kỳ (đồng, để trống nếu không thu)')).toHaveValue('10.000');
  await a.page.screenshot({ path: 'test-results/money-rules-live.png', fullPage: true });

  // A rate above the maximum is refused in words, with what was typed kept; saving the dues leaves
  // Bình's largest loan as he set it (only what Hoa changed is sent).
  await rulesA.getByLabel('Lãi suất mặc định (%/tháng)').fill('3');
  await rulesA.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(rulesA.getByText('Lãi suất vượt mức tối đa của quy chế (1%/tháng).')).toBeVisible();
  await expect(rulesA.getByLabel('Lãi suất mặc định (%/tháng)')).toHaveValue('3');
  await rulesA.getByLabel('Lãi suất mặc định (%/tháng)').fill('0,5');
  await rulesA.getByRole('button', { name: 'Lưu quy chế' }).click();
  await expect(a.page.getByText('Đã lưu quy chế quỹ.')).toBeVisible();
  await expect(rulesB.getByLabel('Hội phí mỗi kỳ (đồng, để trống nếu không thu)')).toHaveValue('10.000', {
    timeout: 20_000,
  });
  await expect(rulesB.getByLabel('Số vay tối đa (đồng)')).toHaveValue('5.000.000');
  for (const t of [a, b]) await t.context.close();
});

import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';

test('the club list counts the members added, and still does after a reload', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1961', phone: '0986076324' });
  await app.expectSaved();
  // The phone number reads in groups on the member's page.
  await app.memberLink('Lê Văn Cường').click();
  await expect(page.locator('.detail-list')).toContainText('0986 076 324');
  // Straight to the start page, as a closed and reopened tab does: the club's screen is never left.
  await page.goto('/');
  const card = page.getByRole('link', { name: /CLB Liên thế hệ thôn Đông/ });
  await expect(card).toContainText('2 thành viên');
  await page.reload();
  await expect(card).toContainText('2 thành viên');
});

test('a required field’s message goes as soon as the field is filled', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await page.getByRole('button', { name: 'Tạo câu lạc bộ mới' }).click();
  await page.getByLabel('Tên của bạn (người dùng máy này)').fill('');
  await page.getByRole('button', { name: 'Tạo câu lạc bộ' }).click();
  const required = page.getByText('Hãy nhập thông tin này.');
  await expect(required).toHaveCount(2);
  await page.getByLabel('Tên câu lạc bộ').fill('CLB Đông Hòa');
  await expect(required).toHaveCount(1);
  await page.getByLabel('Tên của bạn (người dùng máy này)').fill('Nguyễn Thị Hoa');
  await expect(required).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('“ready offline” is a line in the start page that covers no button', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await expect(page.getByTestId('offline-ready')).toHaveText(
    '✓ Ứng dụng đã sẵn sàng dùng khi không có mạng.',
  );
  await expect(page.locator('.toast')).toHaveCount(0);
  for (const name of ['Tạo câu lạc bộ mới', 'Xem câu lạc bộ mẫu']) {
    const button = page.getByRole('button', { name });
    const onTop = await button.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && element.contains(hit);
    });
    expect(onTop).toBe(true);
  }
});

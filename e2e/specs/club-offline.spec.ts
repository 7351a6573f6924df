import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';

test('a new club with members, groups and attendance survives an offline reload', async ({
  page,
  context,
}) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông');

  await app.addMember({
    name: 'Nguyễn Thị Lan',
    birthYear: '1956',
    phone: '0912 345 678',
    hamlet: 'thôn Đông',
  });
  await app.addMember({ name: 'Trần Văn An', birthYear: '1990', gender: 'Nam', hamlet: 'thôn Tây' });
  await app.addMember({ name: 'Đặng Thị Bình', birthYear: '1948', hamlet: 'thôn Đông' });
  // Registers sort by given name: An, Bình, Lan.
  await expect(page.locator('.member-name')).toHaveText(['Trần Văn An', 'Đặng Thị Bình', 'Nguyễn Thị Lan']);

  await app.goTo('Nhóm');
  await app.assignToGroup('Chăm sóc sức khỏe', 'Nguyễn Thị Lan');
  await app.assignToGroup('Chăm sóc sức khỏe', 'Đặng Thị Bình');
  await app.assignToGroup('Tăng thu nhập', 'Trần Văn An');
  await expect(app.groupCard('Chăm sóc sức khỏe').getByText('2 người')).toBeVisible();

  await app.goTo('Sinh hoạt');
  await app.addMeeting('15/11/2026', 'Nhà văn hóa thôn Đông');
  await app.markAttendance('Nguyễn Thị Lan', 'Có mặt');
  await app.markAttendance('Trần Văn An', 'Vắng có phép');
  await app.markAttendance('Đặng Thị Bình', 'Vắng');
  await expect(page.getByTestId('attendance-summary')).toContainText('Có mặt 1, vắng có phép 1, vắng 1');
  await app.expectSaved();
  const meetingUrl = page.url();

  await app.waitForServiceWorker();
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(page.url()).toBe(meetingUrl);
  await expect(page.getByTestId('attendance-summary')).toContainText('Có mặt 1, vắng có phép 1, vắng 1');
  await expect(
    page
      .getByRole('radiogroup', { name: 'Điểm danh: Trần Văn An' })
      .getByRole('radio', { name: 'Vắng có phép' }),
  ).toBeChecked();

  await app.goTo('Nhóm');
  await expect(app.groupCard('Chăm sóc sức khỏe').getByText('Đặng Thị Bình')).toBeVisible();
  await expect(app.groupCard('Tăng thu nhập').getByText('Trần Văn An')).toBeVisible();
  await app.goTo('Thành viên');
  await expect(page.locator('.member-name')).toHaveText(['Trần Văn An', 'Đặng Thị Bình', 'Nguyễn Thị Lan']);
  await context.setOffline(false);
});

test('search finds members with or without diacritics', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB tìm kiếm');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await app.addMember({ name: 'Đặng Văn Đức', birthYear: '1950', gender: 'Nam' });
  await app.addMember({ name: 'Lê Thị Hồng', birthYear: '1962' });

  await app.search('nguyen thi lan');
  await expect(page.locator('.member-name')).toHaveText(['Nguyễn Thị Lan']);
  await app.search('Nguyễn Thị Lan');
  await expect(page.locator('.member-name')).toHaveText(['Nguyễn Thị Lan']);
  await app.search('dang van duc');
  await expect(page.locator('.member-name')).toHaveText(['Đặng Văn Đức']);
  await app.search('thi');
  await expect(page.locator('.member-name')).toHaveText(['Lê Thị Hồng', 'Nguyễn Thị Lan']);
  await app.search('không có ai');
  await expect(page.getByText('Không tìm thấy thành viên nào.')).toBeVisible();
});

test('an impossible value is refused in the UI language and what was typed stays', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB kiểm tra');
  await page.getByRole('button', { name: '+ Thêm thành viên' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ và tên').fill('Phạm Thị Mai');
  await dialog.getByLabel('Năm sinh').fill('2090');
  await dialog.getByLabel('Số điện thoại').fill('12ab');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Năm sinh phải từ 1900 đến năm nay.')).toBeVisible();
  await expect(dialog.getByText('Số điện thoại chưa đúng (ví dụ 0912 345 678).')).toBeVisible();
  await expect(dialog.getByLabel('Họ và tên')).toHaveValue('Phạm Thị Mai');
  await expect(dialog.getByLabel('Năm sinh')).toHaveValue('2090');
  await dialog.getByLabel('Năm sinh').fill('1958');
  await dialog.getByLabel('Số điện thoại').fill('0987 654 321');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(app.memberLink('Phạm Thị Mai')).toBeVisible();
});

test('a screen not yet on the tablet when the signal goes says so calmly and opens by itself when it is back', async ({
  browser,
}) => {
  // No service worker: the app has not finished installing itself, so screens not opened yet are not kept.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await app.expectSaved();

  await context.setOffline(true);
  await app.memberLink('Nguyễn Thị Lan').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Màn hình này chưa có trên máy' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Dữ liệu của bạn vẫn được giữ trên máy');
  // Never the browser's own words about modules.
  await expect(page.locator('body')).not.toContainText('dynamically imported');
  await page.screenshot({ path: test.info().outputPath('screen-missing.png') });

  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Nguyễn Thị Lan', level: 1 })).toBeVisible();
  await context.close();
});

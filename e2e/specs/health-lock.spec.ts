import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { HealthCheckPage } from '../pages/health-check-page';
import { MinutesPage } from '../pages/minutes-page';

test('once the minutes are approved, the quick health-check screen shows the values locked and says why', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new ClubApp(page);
  const health = new HealthCheckPage(page);
  const minutes = new MinutesPage(page);
  const lan = 'Nguyễn Thị Lan';
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông', 'Lê Thị Hạnh');
  await app.addMember({ name: lan, birthYear: '1956' });
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1960' });
  await app.addMember({ name: 'Trịnh Văn Tâm', birthYear: '1962' });
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  const meetingUrl = page.url();
  await app.markAttendance(lan, 'Có mặt');
  await health.openFromMeeting();
  await health.field(lan, 'weightKg').click();
  await page.keyboard.type('52,5');
  await page.keyboard.press('Enter');
  await page.keyboard.type('150');
  await page.keyboard.type('95');
  await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 1 / 1 người có mặt');
  await expect(page.getByTestId('health-check-locked')).toHaveCount(0);
  await health.expectSaved();

  await page.goto(meetingUrl);
  await minutes.openFromMeeting();
  await minutes.choose('Chủ tọa', 'Lê Văn Cường');
  await minutes.choose('Thư ký (người ghi biên bản)', 'Trịnh Văn Tâm');
  await minutes.approveAs('Thư ký', 'Trịnh Văn Tâm');
  await minutes.approveAs('Chủ tọa', 'Lê Văn Cường');
  await expect(page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'approved');
  // Back to the meeting inside the app, so the lock the minutes page wrote is stored before it closes.
  await page.getByRole('link', { name: /^← Sinh hoạt định kỳ 05\/03\/2026/ }).click();
  await health.openFromMeeting();
  const today = new Date();
  const day = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await expect(page.getByTestId('health-check-locked')).toHaveText(
    `Biên bản buổi này đã được duyệt ngày ${day}, nên các số đo đã khóa và chỉ để xem. Muốn sửa, Chủ nhiệm mở lại biên bản.`,
  );
  const weight = health.field(lan, 'weightKg');
  await expect(weight).toHaveValue('52,5');
  await expect(weight).toHaveAttribute('readonly', '');
  // It looks read-only too: no white box to tap into.
  expect(await weight.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await weight.click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(weight).toHaveValue('52,5');
  await page.reload();
  await health.expectOpen();
  await expect(health.field(lan, 'weightKg')).toHaveValue('52,5');
  await expect(health.field(lan, 'systolic')).toHaveValue('150');
  if (process.env.HEALTH_SCREENSHOT)
    await page.screenshot({ path: process.env.HEALTH_SCREENSHOT, fullPage: true });
});

import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

test('once the minutes are approved, the meeting page shows the attendance locked and says why', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new ClubApp(page);
  const minutes = new MinutesPage(page);
  const lan = 'Nguyễn Thị Lan';
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông', 'Lê Thị Hạnh');
  await app.addMember({ name: lan, birthYear: '1956' });
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1960' });
  await app.addMember({ name: 'Trịnh Văn Tâm', birthYear: '1962' });
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await app.markAttendance(lan, 'Có mặt');
  await app.markAttendance('Lê Văn Cường', 'Vắng có phép');
  await expect(page.getByTestId('attendance-locked')).toHaveCount(0);

  await minutes.openFromMeeting();
  await minutes.choose('Chủ tọa', 'Lê Văn Cường');
  await minutes.choose('Thư ký (người ghi biên bản)', 'Trịnh Văn Tâm');
  await minutes.approveAs('Thư ký', 'Trịnh Văn Tâm');
  await minutes.approveAs('Chủ tọa', 'Lê Văn Cường');
  await expect(page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'approved');
  await page.getByRole('link', { name: /^← Sinh hoạt định kỳ 05\/03\/2026/ }).click();

  const today = new Date();
  const day = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await expect(page.getByTestId('attendance-locked')).toHaveText(
    `Biên bản buổi này đã được duyệt ngày ${day}, nên điểm danh đã khóa và chỉ để xem. Muốn sửa, Chủ nhiệm mở lại biên bản.`,
  );
  const lanMarks = page.getByRole('radiogroup', { name: `Điểm danh: ${lan}` });
  await expect(lanMarks.getByRole('radio', { name: 'Có mặt', exact: true })).toBeChecked();
  await expect(lanMarks.getByRole('radio', { name: 'Vắng', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Đánh dấu mọi người có mặt' })).toBeDisabled();
  // A tap on a locked mark changes nothing, after a reload too (the lock is in the club doc).
  await lanMarks.getByText('Vắng', { exact: true }).click({ force: true });
  await page.reload();
  await expect(page.getByTestId('attendance-locked')).toBeVisible();
  await expect(
    page
      .getByRole('radiogroup', { name: `Điểm danh: ${lan}` })
      .getByRole('radio', { name: 'Có mặt', exact: true }),
  ).toBeChecked();
  if (process.env.ATTENDANCE_SCREENSHOT)
    await page.screenshot({ path: process.env.ATTENDANCE_SCREENSHOT, fullPage: true });
});

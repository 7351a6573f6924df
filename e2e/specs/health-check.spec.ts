import { expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';
import { HealthCheckPage, startTapCount } from '../pages/health-check-page';

/** Tap budget from issue 14: 20 members' weight and blood pressure in at most 20 taps plus the digits. */
const TAP_BUDGET = 20;
const PRESENT = 20;

// Weight typed with a comma, a point or none; one blood pressure high at the national thresholds.
function reading(i: number): { weight: string; systolic: string; diastolic: string } {
  const weight = i % 3 === 0 ? `${45 + i},5` : i % 3 === 1 ? `${50 + i}.5` : `${55 + i}`;
  return i === 4
    ? { weight, systolic: '165', diastolic: '95' }
    : { weight, systolic: String(110 + i), diastolic: String(70 + (i % 10)) };
}

test('twenty members present get weight and blood pressure in at most 20 taps, kept after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new ClubApp(page);
  const health = new HealthCheckPage(page);
  await app.start();
  await app.openSample();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');

  // Attendance: the rate counts everyone on the list, search works without diacritics, and after the
  // first marks the list can show the unmarked only.
  const names = await page.locator('.attendance-row .member-name').allTextContents();
  // The sample club: 59 active members (one has left).
  const roster = names.length;
  expect(roster).toBe(59);
  const present = names.slice(0, PRESENT);
  for (const name of present) await app.markAttendance(name, 'Có mặt');
  // Over everyone on the list (33,9 %), not over those marked so far (100 %).
  const rateLine = `${PRESENT} có mặt / ${roster}, 33,9%`;
  await expect(page.getByTestId('attendance-summary')).toContainText(rateLine);

  const plain = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const someone = names[30] ?? '';
  await page.getByLabel('Tìm thành viên').fill(plain(someone));
  await expect(page.locator('.attendance-row .member-name').first()).toHaveText(someone);
  for (const shown of await page.locator('.attendance-row .member-name').allTextContents()) {
    expect(plain(shown)).toContain(plain(someone));
  }
  await page.getByLabel('Tìm thành viên').fill('');
  await expect(page.locator('.attendance-row')).toHaveCount(roster);
  await page.getByRole('button', { name: `Chỉ hiện người chưa điểm danh (${roster - PRESENT})` }).click();
  await expect(page.locator('.attendance-row')).toHaveCount(roster - PRESENT);
  // A mark made while filtering keeps its row, so a wrong tap can be put right.
  const firstUnmarked = names[PRESENT] ?? '';
  await app.markAttendance(firstUnmarked, 'Vắng có phép');
  await expect(page.locator('.attendance-row')).toHaveCount(roster - PRESENT);
  await expect(page.getByTestId('attendance-summary')).toContainText(rateLine);
  await page.getByRole('button', { name: 'Hiện tất cả' }).click();
  await expect(page.locator('.attendance-row')).toHaveCount(roster);
  await app.expectSaved();

  // The health checks, counted from the meeting page: every pointer press is a tap; digits and Enter
  // come from the keypad and are not.
  const taps = await startTapCount(page);
  await health.openFromMeeting();
  await expect(health.rows()).toHaveCount(PRESENT);
  await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 0 / 20 người có mặt');
  await health.field(present[0] ?? '', 'weightKg').click();
  for (let i = 0; i < PRESENT; i++) {
    const r = reading(i);
    await page.keyboard.type(r.weight);
    await page.keyboard.press('Enter');
    // Systolic and diastolic move on by themselves once complete; the sugar field is left with Enter.
    await page.keyboard.type(r.systolic);
    await page.keyboard.type(r.diastolic);
    await expect(health.field(present[i] ?? '', 'glucoseMmol')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const tapCount = await taps();
  // Printed for the README's figure.
  process.stdout.write(`health-check taps for ${PRESENT} members (weight + blood pressure): ${tapCount}\n`);
  expect(tapCount).toBeLessThanOrEqual(TAP_BUDGET);

  await expect(page.getByTestId('health-check-counts')).toContainText(
    `Đã đo ${PRESENT} / ${PRESENT} người có mặt`,
  );
  await expect(page.getByTestId('health-check-counts')).toContainText('Cần theo dõi: 1');
  const high = present[4] ?? '';
  await expect(health.row(high).getByTestId('health-check-flags')).toHaveText('Cần theo dõi: Huyết áp cao');
  await expect(health.field(high, 'systolic')).toHaveClass(/measure-high/);
  await health.expectSaved();

  // Stored in the health doc: shown back after a reload, decimals with a comma.
  await page.reload();
  await health.expectOpen();
  for (let i = 0; i < PRESENT; i++) {
    const r = reading(i);
    const name = present[i] ?? '';
    await expect(health.field(name, 'weightKg')).toHaveValue(r.weight.replace('.', ','));
    await expect(health.field(name, 'systolic')).toHaveValue(r.systolic);
    await expect(health.field(name, 'diastolic')).toHaveValue(r.diastolic);
    await expect(health.field(name, 'glucoseMmol')).toHaveValue('');
  }

  // Search by name without diacritics on the health screen too.
  await page.getByLabel('Tìm người có mặt').fill(plain(high));
  await expect(health.rows()).toHaveCount(1);
  await expect(health.rows().first()).toHaveAttribute('data-member', high);
});

test('a half-typed blood pressure or a slip is said on the row and nothing wrong is kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ClubApp(page);
  const health = new HealthCheckPage(page);
  await app.start();
  await app.openSample();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('06/03/2026', 'Nhà văn hóa thôn Đông');
  const name = (await page.locator('.attendance-row .member-name').first().textContent()) ?? '';
  await app.markAttendance(name, 'Có mặt');
  await health.openFromMeeting();
  const row = health.row(name);
  await health.field(name, 'weightKg').click();
  await page.keyboard.type('520');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('health-check-notes')).toContainText('Số này khó đúng (từ 20 đến 200)');
  await expect(health.field(name, 'weightKg')).toHaveAttribute('aria-invalid', 'true');
  // "12" may still become 120: the caret stays in systolic until the third digit, then moves on.
  await page.keyboard.type('12');
  await expect(health.field(name, 'systolic')).toBeFocused();
  await page.keyboard.type('0');
  await expect(health.field(name, 'diastolic')).toBeFocused();
  // Diastolic left empty: the pair is half-typed and nothing is written.
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('health-check-notes')).toContainText('Huyết áp cần cả hai số');
  await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 0 / 1 người có mặt');
  await health.field(name, 'weightKg').fill('48,5');
  await health.field(name, 'weightKg').press('Enter');
  await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 1 / 1 người có mặt');
});

test('the minutes reach each part in one tap, and a veterans’ club plans on a national day', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ClubApp(page);
  await app.start();
  await app.openSample();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('07/03/2026', 'Nhà văn hóa thôn Đông');
  await page.getByRole('link', { name: 'Biên bản', exact: true }).click();
  const bar = page.getByRole('navigation', { name: 'Các phần của biên bản' });
  await expect(bar).toBeVisible({ timeout: 20_000 });
  for (const [part, heading] of [
    ['Duyệt', 'Duyệt biên bản'],
    ['Sức khỏe', /^Đo sức khỏe/],
    ['Điểm danh', 'Thành phần tham dự'],
  ] as const) {
    await bar.getByRole('button', { name: part, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeInViewport();
    await expect(bar).toBeInViewport();
  }

  // A veterans' club: the national days are offered as the meeting's date.
  await page.goto('/');
  await page.getByRole('button', { name: 'Tạo câu lạc bộ mới' }).click();
  await page.getByLabel('Tên của bạn (người dùng máy này)').fill('Trần Văn Bình');
  await page.getByLabel('Tên câu lạc bộ').fill('CLB Cựu quân nhân xã Nga Thạch');
  await page.getByRole('button', { name: /^Loại câu lạc bộ/ }).click();
  await page.getByRole('option', { name: 'CLB Cựu quân nhân' }).click();
  await page.getByLabel('Xã, phường, thị trấn').fill('xã Nga Thạch');
  await page.getByRole('button', { name: 'Tạo câu lạc bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ thành viên' })).toBeVisible();
  await app.goTo('Sinh hoạt');
  await page.getByRole('button', { name: '+ Thêm buổi sinh hoạt' }).click();
  const dialog = page.getByRole('dialog');
  const days = dialog.getByRole('group', { name: 'Ngày lễ câu lạc bộ thường sinh hoạt' }).getByRole('button');
  await expect(days).toHaveCount(7);
  await dialog.getByRole('button', { name: /, Quốc khánh$/ }).click();
  await expect(dialog.getByRole('textbox', { name: 'Ngày' })).toHaveValue(/^02\/09\/20\d\d$/);
  await dialog.getByLabel('Giờ bắt đầu').fill('7g30');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: /^Sinh hoạt định kỳ 02\/09\/20\d\d$/ })).toBeVisible();
  await expect(page.locator('.detail-row', { hasText: 'Giờ bắt đầu' })).toContainText('7h30');
});

test('a flagged check goes on the follow-up list until "Đã thăm hỏi", and the member’s checks show it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new ClubApp(page);
  const health = new HealthCheckPage(page);
  await app.start();
  await app.openSample();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('08/03/2026', 'Nhà văn hóa thôn Đông');
  const [high, fine] = (await page.locator('.attendance-row .member-name').allTextContents()) as [
    string,
    string,
  ];
  await app.markAttendance(high, 'Có mặt');
  await app.markAttendance(fine, 'Có mặt');
  await health.openFromMeeting();
  await health.field(high, 'weightKg').click();
  await page.keyboard.type('52,5');
  await page.keyboard.press('Enter');
  await page.keyboard.type('165');
  await page.keyboard.type('95');
  await page.keyboard.press('Enter');
  await page.keyboard.type('61');
  await page.keyboard.press('Enter');
  await page.keyboard.type('120');
  await page.keyboard.type('80');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 2 / 2 người có mặt');
  await health.expectSaved();

  await page.getByRole('link', { name: 'Theo dõi sau đo' }).click();
  await expect(page.getByRole('heading', { name: 'Theo dõi sức khỏe' })).toBeVisible();
  const items = page.getByTestId('follow-up');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-member', high);
  await expect(items.first()).toContainText('Huyết áp cao');
  await expect(items.first()).toContainText('165/95 mmHg');
  await page.getByRole('button', { name: `Đã thăm hỏi ${high}` }).click();
  await expect(items.first()).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('follow-up-count')).toHaveText('Cần thăm hỏi: 0');
  await health.expectSaved();
  await page.reload();
  await expect(page.getByTestId('follow-up').first()).toHaveAttribute('data-done', 'true', {
    timeout: 20_000,
  });

  await page.getByTestId('follow-up').first().getByRole('link', { name: 'Các lần đo' }).click();
  await expect(page.getByRole('heading', { name: `Các lần đo của ${high}` })).toBeVisible();
  const row = page.getByTestId('trend-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.first()).toContainText('08/03/2026');
  await expect(row.first()).toContainText('52,5');
  await expect(row.first()).toContainText('165 (cao) / 95 (cao)');
});

test('a viewer tablet (a supervisor) is offered no health screen: its health address leads to the supervisors’ totals', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Liên thế hệ thôn Đông');
  await app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  const links = await new SharePage(page).startSharing();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await app.markAttendance('Nguyễn Thị Lan', 'Có mặt');
  await expect(page.getByRole('link', { name: 'Đo sức khỏe', exact: true })).toBeVisible();
  const meetingPath = new URL(page.url()).pathname;
  await new SharePage(page).expectSynced();

  const viewer = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const v = await viewer.newPage();
  const share = new SharePage(v);
  // A viewer key lands on the supervisors' screen (totals only); its health address leads there too.
  await share.joinAsViewer(links.viewer, 'Cán bộ xã');
  await v.goto(`${meetingPath}/health`);
  await expect(v.getByRole('heading', { name: 'Các câu lạc bộ theo dõi' })).toBeVisible({ timeout: 20_000 });
  await expect(v.getByTestId('health-check-row')).toHaveCount(0);
  await expect(v.getByTestId('health-check-counts')).toHaveCount(0);
  await viewer.close();
});

import { type Browser, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';
import { HealthCheckPage } from '../pages/health-check-page';

/**
 * Issue 12 §1 / 14 §1: two tablets of one club weigh the same member at the same meeting while one has no
 * signal. After reconnecting neither value is lost: both are shown with a "Giữ …" button on both tablets,
 * and the value chosen on one clears the flag on both.
 */

const MEMBER = 'Nguyễn Thị Lan';

async function committeeTablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return {
    context,
    page,
    app: new ClubApp(page),
    share: new SharePage(page),
    health: new HealthCheckPage(page),
  };
}
type Tablet = Awaited<ReturnType<typeof committeeTablet>>;

/** Types a weight on the member's row with the keypad, and waits until the tablet has stored it. */
async function weigh(t: Tablet, weight: string) {
  await t.health.field(MEMBER, 'weightKg').click();
  await t.page.keyboard.type(weight);
  await t.page.keyboard.press('Enter');
  await t.health.expectSaved();
}

test('a weight typed on two tablets at once, one offline, is kept twice until one is chosen on either', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await committeeTablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: MEMBER, birthYear: '1952', gender: 'Nữ' });
  await a.app.goTo('Sinh hoạt');
  await a.app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await a.app.markAttendance(MEMBER, 'Có mặt');
  const meetingPath = new URL(a.page.url()).pathname;
  const links = await a.share.startSharing();
  await a.share.expectSynced();

  const b = await committeeTablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  // B goes offline later: its app must be installed first, or the health screen cannot load without signal.
  await b.app.waitForServiceWorker();
  for (const t of [a, b]) {
    await t.page.goto(meetingPath);
    await t.health.openFromMeeting();
    await expect(t.health.row(MEMBER)).toBeVisible();
  }
  // Both hold the member's check before they part: A's blood pressure reaches B's screen.
  await a.health.field(MEMBER, 'systolic').click();
  await a.page.keyboard.type('120');
  await a.page.keyboard.type('80');
  await a.health.expectSaved();
  await expect(b.health.field(MEMBER, 'diastolic')).toHaveValue('80', { timeout: 20_000 });

  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await weigh(b, '52,5');
  await weigh(a, '55');
  await expect(a.health.field(MEMBER, 'weightKg')).toHaveValue('55');

  await b.context.setOffline(false);
  await b.share.expectSynced();
  for (const t of [a, b]) {
    const conflict = t.health.row(MEMBER).getByTestId('member-conflict');
    await expect(conflict).toContainText('Cân nặng (kg): hai máy ghi khác nhau', { timeout: 20_000 });
    await expect(conflict.getByRole('button', { name: 'Giữ 52,5' })).toBeVisible();
    await expect(conflict.getByRole('button', { name: 'Giữ 55' })).toBeVisible();
  }

  // Chosen on B, the tablet that was offline: the flag goes on both, and both keep 52,5.
  await b.health.row(MEMBER).getByRole('button', { name: 'Giữ 52,5' }).click();
  for (const t of [a, b]) {
    await expect(t.health.row(MEMBER).getByTestId('member-conflict')).toHaveCount(0, { timeout: 20_000 });
    await expect(t.health.field(MEMBER, 'weightKg')).toHaveValue('52,5');
  }
  for (const t of [a, b]) await t.context.close();
});

import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';

/** The tablet's databases whose names carry the club's id (the session files' storage names). */
const clubDatabases = (page: import('@playwright/test').Page, clubId: string) =>
  page.evaluate(
    async (id) =>
      (await indexedDB.databases())
        .map((d) => d.name ?? '')
        .filter((name) => name.endsWith(`-${id}`) || name.includes(`-${id}-`)),
    clubId,
  );

test('removing a club from this tablet names what was never sent, then deletes its databases and keys', async ({
  page,
}) => {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Người cao tuổi thôn Đoài', 'Lê Thị Hạnh');
  await app.addMember({ name: 'Phạm Thị Xuyến', birthYear: '1948' });
  const clubId = new URL(page.url()).pathname.split('/')[2] ?? '';
  expect(clubId).not.toBe('');
  expect(await clubDatabases(page, clubId)).toContain(`chungtay-club-${clubId}`);

  await app.goTo('Cài đặt');
  await page.getByTestId('remove-club').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Xóa CLB Người cao tuổi thôn Đoài khỏi máy này?');
  // Never shared: the club book itself exists only here.
  await expect(page.getByTestId('remove-club-lost')).toContainText('Sổ câu lạc bộ (thành viên, cuộc họp)');
  await page.screenshot({ path: test.info().outputPath('remove-club-dialog.png') });
  await page.getByTestId('remove-club-confirm').click();

  await expect(page.getByText('Đã xóa CLB Người cao tuổi thôn Đoài khỏi máy này.')).toBeVisible();
  await expect.poll(() => clubDatabases(page, clubId)).toEqual([]);
  const known = await page.evaluate(() => localStorage.getItem('chungtay.clubs') ?? '[]');
  expect(known).not.toContain(clubId);
  // The start page no longer offers it (only the message names it).
  await expect(page.getByRole('link', { name: /CLB Người cao tuổi thôn Đoài/ })).toHaveCount(0);
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

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

test('after erasing a member and syncing, the relay’s SQLite file and WAL hold neither their name nor phone', async ({
  page,
}) => {
  // The relay compacts a document when its room unloads (IDLE_UNLOAD_MS, 60 s by default; the run may set
  // less) and checkpoints its WAL after a quiet second: the poll below waits for both.
  test.setTimeout(240_000);
  const dataDir = process.env.E2E_DATA_DIR ?? join(import.meta.dirname, '../.data/e2e');
  const name = 'Quách Thị Xuyến';
  const phone = '0912 777 345';
  const app = new ClubApp(page);
  const share = new SharePage(page);
  await app.start();
  await app.createClub('CLB Xóa dữ liệu thôn Nam', 'Lê Thị Hạnh');
  await app.addMember({ name, phone, birthYear: '1948' });
  await share.startSharing();
  await share.expectSynced();
  const holds = (text: string) => {
    const bytes = Buffer.from(text.replace(/ /g, ''));
    const spaced = Buffer.from(text);
    return ['relay.sqlite', 'relay.sqlite-wal'].some((file) => {
      const path = join(dataDir, file);
      if (!existsSync(path)) return false;
      const data = readFileSync(path);
      return data.includes(bytes) || data.includes(spaced);
    });
  };
  await expect.poll(() => holds(name), { timeout: 30_000 }).toBe(true);

  await app.goTo('Thành viên');
  await app.memberLink(name).click();
  await page.getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await expect(page.getByText('Đã xóa thông tin cá nhân.')).toBeVisible();
  await share.expectSynced();
  // The tablet lets go of the club, so the relay's room unloads and compacts it.
  await page.goto('/');
  await expect.poll(() => holds(name) || holds(phone), { timeout: 180_000, intervals: [1000] }).toBe(false);
});

test('an editor tablet removing a shared club can delete the sync server’s copy with it', async ({
  page,
  baseURL,
}) => {
  const app = new ClubApp(page);
  const share = new SharePage(page);
  await app.start();
  await app.createClub('CLB Rời máy chủ thôn Bắc', 'Lê Thị Hạnh');
  const clubId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await share.startSharing();
  await share.expectSynced();
  const onServer = async () =>
    (
      await fetch(`${baseURL}/api/clubs/${clubId}`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer x' },
      })
    ).status;
  // Known to the server: a wrong key is refused, not "no such club".
  expect(await onServer()).toBe(401);

  await app.goTo('Cài đặt');
  await page.getByTestId('remove-club').click();
  // Everything was synced: nothing is named as lost.
  await expect(page.getByRole('dialog')).toContainText('Mọi thay đổi đã lên máy chủ');
  await page.getByText('Xóa cả bản trên máy chủ đồng bộ', { exact: false }).click();
  await page.screenshot({ path: test.info().outputPath('remove-club-with-relay.png') });
  await page.getByTestId('remove-club-confirm').click();
  await expect(page.getByText('Đã xóa CLB Rời máy chủ thôn Bắc khỏi máy này.')).toBeVisible();
  expect(await onServer()).toBe(404);
  await expect.poll(() => clubDatabases(page, clubId)).toEqual([]);
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';
import { ClubApp, SharePage } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

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

/** Every file under `dir` (a Chromium profile's IndexedDB directory) whose bytes hold `text`. */
function filesHolding(dir: string, text: string): string[] {
  if (!existsSync(dir)) return [];
  const needle = Buffer.from(text);
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}

/** A tablet whose browser keeps its profile on disk, so a test can search the IndexedDB files it leaves. */
async function tabletProfile(baseURL: string | undefined) {
  const profile = join(await mkdtemp(join(tmpdir(), 'chungtay-erasure-')), 'profile');
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
      viewport: { width: 800, height: 1280 },
      locale: 'vi-VN',
      baseURL: baseURL ?? '',
    });
  return { profile, indexedDbDir: join(profile, 'Default', 'IndexedDB'), launch };
}

test('a name typed into the minutes, erased, redacted and rewritten, is gone from the relay’s file and the tablet’s IndexedDB files', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const dataDir = process.env.E2E_DATA_DIR ?? join(import.meta.dirname, '../.data/e2e');
  const { profile, indexedDbDir, launch } = await tabletProfile(baseURL);
  const name = 'Vương Thị Xuân';
  const relayHolds = (text: string) =>
    ['relay.sqlite', 'relay.sqlite-wal'].some((file) => {
      const path = join(dataDir, file);
      return existsSync(path) && readFileSync(path).includes(Buffer.from(text));
    });
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const app = new ClubApp(page);
  const share = new SharePage(page);
  const minutes = new MinutesPage(page);
  await app.start();
  await app.createClub('CLB Biên bản thôn Thượng', 'Lê Thị Hạnh');
  await app.addMember({ name, birthYear: '1950' });
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1960' });
  await app.addMember({ name: 'Trịnh Văn Tâm', birthYear: '1962' });
  await share.startSharing();
  await share.expectSynced();
  await app.goTo('Sinh hoạt');
  await app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Thượng');
  await minutes.openFromMeeting();
  const minutesUrl = page.url();
  await minutes.addItem(`Thăm bà ${name}`);
  await minutes.caretAt(`Thăm bà ${name}`, 'end');
  await page.keyboard.type(`Bà ${name} ốm, hội tặng quà.`);
  // Approved minutes keep their approved text except the redacted words.
  await minutes.choose('Chủ tọa', 'Lê Văn Cường');
  await minutes.choose('Thư ký (người ghi biên bản)', 'Trịnh Văn Tâm');
  await minutes.approveAs('Thư ký', 'Trịnh Văn Tâm');
  await minutes.approveAs('Chủ tọa', 'Lê Văn Cường');
  await expect(page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'approved');
  await minutes.expectSynced();
  // Before: the name is on the relay and in this tablet's files (so the searches below can find it).
  await expect.poll(() => relayHolds(name), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => filesHolding(indexedDbDir, name).length, { timeout: 30_000 }).toBeGreaterThan(0);

  // The member asks to be erased; the committee then takes the name out of the minutes.
  await app.goTo('Thành viên');
  await app.memberLink(name).click();
  await page.getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await expect(page.getByText('Đã xóa thông tin cá nhân.')).toBeVisible();
  await page.goto(minutesUrl);
  await minutes.expectOpen();
  // The redactor signs as the person using this tablet.
  await page.getByLabel('Tên cần xóa').fill('vuong thi xuan');
  await page.getByRole('button', { name: 'Tìm trong biên bản' }).click();
  await expect(page.getByTestId('redaction-places').getByRole('listitem')).toHaveCount(2);
  await page.getByTestId('redaction').screenshot({ path: test.info().outputPath('redaction-found.png') });
  await page.getByRole('button', { name: 'Thay 2 chỗ bằng [đã xóa] và viết lại biên bản' }).click();
  await page.getByRole('button', { name: 'Đồng ý, xóa tên' }).click();
  await expect(page.getByText('Đã thay 2 chỗ bằng [đã xóa].', { exact: false })).toBeVisible({
    timeout: 30_000,
  });
  // The page reopened on the new generation.
  await expect(minutes.item('Thăm bà [đã xóa]')).toBeVisible({ timeout: 20_000 });
  await minutes.expectText('Thăm bà [đã xóa]', 'Bà [đã xóa] ốm, hội tặng quà.');
  // The old generation's database deleted here, and the browser's files made to drop its bytes.
  await expect(page.locator('[data-old-copies]')).toHaveAttribute('data-old-copies', 'settled', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('redaction-note')).toContainText(
    'Nội dung đã duyệt được giữ nguyên, trừ những chữ [đã xóa]: 2 chỗ',
  );
  await expect(page.getByTestId('minutes-status')).toHaveAttribute('data-status', 'approved');
  // The approvals read as valid, vouched for by the redaction signed on this tablet.
  await expect(page.getByTestId('approval')).not.toContainText('không hợp lệ');
  await minutes.expectSynced();
  await share.expectSynced();
  await page.screenshot({ path: test.info().outputPath('redaction-done.png') });
  // The print says it too, under the title.
  await page.getByRole('button', { name: 'Xem bản in' }).click();
  await expect(page.getByTestId('print-redaction-note')).toContainText('[đã xóa]: 2 chỗ');
  await page.pdf({ path: test.info().outputPath('redaction-print.pdf'), format: 'A4' });
  await page.getByRole('button', { name: 'Quay lại soạn' }).click();
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(databases.filter((d) => d.startsWith('chungtay-minutes-'))).toHaveLength(1);

  // The tablet lets go of the club: the relay's rooms unload and compact, and Chromium closes its databases.
  await page.goto('/');
  await expect.poll(() => relayHolds(name), { timeout: 180_000, intervals: [1000] }).toBe(false);
  await context.close();
  expect(filesHolding(indexedDbDir, name)).toEqual([]);
  await rm(dirname(profile), { recursive: true, force: true });
});

test('an erased member’s name and phone leave the tablet’s IndexedDB files with no minutes rewritten', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { profile, indexedDbDir, launch } = await tabletProfile(baseURL);
  const name = 'Đoàn Thị Huệ';
  // However the phone is kept (as typed or as digits), none of its forms may stay.
  const phone = '0913 468 257';
  const phones = [phone, phone.replaceAll(' ', '')];
  const holdsAny = () => [name, ...phones].flatMap((text) => filesHolding(indexedDbDir, text));
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const app = new ClubApp(page);
  await app.start();
  await app.createClub('CLB Hội viên thôn Hạ', 'Lê Thị Hạnh');
  await app.addMember({ name, birthYear: '1951', phone });
  await app.addMember({ name: 'Lê Văn Cường', birthYear: '1960' });
  const clubId = new URL(page.url()).pathname.split('/')[2] ?? '';
  expect(clubId).not.toBe('');
  // Before: the files hold them (so the search below can find them).
  await expect.poll(() => filesHolding(indexedDbDir, name).length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => holdsAny().length, { timeout: 30_000 }).toBeGreaterThan(1);

  await app.memberLink(name).click();
  await page.getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await expect(page.getByText('Đã xóa thông tin cá nhân.')).toBeVisible();
  // The scrub runs in the background; the tablet records it once done (device/pending-scrub.ts).
  const scrubbed = () =>
    page.evaluate((id) => JSON.parse(localStorage.getItem(`chungtay.scrubbed.${id}`) ?? '[]').length, clubId);
  await expect.poll(scrubbed, { timeout: 60_000 }).toBe(1);
  // Nothing was said: a scrub that works is silent.
  await expect(page.getByText('Máy chưa dọn xong', { exact: false })).toHaveCount(0);
  // The other member is still there, so the club doc was folded, not lost.
  await app.goTo('Thành viên');
  await expect(app.memberLink('Lê Văn Cường')).toBeVisible();
  await context.close();
  expect(holdsAny()).toEqual([]);
  await rm(dirname(profile), { recursive: true, force: true });
});

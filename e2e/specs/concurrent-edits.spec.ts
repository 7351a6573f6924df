import { type Browser, expect, type Locator, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';
import { MinutesPage } from '../pages/minutes-page';

/**
 * Nothing overwritten in silence: two tablets type into the same free-text box of one meeting's
 * minutes, one of them offline, and after it reconnects both sentences are on both tablets.
 */

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return {
    context,
    page,
    app: new ClubApp(page),
    share: new SharePage(page),
    minutes: new MinutesPage(page),
  };
}

const ITEM = 'Quỹ hoạt động';
const FROM_A = 'Giao chị Lan lập danh sách hội viên khó khăn.';
const FROM_B = 'Anh Bình mua loa cho buổi văn nghệ.';

function decisionsBox(minutes: MinutesPage): Locator {
  return minutes.item(ITEM).getByLabel('Kết luận, quyết định');
}

test('two tablets type into one decisions box, one offline; after it reconnects both sentences are on both', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  await a.app.goTo('Sinh hoạt');
  await a.app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Đông');
  await a.minutes.openFromMeeting();
  const path = new URL(a.page.url()).pathname;
  await a.minutes.addItem(ITEM);
  await a.minutes.expectSynced();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.minutes.open(path);
  await b.minutes.expectSynced();
  await expect(decisionsBox(b.minutes)).toBeVisible();

  // A loses the signal; both type their sentence into the same box.
  await a.context.setOffline(true);
  await expect(a.page.locator('[data-minutes-sync]')).not.toHaveAttribute('data-minutes-sync', 'synced');
  await decisionsBox(a.minutes).click();
  await a.page.keyboard.type(FROM_A, { delay: 10 });
  await decisionsBox(b.minutes).click();
  await b.page.keyboard.type(FROM_B, { delay: 10 });
  await b.minutes.expectSynced();
  await expect(decisionsBox(a.minutes)).toHaveValue(FROM_A);

  await a.context.setOffline(false);
  await a.minutes.expectSynced();
  await b.minutes.expectSynced();
  for (const t of [a, b]) {
    const box = decisionsBox(t.minutes);
    await expect(box).toHaveValue(new RegExp(FROM_A.replace('.', '\\.')));
    await expect(box).toHaveValue(new RegExp(FROM_B.replace('.', '\\.')));
    await expect.poll(async () => (await box.inputValue()).length).toBe(FROM_A.length + FROM_B.length);
  }
  // Both tablets hold the same text, character for character.
  expect(await decisionsBox(a.minutes).inputValue()).toBe(await decisionsBox(b.minutes).inputValue());

  // A keeps typing where its caret is: B's text arriving does not move it.
  await decisionsBox(a.minutes).press('End');
  await a.page.keyboard.type(' Xong.');
  await expect(decisionsBox(b.minutes)).toHaveValue(/ Xong\.$/);

  for (const t of [a, b]) await t.context.close();
});

async function setPhone(t: Awaited<ReturnType<typeof tablet>>, phone: string): Promise<void> {
  await t.page.getByRole('button', { name: 'Sửa', exact: true }).click();
  const dialog = t.page.getByRole('dialog');
  await dialog.getByLabel('Số điện thoại').fill(phone);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
}

test('two tablets set different phones while one is offline; both are shown until someone keeps one', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956', phone: '0900 000 000' });
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  // B goes offline as an installed tablet does: with the app's screens on it, the member page shown.
  await b.app.waitForServiceWorker();
  for (const t of [a, b]) {
    await t.app.goTo('Thành viên');
    await t.app.memberLink('Nguyễn Thị Lan').click();
    await expect(t.page.getByRole('heading', { name: 'Nguyễn Thị Lan', level: 1 })).toBeVisible();
  }

  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await setPhone(a, '0912 345 678');
  await setPhone(b, '0987 654 321');
  // Both also add a line to her notes, a collaborative box like the decisions.
  await a.page.getByTestId('member-notes').click();
  await a.page.keyboard.type('Con gái ở Hà Nội.');
  await b.page.getByTestId('member-notes').click();
  await b.page.keyboard.type('Cần thăm hỏi.');
  // Before they meet, each tablet has one value and nothing to choose.
  await expect(a.page.getByTestId('member-conflict')).toHaveCount(0);
  await a.share.expectSynced();

  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    const conflict = t.page.getByTestId('member-conflict');
    await expect(conflict).toContainText(
      'Số điện thoại: hai máy ghi khác nhau: 0912 345 678 (Nguyễn Thị Hoa, ',
    );
    await expect(conflict).toContainText(' / 0987 654 321 (Trần Văn Bình, ');
    await expect(conflict).toContainText('giữ số nào?');
    await expect(t.page.getByTestId('member-notes')).toHaveValue(/Con gái ở Hà Nội\./);
    await expect(t.page.getByTestId('member-notes')).toHaveValue(/Cần thăm hỏi\./);
    const keep = conflict.getByRole('button', { name: 'Giữ 0987 654 321' });
    const box = await keep.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  await a.page.getByTestId('member-conflict').getByRole('button', { name: 'Giữ 0987 654 321' }).click();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('member-conflict')).toHaveCount(0);
    await expect(t.page.locator('.member-detail')).toContainText('0987 654 321');
    await expect(t.page.locator('.member-detail')).not.toContainText('0912 345 678');
  }

  for (const t of [a, b]) await t.context.close();
});

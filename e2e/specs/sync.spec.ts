import { type Browser, expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page) };
}

test('two tablets edit offline and converge; a late joiner sees everything; a viewer sees totals, never people', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  const links = await a.share.startSharing();
  expect(links.editor).toContain('/join#');
  await a.share.expectSynced();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await expect(b.app.memberLink('Nguyễn Thị Lan')).toBeVisible();
  await b.share.expectSynced();

  // B loses the signal (after the app is installed on it); both keep working.
  await b.app.waitForServiceWorker();
  await b.share.expectSynced();
  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await b.app.addMember({ name: 'Lê Văn Cường', birthYear: '1961', gender: 'Nam' });
  await b.app.goTo('Nhóm');
  await b.app.assignToGroup('Chăm sóc sức khỏe', 'Nguyễn Thị Lan');
  await a.app.goTo('Thành viên');
  await a.app.addMember({ name: 'Phạm Thị Dung', birthYear: '1970' });
  await a.app.goTo('Nhóm');
  await a.app.assignToGroup('Tăng thu nhập', 'Nguyễn Thị Lan');

  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    await t.app.goTo('Nhóm');
    await expect(t.app.groupCard('Chăm sóc sức khỏe').getByText('Nguyễn Thị Lan')).toBeVisible();
    await expect(t.app.groupCard('Tăng thu nhập').getByText('Nguyễn Thị Lan')).toBeVisible();
    await t.app.goTo('Thành viên');
    await expect(t.page.locator('.member-name')).toHaveText([
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Nguyễn Thị Lan',
    ]);
  }

  const c = await tablet(browser);
  await c.share.join(links.editor, 'Mai Thị Cúc');
  await expect(c.page.locator('.member-name')).toHaveText([
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Nguyễn Thị Lan',
  ]);
  await expect(a.page.getByTestId('peers')).toContainText('Mai Thị Cúc');
  // Everything: the groups both tablets assigned while apart too.
  await c.app.goTo('Nhóm');
  await expect(c.app.groupCard('Chăm sóc sức khỏe').getByText('Nguyễn Thị Lan')).toBeVisible();
  await expect(c.app.groupCard('Tăng thu nhập').getByText('Nguyễn Thị Lan')).toBeVisible();

  // A viewer (supervisor) key sees the club's totals, never its people, and cannot write.
  const v = await tablet(browser);
  await v.share.joinAsViewer(links.viewer, 'Cán bộ xã');
  await expect(v.page.getByTestId('supervisor-row').getByRole('cell').first()).toHaveText('3', {
    timeout: 60_000,
  });
  for (const name of ['Lê Văn Cường', 'Phạm Thị Dung', 'Nguyễn Thị Lan']) {
    await expect(v.page.getByText(name)).toHaveCount(0);
  }

  for (const t of [a, b, c, v]) await t.context.close();
});

import { expect, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

test('a tablet set to another sync server says so in its invite links, and the joining tablet follows', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The same relay under another name: to the app, another server than the one it was served from.
  const otherServer = (baseURL ?? '').replace('127.0.0.1', 'localhost');
  expect(otherServer).toContain('localhost');
  const tablet = async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
    const page = await context.newPage();
    return { context, page, app: new ClubApp(page), share: new SharePage(page) };
  };

  const a = await tablet();
  await a.app.start();
  await a.app.createClub('CLB Cựu chiến binh xã Yên Hòa', 'Nguyễn Văn An');
  await a.app.addMember({ name: 'Hoàng Văn Bảy', birthYear: '1950' });
  await a.app.goTo('Cài đặt');
  const setting = a.page.getByTestId('relay-address');
  await setting.getByRole('textbox').fill(otherServer);
  await setting.getByRole('button', { name: 'Lưu' }).click();
  const links = await a.share.startSharing();
  expect(links.editor).toContain(`&s=${encodeURIComponent(otherServer)}`);
  await a.share.expectSynced();

  const b = await tablet();
  await b.page.goto(links.viewer);
  await expect(b.page.getByTestId('join-relay-notice')).toContainText(otherServer);
  await b.share.joinAsViewer(links.viewer, 'Cán bộ xã');
  // The club's figures come from that server (its summary), never its people.
  await expect(b.page.getByTestId('supervisor-row').getByRole('cell').first()).toHaveText('1', {
    timeout: 60_000,
  });
  await expect(b.page.getByText('Hoàng Văn Bảy')).toHaveCount(0);
  expect(await b.page.evaluate(() => localStorage.getItem('chungtay.relay'))).toBe(otherServer);

  await a.context.close();
  await b.context.close();
});

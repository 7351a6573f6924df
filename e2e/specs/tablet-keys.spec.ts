import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page) };
}

/** Waits until the tablet holds a key of its own for its club (it exchanged the invite's key at the relay). */
async function ownKey(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const clubs = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]') as Array<{
      access?: { tabletKey?: string };
    }>;
    return typeof clubs[0]?.access?.tabletKey === 'string';
  });
}

/** The tablet id its signing key carries (IndexedDB), which the relay's list of tablets shows. */
function tabletId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('chungtay-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('signing').objectStore('signing').get('tablet');
          read.onsuccess = () => resolve((read.result as { tablet: string }).tablet);
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

test('the share screen cuts one tablet off: it is told in words and cannot sync, the other syncs on', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1958' });
  const links = await a.share.startSharing();
  await a.share.expectSynced();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  const c = await tablet(browser);
  await c.share.join(links.editor, 'Mai Thị Cúc');
  await Promise.all([ownKey(a.page), ownKey(b.page), ownKey(c.page)]);
  // Each reconnects with its own key and syncs with it.
  await b.share.expectSynced();
  await c.share.expectSynced();
  const lostTablet = await tabletId(b.page);
  // Just joined, B's header asks who uses it; Bình chooses himself, and the relay's list learns it.
  const ask = b.page.getByTestId('person-switch');
  await expect(ask).toHaveText('Chọn người dùng');
  await ask.click();
  const who = b.page.getByRole('dialog', { name: 'Ai đang dùng máy này?' });
  await who
    .getByRole('radiogroup', { name: 'Chọn người dùng' })
    .getByText('Trần Văn Bình', { exact: true })
    .click();
  await who.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(ask).toHaveAccessibleName('Người dùng: Trần Văn Bình');

  await a.app.goTo('Thành viên');
  await a.page.getByRole('navigation').getByRole('link', { name: 'Chia sẻ', exact: true }).click();
  const rows = a.page.getByTestId('tablet-row');
  await expect(rows).toHaveCount(3);
  // B tells the relay in the background: the list is read again until it has the name.
  await expect(async () => {
    await a.page.reload();
    await expect(a.page.locator(`[data-tablet="${lostTablet}"]`)).toContainText('Trần Văn Bình', {
      timeout: 3_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(a.page.getByTestId('tablet-list')).toContainText('Máy này');
  await expect(a.page.getByTestId('tablet-list')).toContainText('Lần cuối đồng bộ:');
  await a.page.locator(`[data-tablet="${lostTablet}"]`).getByRole('button', { name: 'Ngắt máy này' }).click();
  await expect(a.page.getByRole('dialog')).toContainText('Ngắt máy của Trần Văn Bình?');
  await a.page.getByRole('dialog').getByRole('button', { name: 'Ngắt máy', exact: true }).click();
  await expect(a.page.locator(`[data-tablet="${lostTablet}"]`)).toContainText('Đã ngắt lúc');
  await a.page.getByTestId('tablet-list').screenshot({ path: test.info().outputPath('tablet-list.png') });

  // The cut-off tablet is told in words, and what it writes reaches nobody.
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'denied');
  await expect(b.page.getByText('Máy này đã bị ban chủ nhiệm ngắt khỏi câu lạc bộ').first()).toBeVisible();
  await b.page.screenshot({ path: test.info().outputPath('cut-off-tablet.png') });
  await b.app.addMember({ name: 'Người Trên Máy Mất', birthYear: '1960' });
  await b.page.reload();
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'denied');

  // The other tablet keeps syncing, both ways.
  await c.app.addMember({ name: 'Lê Văn Cường', birthYear: '1961' });
  await c.share.expectSynced();
  await a.app.goTo('Thành viên');
  await expect(a.app.memberLink('Lê Văn Cường')).toBeVisible();
  await a.app.addMember({ name: 'Phạm Thị Dung', birthYear: '1970' });
  await expect(c.app.memberLink('Phạm Thị Dung')).toBeVisible();
  await expect(a.app.memberLink('Người Trên Máy Mất')).toHaveCount(0);
  await expect(c.app.memberLink('Người Trên Máy Mất')).toHaveCount(0);

  for (const t of [a, b, c]) await t.context.close();
});

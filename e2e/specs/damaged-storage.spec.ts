import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

// Still to add: a second tablet joining after the damage (it rendered a blank page in a first try; being looked into).

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page) };
}

/**
 * Adds two rows the club cannot read to its real IndexedDB `updates` store (the database named as
 * club-session.ts's storageNameFor): five garbage bytes, and a real stored update cut in half.
 */
async function damageClubStorage(page: Page): Promise<void> {
  const clubId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('updates', 'readwrite');
          const store = tx.objectStore('updates');
          const all = store.getAll();
          all.onsuccess = () => {
            const rows = all.result as Uint8Array[];
            const longest = rows.reduce((a, b) => (b.length > a.length ? b : a));
            store.add(new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]));
            store.add(longest.slice(0, Math.floor(longest.length / 2)));
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        };
      }),
    `chungtay-club-${clubId}`,
  );
}

test('a club with damaged stored rows opens with its members, names the club book, and its edits still sync', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1956' });
  await a.share.startSharing();
  await a.share.expectSynced();
  await a.app.goTo('Thành viên');

  await damageClubStorage(a.page);
  await a.page.reload();
  await expect(a.app.memberLink('Nguyễn Thị Lan')).toBeVisible();
  const notice = a.page.getByTestId('damaged-notice');
  await expect(notice).toContainText('Sổ câu lạc bộ');
  await expect(notice).toContainText('đồng bộ với máy chủ');
  await a.page.screenshot({ path: test.info().outputPath('damaged-notice.png') });

  // Edits made after the damage still reach the relay.
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1960' });
  await a.share.expectSynced();
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(notice).toBeHidden();
});

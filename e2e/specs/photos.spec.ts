import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page) };
}

/** A camera-sized JPEG (4000 × 3000), drawn in the page so the test needs no image file; `words` make it unique. */
async function cameraPhoto(page: Page, words = 'Tập dưỡng sinh'): Promise<Buffer> {
  const base64 = await page.evaluate(async (words) => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#c0392b');
    gradient.addColorStop(1, '#2980b9');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    context.fillStyle = '#fff';
    context.font = '300px sans-serif';
    context.fillText(words, 400, 1600);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  }, words);
  return Buffer.from(base64, 'base64');
}

const shownWidth = (page: Page) =>
  page.locator('.photo-thumb[data-state="shown"] img').evaluate((img: HTMLImageElement) => img.naturalWidth);

test('a photo attached offline shows at once, is sent on reconnect, and a second tablet fetches it from the relay', async ({
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
  const meetingPath = new URL(a.page.url()).pathname;
  const photo = await cameraPhoto(a.page);

  await a.context.setOffline(true);
  await expect(a.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await a.page
    .locator('input[type="file"][data-kind="photo"]')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  const thumb = a.page.locator('.photo-thumb');
  await expect(thumb).toHaveAttribute('data-state', 'shown');
  await expect(thumb.getByText('Chờ gửi lên máy chủ')).toBeVisible();
  // Shrunk on the tablet: the long side is 1,600 px, proportions kept.
  expect(await shownWidth(a.page)).toBe(1600);

  await a.context.setOffline(false);
  await expect(thumb.getByText('Chờ gửi lên máy chủ')).toBeHidden({ timeout: 20_000 });
  await a.share.expectSynced();

  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  // B never had the photo: it can only come from the relay, which A sent it to on reconnecting.
  await b.page.goto(meetingPath);
  const seen = b.page.locator('.photo-thumb');
  await expect(seen).toHaveAttribute('data-state', 'shown', { timeout: 20_000 });
  expect(await shownWidth(b.page)).toBe(1600);

  // Kept offline once seen: without the relay, the meeting opened again still shows it (from IndexedDB).
  await b.context.setOffline(true);
  await b.app.goTo('Thành viên');
  await expect(seen).toHaveCount(0);
  await b.page.goBack();
  await expect(seen).toHaveAttribute('data-state', 'shown');

  // A caption written on A reaches B; taking the photo off on A takes it off B's meeting too.
  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.page.getByRole('textbox', { name: 'Chú thích ảnh' }).fill('Tập dưỡng sinh sáng 5/3');
  await a.page.getByRole('button', { name: /^Lưu chú thích ảnh ngày/ }).click();
  await expect(thumb).toContainText('Tập dưỡng sinh sáng 5/3');
  await expect(seen).toContainText('Tập dưỡng sinh sáng 5/3');
  a.page.once('dialog', (dialog) => dialog.accept());
  await a.page.getByRole('button', { name: /^Bỏ ảnh ngày/ }).click();
  await expect(thumb).toHaveCount(0);
  await expect(seen).toHaveCount(0);
});

/** Every thumbnail on the page shows its photo, and none says it is not on this tablet. */
async function expectAllShown(page: Page, count: number) {
  const thumbs = page.locator('.photo-thumb');
  await expect(thumbs).toHaveCount(count);
  for (let n = 0; n < count; n++) await expect(thumbs.nth(n)).toHaveAttribute('data-state', 'shown');
  await expect(page.getByText('Ảnh chưa có trên máy này', { exact: false })).toHaveCount(0);
}

test('five photos taken for one meeting on a tablet whose club is not shared are all shown, also after a reload and offline', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Tây', 'Nguyễn Thị Hoa');
  await a.app.goTo('Sinh hoạt');
  await a.app.addMeeting('05/03/2026', 'Nhà văn hóa thôn Tây');
  // Five photos fill two rows of the strip: the 4th and 5th start below the screen's edge at 800 × 1280.
  const input = a.page.locator('input[type="file"][data-kind="photo"]');
  for (let n = 1; n <= 5; n++) {
    await expect(input).toBeEnabled();
    await input.setInputFiles({
      name: `IMG_000${n}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await cameraPhoto(a.page, `Ảnh số ${n}`),
    });
    await expect(a.page.locator('.photo-thumb')).toHaveCount(n);
  }
  await expectAllShown(a.page, 5);

  await a.page.reload();
  await expectAllShown(a.page, 5);

  // Offline, the app served by its service worker, the photos read from the tablet's store.
  await a.app.waitForServiceWorker();
  await a.context.setOffline(true);
  await a.page.reload();
  await expectAllShown(a.page, 5);
  await a.page.locator('.photo-thumb').nth(4).scrollIntoViewIfNeeded();
  await a.page.screenshot({ path: testInfo.outputPath('five-photos-offline.png') });
});

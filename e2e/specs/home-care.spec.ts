import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { ClubApp, SharePage } from '../pages/club-app';

/** Page model for the home-care screens: one method per thing the committee does there. */
class CarePages {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: 'Chăm sóc tại nhà', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Chăm sóc tại nhà', level: 1 })).toBeVisible();
  }

  /** Picks a name in one of the form's select fields (Kobalte Select: the trigger button, then the option). */
  async choose(form: string, field: string, name: string): Promise<void> {
    const trigger = this.page.getByTestId(form).getByRole('button', { name: new RegExp(`^${field}`) });
    // A click during the list's opening animation can close it again: retry until chosen.
    await expect(async () => {
      if (!(await this.page.getByRole('listbox').isVisible())) await trigger.click();
      await this.page.getByRole('option', { name, exact: true }).click({ timeout: 2_000 });
      await expect(trigger).toContainText(name, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  async pair(member: string, volunteer: string): Promise<void> {
    await this.choose('new-pairing', 'Người được thăm', member);
    await this.choose('new-pairing', 'Tình nguyện viên', volunteer);
    await this.page.getByTestId('new-pairing').getByRole('button', { name: 'Ghép cặp' }).click();
    await expect(this.page.getByRole('heading', { name: member, level: 1 })).toBeVisible();
  }

  async openPairing(member: string): Promise<void> {
    await this.page
      .locator(`[data-testid="care-pairing"][data-member="${member}"]`)
      .getByRole('link', { name: 'Sổ thăm' })
      .click();
    await expect(this.page.getByRole('heading', { name: member, level: 1 })).toBeVisible();
  }

  async recordVisit(done: string, note: string, healthNote?: string): Promise<void> {
    const form = this.page.getByTestId('visit-form');
    if (healthNote !== undefined) {
      const field = form.getByLabel('Ghi chú sức khỏe (vào sổ sức khỏe riêng)');
      // Writable once the page has opened the private health doc beside the care doc.
      await expect(field).not.toHaveAttribute('readonly');
      await field.fill(healthNote);
    }
    await form.getByRole('button', { name: done, exact: true }).click();
    await expect(form.getByRole('button', { name: done, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await form.getByLabel('Ghi chú lần thăm').fill(note);
    await form.getByRole('button', { name: 'Lưu lần thăm' }).click();
    await expect(this.page.getByTestId('care-visit').filter({ hasText: note })).toBeVisible();
  }

  visits() {
    return this.page.getByTestId('care-visit');
  }
}

async function tablet(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, app: new ClubApp(page), share: new SharePage(page), care: new CarePages(page) };
}

function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

test('a visit recorded on each of two tablets, one offline, both stay after reconnecting, and the visit log prints on A4', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Đông', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1936' });
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1962', gender: 'Nam' });
  await a.care.open();
  await a.care.pair('Nguyễn Thị Lan', 'Trần Văn Bình');
  // Today and the pairing's volunteer are filled in: a visit takes a chip and a tap.
  const form = a.page.getByTestId('visit-form');
  await expect(form.getByLabel('Ngày thăm (dd/mm/yyyy)')).toHaveValue(todayText());
  await expect(form.getByRole('button', { name: /^Người đi thăm/ })).toContainText('Trần Văn Bình');
  await a.page.screenshot({ path: testInfo.outputPath('care-pairing.png') });

  const links = await a.share.startSharing();
  await a.share.expectSynced();
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.app.waitForServiceWorker();
  await b.care.open();
  // The pairing made on A reached B through the relay (the care doc is open to editor keys).
  await expect(b.page.locator('[data-testid="care-pairing"][data-member="Nguyễn Thị Lan"]')).toBeVisible();
  await b.page.screenshot({ path: testInfo.outputPath('care-list.png') });
  await b.care.openPairing('Nguyễn Thị Lan');

  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await b.care.recordVisit('Nấu ăn', 'Bình nấu cháo, ghi trên máy B');
  await a.care.open();
  await a.care.openPairing('Nguyễn Thị Lan');
  await a.care.recordVisit('Trò chuyện', 'Hoa ghé hỏi thăm, ghi trên máy A', 'Bà ho nhiều, đã nhắc đi khám');
  await expect(b.care.visits()).toHaveCount(1);

  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();
  for (const t of [a, b]) {
    await expect(t.care.visits()).toHaveCount(2);
    await expect(t.care.visits().filter({ hasText: 'ghi trên máy A' })).toContainText('Trò chuyện');
    await expect(t.care.visits().filter({ hasText: 'ghi trên máy B' })).toContainText('Nấu ăn');
    // The health note went to the private health doc, which the relay carried to B as well.
    await expect(
      t.care.visits().filter({ hasText: 'ghi trên máy A' }).getByTestId('care-health-note'),
    ).toHaveText('Sức khỏe: Bà ho nhiều, đã nhắc đi khám');
  }
  await a.page.screenshot({ path: testInfo.outputPath('care-log.png') });

  // The pairing's visit log on A4: the national title on one line, both visits, oldest first.
  await a.page.getByRole('link', { name: 'In sổ thăm' }).click();
  const sheet = a.page.getByTestId('care-print');
  await expect(sheet).toContainText('SỔ THĂM NOM CHĂM SÓC TẠI NHÀ');
  await expect(a.page.getByTestId('care-print-subtitle')).toHaveText(
    'Người được thăm: Nguyễn Thị Lan · Tình nguyện viên: Trần Văn Bình',
  );
  await expect(a.page.getByTestId('care-print-row')).toHaveCount(2);
  await a.page.emulateMedia({ media: 'print' });
  await expect(a.page.locator('.club-nav')).toBeHidden();
  const title = await a.page.locator('.care-print-nation').evaluate((element) => ({
    height: element.getBoundingClientRect().height,
    lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
  }));
  expect(title.height).toBeLessThan(title.lineHeight * 1.5);
  const pdf = await a.page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(testInfo.outputPath('care-visit-log.pdf'), pdf);
  // One visit log, two visits: one A4 page.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await a.page.emulateMedia({ media: 'screen' });

  // The month's log lists the same two visits with the member's name.
  const month = new Date();
  await a.page.goto(
    `${new URL(a.page.url()).pathname}?month=${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`,
  );
  await expect(a.page.getByTestId('care-print-row')).toHaveCount(2);
  await expect(a.page.getByTestId('care-print-row').first()).toContainText('Nguyễn Thị Lan');

  await a.page.screenshot({ path: testInfo.outputPath('care-print-month.png') });

  // Ending the pairing keeps its log, under the ended pairings.
  await a.care.open();
  await a.care.openPairing('Nguyễn Thị Lan');
  a.page.once('dialog', (dialog) => dialog.accept());
  await a.page.getByRole('button', { name: 'Kết thúc cặp thăm' }).click();
  await expect(a.page.getByRole('button', { name: 'Mở lại cặp thăm' })).toBeVisible();
  await expect(a.page.getByTestId('visit-form')).toHaveCount(0);
  await a.care.open();
  await expect(a.page.getByTestId('care-pairing')).toHaveCount(0);
  await expect(a.page.getByTestId('care-ended')).toContainText('Nguyễn Thị Lan');
  await a.page.screenshot({ path: testInfo.outputPath('care-list-ended.png') });

  for (const t of [a, b]) await t.context.close();
});

test('a viewer tablet is sent to the supervisors’ totals and shows no home-care screen', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Tây', 'Nguyễn Thị Hoa');
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  const v = await tablet(browser);
  // A viewer key lands on the supervisors' screen, and so does the care address opened directly: a
  // viewer tablet never shows the care screens, and never opens the care doc (the relay refuses it too).
  const clubPath = new URL(a.page.url()).pathname.split('/').slice(0, 3).join('/');
  await v.share.joinAsViewer(links.viewer, 'Cán bộ xã');
  await v.page.goto(`${clubPath}/care`);
  await expect(v.page.getByRole('heading', { name: 'Các câu lạc bộ theo dõi', level: 1 })).toBeVisible();
  await expect(v.page.getByTestId('care')).toHaveCount(0);
  await expect(v.page.getByTestId('new-pairing')).toHaveCount(0);
  for (const t of [a, v]) await t.context.close();
});

test('a pairing’s interval set differently on two tablets at once shows both on the pairing page until one is kept', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Bắc', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Nguyễn Thị Lan', birthYear: '1936' });
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1962', gender: 'Nam' });
  await a.care.open();
  await a.care.pair('Nguyễn Thị Lan', 'Trần Văn Bình');
  const links = await a.share.startSharing();
  await a.share.expectSynced();
  const b = await tablet(browser);
  await b.share.join(links.editor, 'Trần Văn Bình');
  await b.share.expectSynced();
  await b.care.open();
  await b.care.openPairing('Nguyễn Thị Lan');
  await a.care.open();
  await a.care.openPairing('Nguyễn Thị Lan');

  const setInterval = async (t: typeof a, days: string) => {
    const form = t.page.getByTestId('pairing-edit');
    await form.getByLabel(/^Số ngày giữa hai lần thăm người này/).fill(days);
    await form.getByRole('button', { name: 'Lưu cặp thăm' }).click();
    await expect(t.page.getByText(`Thăm ít nhất mỗi ${days} ngày (riêng người này)`)).toBeVisible();
  };
  await b.context.setOffline(true);
  await expect(b.page.locator('[data-sync-state]')).toHaveAttribute('data-sync-state', 'offline');
  await setInterval(b, '10');
  await setInterval(a, '7');
  await b.context.setOffline(false);
  await b.share.expectSynced();
  await a.share.expectSynced();

  for (const t of [a, b]) {
    const conflict = t.page.locator('[data-testid="member-conflict"][data-field="intervalDays"]');
    await expect(conflict).toContainText('Số ngày giữa hai lần thăm: hai máy ghi khác nhau');
    await expect(conflict.getByRole('button', { name: 'Giữ 7' })).toBeVisible();
    await expect(conflict.getByRole('button', { name: 'Giữ 10' })).toBeVisible();
  }
  await a.page.screenshot({ path: testInfo.outputPath('care-pairing-conflict.png'), fullPage: true });
  await b.page.getByRole('button', { name: 'Giữ 7' }).click();
  for (const t of [a, b]) {
    await expect(t.page.getByTestId('member-conflict')).toHaveCount(0);
    await expect(t.page.getByText('Thăm ít nhất mỗi 7 ngày (riêng người này)')).toBeVisible();
  }
  for (const t of [a, b]) await t.context.close();
});

test('erasing a member takes the photos off their visits and the relay’s blob file no longer holds the bytes', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dataDir = process.env.E2E_DATA_DIR ?? join(import.meta.dirname, '../.data/e2e');
  const a = await tablet(browser);
  await a.app.start();
  await a.app.createClub('CLB Liên thế hệ thôn Nam', 'Nguyễn Thị Hoa');
  await a.app.addMember({ name: 'Quách Thị Xuyến', birthYear: '1938' });
  await a.app.addMember({ name: 'Trần Văn Bình', birthYear: '1962', gender: 'Nam' });
  await a.share.startSharing();
  await a.share.expectSynced();
  await a.care.open();
  await a.care.pair('Quách Thị Xuyến', 'Trần Văn Bình');
  await a.care.recordVisit('Dọn dẹp', 'Dọn nhà cho bà Xuyến');
  // A photo of the visit, drawn in the page (noise, so its bytes are its own), sent to the relay.
  const photo = await a.page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    const pixels = context.createImageData(1200, 900);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 7919) % 251;
    context.putImageData(pixels, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  await a.care
    .visits()
    .locator('input[type="file"][data-kind="photo"]')
    .setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') });
  const thumb = a.care.visits().locator('.photo-thumb');
  // A photo loads when it comes into view; the visit log sits below the forms.
  await thumb.scrollIntoViewIfNeeded();
  await expect(thumb).toHaveAttribute('data-state', 'shown');
  await expect(thumb.getByText('Chờ gửi lên máy chủ')).toBeHidden({ timeout: 20_000 });
  // The bytes the tablet kept (shrunk), as the relay stores them: a slice from their middle to look for.
  const hash = (await thumb.getAttribute('data-hash')) ?? '';
  const clubId = new URL(a.page.url()).pathname.split('/')[2] ?? '';
  const kept = await a.page.evaluate(
    ([club, key]) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('chungtay-photos');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('blobs').objectStore('blobs').get([club, key]);
          get.onerror = () => reject(get.error);
          get.onsuccess = async () => {
            const bytes = new Uint8Array(await (get.result.bytes as Blob).arrayBuffer());
            resolve(Array.from(bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + 256)));
          };
        };
      }),
    [clubId, hash] as const,
  );
  const relayHolds = () =>
    ['blobs.sqlite', 'blobs.sqlite-wal'].some((file) => {
      const path = join(dataDir, file);
      return existsSync(path) && readFileSync(path).includes(Buffer.from(kept));
    });
  await expect.poll(relayHolds, { timeout: 20_000 }).toBe(true);

  await a.app.goTo('Thành viên');
  await a.app.memberLink('Quách Thị Xuyến').click();
  await a.page.getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' }).click();
  await a.page
    .getByRole('dialog')
    .getByRole('button', { name: 'Xóa thông tin cá nhân theo yêu cầu' })
    .click();
  await expect(a.page.getByText('Đã xóa thông tin cá nhân.')).toBeVisible();
  await expect.poll(relayHolds, { timeout: 30_000 }).toBe(false);
  await a.care.open();
  await a.page.locator('[data-testid="care-pairing"]').first().getByRole('link', { name: 'Sổ thăm' }).click();
  await expect(a.care.visits()).toHaveCount(1);
  await expect(a.care.visits().locator('.photo-thumb')).toHaveCount(0);
  await a.context.close();
});

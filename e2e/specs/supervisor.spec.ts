import { writeFileSync } from 'node:fs';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { CHROMIUM_FLAGS } from '../chromium-flags';
import { ClubApp, SharePage } from '../pages/club-app';

/**
 * Issue 15: a supervisor follows clubs by their viewer invites and sees their figures side by side,
 * while no member's name ever reaches the supervisor's tablet (neither the page nor its IndexedDB).
 */

const MEMBERS = {
  'CLB Liên thế hệ thôn Đông': ['Nguyễn Thị Lan', 'Trần Văn Hùng'],
  'CLB Liên thế hệ thôn Tây': ['Lê Thị Mai', 'Phạm Thị Hoa', 'Đỗ Văn Nam'],
} as const;

/** A committee page that creates a club, adds its members, shares it, and stays open. */
async function committeeClub(page: Page, name: keyof typeof MEMBERS) {
  const app = new ClubApp(page);
  await app.start();
  await app.createClub(name);
  for (const member of MEMBERS[name]) await app.addMember({ name: member, birthYear: '1955', gender: 'Nữ' });
  const links = await new SharePage(page).startSharing();
  await new SharePage(page).expectSynced();
  return links;
}

/** Every string value stored in the page's IndexedDB databases, as one text to search. */
async function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        // Yjs updates keep strings as UTF-8 bytes: decode every binary value, wherever it is nested.
        const walk = (value: unknown): void => {
          if (value instanceof Uint8Array) chunks.push(decoder.decode(value));
          else if (value instanceof ArrayBuffer) chunks.push(decoder.decode(new Uint8Array(value)));
          else if (ArrayBuffer.isView(value)) chunks.push(decoder.decode(new Uint8Array(value.buffer)));
          else if (typeof value === 'string') chunks.push(value);
          else if (Array.isArray(value)) value.forEach(walk);
          else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
        };
        values.forEach(walk);
      }
      db.close();
    }
    return chunks.join('\n');
  });
}

async function supervisorContext(browser: Browser) {
  return browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
}

test('a supervisor follows two clubs by viewer invites, exports them, and still sees them offline, never a member', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const east = await committeeClub(page, 'CLB Liên thế hệ thôn Đông');
  const second = await page.context().newPage();
  const west = await committeeClub(second, 'CLB Liên thế hệ thôn Tây');

  const context = await supervisorContext(browser);
  const s = await context.newPage();
  await new SharePage(s).joinAsViewer(east.viewer, 'Cán bộ xã');
  // The second club is added on the supervisor's screen itself, from its link (a committee link is refused).
  await s.getByRole('button', { name: 'Thêm câu lạc bộ bằng lời mời' }).click();
  const add = s.getByTestId('supervisor-add');
  await add.getByLabel('Dán đường link lời mời xem').fill(west.editor);
  await add.getByRole('button', { name: 'Thêm vào bảng' }).click();
  await expect(add).toContainText('lời mời cho ban chủ nhiệm');
  await add.getByLabel('Dán đường link lời mời xem').fill(west.viewer);
  await add.getByRole('button', { name: 'Thêm vào bảng' }).click();
  await expect(add).toBeHidden();

  const rows = s.getByTestId('supervisor-row');
  await expect(rows).toHaveCount(2);
  // The committee tablets write their summaries after the books have been quiet; wait for them.
  const eastRow = rows.filter({ hasText: 'thôn Đông' });
  const westRow = rows.filter({ hasText: 'thôn Tây' });
  await expect(eastRow.getByRole('cell').first()).toHaveText('2', { timeout: 60_000 });
  await expect(westRow.getByRole('cell').first()).toHaveText('3', { timeout: 60_000 });
  await expect(eastRow).toContainText('100%');
  await expect(eastRow).toContainText('Chưa đạt: thiếu thành viên');
  const updated = /^\d{1,2}h(\d{2})? \d{2}\/\d{2}\/\d{4}$/;
  await expect(eastRow.getByTestId('supervisor-updated')).toHaveText(updated);
  const eastUpdated = await eastRow.getByTestId('supervisor-updated').textContent();
  const westUpdated = await westRow.getByTestId('supervisor-updated').textContent();
  await s.screenshot({ path: 'test-results/supervisor-800x1280.png' });

  // The district summary as .xlsx, read back: one club a row, its figures as numbers.
  const [download] = await Promise.all([
    s.waitForEvent('download'),
    s.getByRole('button', { name: 'Tải bảng tổng hợp (Excel)' }).click(),
  ]);
  const [sheet] = await readXlsxFile(await download.path());
  expect(sheet?.data[0]?.slice(0, 4)).toEqual(['Câu lạc bộ', 'Xã', 'Huyện', 'Thành viên']);
  const byName = new Map(sheet?.data.slice(1).map((row) => [row[0], row]));
  expect(byName.get('CLB Liên thế hệ thôn Đông')?.slice(3, 5)).toEqual([2, 100]);
  expect(byName.get('CLB Liên thế hệ thôn Tây')?.[3]).toBe(3);

  const names = Object.values(MEMBERS).flat();
  const pageText = (await s.locator('body').textContent()) ?? '';
  for (const name of names) expect(pageText).not.toContain(name);
  const stored = await indexedDbText(s);
  expect(stored.length).toBeGreaterThan(0);
  for (const name of names) expect(stored).not.toContain(name);

  // Offline, from what the tablet last received: both clubs' figures and the time of their last update.
  await new ClubApp(s).waitForServiceWorker();
  await context.setOffline(true);
  const response = await s.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(rows).toHaveCount(2);
  await expect(eastRow.getByRole('cell').first()).toHaveText('2');
  await expect(westRow.getByRole('cell').first()).toHaveText('3');
  await expect(eastRow.getByTestId('supervisor-updated')).toHaveText(eastUpdated ?? '');
  await expect(westRow.getByTestId('supervisor-updated')).toHaveText(westUpdated ?? '');
  await context.close();
});

test('a supervisor’s tablet that opens a club’s address is taken to the supervisor’s screen', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const east = await committeeClub(page, 'CLB Liên thế hệ thôn Đông');
  const clubUrl = new URL(page.url());
  const clubPath = clubUrl.pathname.split('/').slice(0, 3).join('/');
  expect(clubPath).toMatch(/^\/club\/[\w-]+$/);

  const context = await supervisorContext(browser);
  const s = await context.newPage();
  await new SharePage(s).joinAsViewer(east.viewer, 'Cán bộ xã');
  for (const path of [clubPath, `${clubPath}/meetings`]) {
    await s.goto(new URL(path, clubUrl).href);
    await expect(s).toHaveURL(/\/supervisor$/);
    await expect(s.getByRole('heading', { name: 'Các câu lạc bộ theo dõi' })).toBeVisible();
    await expect(s.getByTestId('viewer-banner')).toHaveCount(0);
    await expect(s.getByRole('heading', { name: 'Sổ thành viên' })).toHaveCount(0);
  }
  await context.close();
});

/**
 * The share page's QR code (an SVG of horizontal strokes, one per run of dark modules) as a Y4M video that
 * Chromium's fake camera plays in a loop: 8 pixels a module, a white border, a few identical frames.
 */
function qrVideo(svg: string, file: string): void {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const path = /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, args] of path.matchAll(/([Mmh])([^Mmh]*)/g)) {
    const [a = 0, b = 0] = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (command === 'M') [x, y] = [a, b];
    else if (command === 'm') [x, y] = [x + a, y + b];
    else {
      for (let i = 0; i < a; i++) {
        const row = dark[Math.floor(y)];
        if (row) row[x + i] = true;
      }
      x += a;
    }
  }
  const scale = 8;
  const side = (size + 4) * scale;
  const luma = Buffer.alloc(side * side, 235);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (dark[r]?.[c])
        for (let dy = 0; dy < scale; dy++)
          luma.fill(
            16,
            ((r + 2) * scale + dy) * side + (c + 2) * scale,
            ((r + 2) * scale + dy) * side + (c + 3) * scale,
          );
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${side} H${side} F5:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}

test('a supervisor adds a club by scanning its viewer QR code with the tablet’s camera', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await committeeClub(page, 'CLB Liên thế hệ thôn Đông');
  const svg = await page.getByTestId('viewer-invite').locator('.qr').innerHTML();
  const video = testInfo.outputPath('viewer-qr.y4m');
  qrVideo(svg, video);

  // A second browser whose camera films the QR code, as a supervisor's tablet held up to the screen.
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_FLAGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
  await context.grantPermissions(['camera'], { origin: new URL(page.url()).origin });
  const s = await context.newPage();
  await s.goto(new URL('/supervisor', page.url()).href);
  await s.getByRole('button', { name: 'Thêm câu lạc bộ bằng lời mời' }).click();
  await s.getByRole('button', { name: 'Quét mã QR bằng máy ảnh' }).click();
  await expect(s.getByTestId('supervisor-add')).toBeHidden({ timeout: 20_000 });
  const row = s.getByTestId('supervisor-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').first()).toHaveText('2', { timeout: 60_000 });
  await browser.close();
});

// Screenshots the main screens at tablet size for a human look:
// node scripts/screens.mjs [baseUrl] [outDir]
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = process.argv[3] ?? '.screens';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
const shot = async (name) => {
  // Let fonts and transitions settle: two animation frames after the network is idle.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${out}/${name}.png` });
};
await page.goto(base);
await shot('01-welcome');
await page.getByRole('button', { name: 'Xem câu lạc bộ mẫu' }).click();
await page.getByRole('heading', { name: 'Sổ thành viên' }).waitFor();
await shot('02-roster');
await page.locator('.member-link').first().click();
await shot('03-member');
for (const [tab, name] of [
  ['Nhóm', '04-groups'],
  ['Sinh hoạt', '05-meetings'],
  ['Chỉ số', '07-indicators'],
  ['Cài đặt', '08-settings'],
]) {
  await page.getByRole('navigation').getByRole('link', { name: tab, exact: true }).click();
  await shot(name);
  if (tab === 'Cài đặt') {
    await page
      .getByRole('heading', { name: 'Ngưỡng cần theo dõi sức khỏe' })
      .evaluate((h) => h.scrollIntoView());
    await shot('08b-health-thresholds');
    const relay = page.getByTestId('relay-address');
    await relay.evaluate((section) => section.scrollIntoView());
    await relay.getByRole('textbox').fill('dongbo.example.vn/xa');
    await relay.getByRole('button', { name: 'Lưu' }).click();
    await shot('08c-relay-address-error');
  }
  if (tab === 'Sinh hoạt') {
    await page.locator('.meeting-link').first().click();
    await shot('06-meeting');
  }
}
await page.getByRole('navigation').getByRole('link', { name: 'Thành viên', exact: true }).click();
await page.getByRole('button', { name: '+ Thêm thành viên' }).click();
await page.getByRole('dialog').getByLabel('Năm sinh').fill('2090');
await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
await shot('09-add-member-errors');
await page.setViewportSize({ width: 1280, height: 800 });
await page.keyboard.press('Escape');
await shot('10-roster-landscape');
await page.setViewportSize({ width: 800, height: 1280 });
// An invite from a tablet set to another sync server: the join page says this tablet will use it.
const key = 'A'.repeat(43);
await page.goto(
  `${base}/join#c=club-screens-01&k=${key}&r=v&n=${encodeURIComponent('CLB Liên thế hệ thôn Đông')}&s=${encodeURIComponent('https://dongbo.tinh.vn')}`,
);
await page.getByTestId('join-relay-notice').waitFor();
await shot('11-join-other-server');
// The same link on a tablet that already holds another club's keys: it keeps its server and says so.
await page.evaluate((editorKey) => {
  const clubs = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]');
  clubs.push({
    id: 'club-screens-02',
    name: 'CLB Cựu chiến binh',
    kind: 'veterans',
    memberCount: 12,
    openedAt: Date.now(),
    access: { role: 'editor', key: editorKey, viewerKey: editorKey, shared: true },
  });
  localStorage.setItem('chungtay.clubs', JSON.stringify(clubs));
}, key);
await page.reload();
await page.getByTestId('join-relay-kept').waitFor();
await shot('11b-join-other-server-kept');
await browser.close();

import { expect, type Locator, type Page, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';
import { HealthCheckPage } from '../pages/health-check-page';

/** Three meetings' checks of one member: weight, blood pressure and sugar, the last ones high. */
const CHECKS = [
  { date: '05/01/2026', weight: '52,5', systolic: '128', diastolic: '82', sugar: '6,1' },
  { date: '05/02/2026', weight: '53', systolic: '145', diastolic: '92', sugar: '7,4' },
  { date: '05/03/2026', weight: '52', systolic: '165', diastolic: '100', sugar: '12,4' },
];

/** The chart's files fetched so far (resource timing): its script and its styles. */
const chartFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((path) => path.includes('trend-chart-draw')),
  );

/**
 * Pixels of the panel's canvas painted exactly in the colour its CSS gives `property` (a band's fill):
 * the bands are filled rectangles, so their inside is that colour to the bit.
 */
async function pixelsOf(panel: Locator, property: string): Promise<number> {
  return panel.locator('.trend-canvas').evaluate((box, name) => {
    const canvas = box.querySelector('canvas');
    const probe = document.createElement('canvas').getContext('2d');
    if (canvas === null || probe === null) return -1;
    probe.fillStyle = getComputedStyle(box).getPropertyValue(name).trim();
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (data === undefined) return -1;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
    }
    return count;
  }, property);
}

test('a member with several checks has a chart with the club’s bands, its code fetched only there', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new ClubApp(page);
  const health = new HealthCheckPage(page);
  await app.start();
  await app.openSample();
  const name = (await page.locator('.member-list .member-name').first().textContent()) ?? '';
  for (const check of CHECKS) {
    await app.goTo('Sinh hoạt');
    await app.addMeeting(check.date, 'Nhà văn hóa thôn Đông');
    await app.markAttendance(name, 'Có mặt');
    await health.openFromMeeting();
    await health.field(name, 'weightKg').click();
    await page.keyboard.type(check.weight);
    await page.keyboard.press('Enter');
    await page.keyboard.type(check.systolic);
    await page.keyboard.type(check.diastolic);
    await page.keyboard.type(check.sugar);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('health-check-counts')).toContainText('Đã đo 1 / 1 người có mặt');
    await health.expectSaved();
  }
  expect(await chartFiles(page)).toEqual([]);

  await page.getByRole('link', { name: 'Theo dõi sau đo' }).click();
  await page.getByTestId('follow-up').first().getByRole('link', { name: 'Các lần đo' }).click();
  await expect(page.getByRole('heading', { name: `Các lần đo của ${name}` })).toBeVisible();

  const panels = page.getByTestId('health-trend').locator('.trend-panel');
  await expect(panels).toHaveCount(4);
  for (const panel of await panels.all()) {
    await expect(panel.locator('.trend-canvas')).toHaveAttribute('data-drawn', 'true');
    await expect(panel.locator('canvas')).toHaveCount(1);
  }
  expect(await chartFiles(page)).toContainEqual(expect.stringMatching(/\/trend-chart-draw-[\w-]+\.js$/));

  // Systolic: 165 is above the high band's edge (140), 128 inside; both bands shaded on the canvas.
  const systolic = panels.and(page.locator('[data-measure="systolic"]'));
  await expect(systolic.locator('.trend-canvas')).toHaveAttribute(
    'aria-label',
    'Huyết áp tâm thu (mmHg): 3 lần đo từ 05/01/2026 đến 05/03/2026; lần gần nhất 165 ngày 05/03/2026.',
  );
  await expect(systolic.locator('.trend-legend')).toHaveText('Cao: từ 140Thấp: dưới 90');
  expect(await pixelsOf(systolic, '--trend-high')).toBeGreaterThan(1000);
  expect(await pixelsOf(systolic, '--trend-low')).toBeGreaterThan(1000);
  // Sugar's decimals with a comma, in its words and its bands.
  const sugar = panels.and(page.locator('[data-measure="glucoseMmol"]'));
  await expect(sugar.locator('.trend-legend')).toHaveText('Cao: từ 11,1Thấp: dưới 3,9');
  await expect(sugar.locator('.trend-canvas')).toHaveAttribute(
    'aria-label',
    /lần gần nhất 12,4 ngày 05\/03\/2026/,
  );
  // Weight has no club thresholds: a line, no bands.
  const weight = panels.and(page.locator('[data-measure="weightKg"]'));
  await expect(weight.locator('.trend-legend')).toHaveCount(0);
  expect(await pixelsOf(weight, '--trend-high')).toBe(0);

  // The table is still there beside it, oldest first.
  const rows = page.getByTestId('trend-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('05/01/2026');
  await expect(rows.last()).toContainText('165 (cao) / 100 (cao)');
  if (process.env.HEALTH_SCREENSHOT)
    await page.screenshot({ path: process.env.HEALTH_SCREENSHOT, fullPage: true });
});

import { expect, test } from '@playwright/test';
import { ClubApp } from '../pages/club-app';

test('the web manifest makes the app installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href ?? '')).json();
  expect(manifest.name).toContain('Chung Tay');
  expect(manifest.short_name).toBe('Chung Tay');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toBe('#1d6b5c');
  const sizes = manifest.icons.map(
    (i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of manifest.icons as { src: string }[]) {
    const response = await request.get(`/${icon.src}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/png');
  }
});

test('the service worker controls the page and serves the shell offline', async ({ page, context }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.waitForServiceWorker();
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('button', { name: 'Tạo câu lạc bộ mới' })).toBeVisible();
  await context.setOffline(false);
});

test('the language switch turns the interface to English and back', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await expect(page.getByRole('heading', { name: 'Chào mừng đến với Chung Tay' })).toBeVisible();
  await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Chung Tay' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create a new club' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Chung Tay' })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('heading', { name: 'Chào mừng đến với Chung Tay' })).toBeVisible();
});

test('the sample club opens with a realistic roster, indicators and meetings', async ({ page }) => {
  const app = new ClubApp(page);
  await app.start();
  await app.openSample();
  await expect(page.locator('.member-name').first()).toBeVisible();
  const count = await page.locator('.member-name').count();
  expect(count).toBeGreaterThanOrEqual(50);
  expect(count).toBeLessThanOrEqual(70);
  await app.goTo('Chỉ số');
  await expect(page.getByTestId('indicator-members')).toHaveText(String(count));
  await app.goTo('Sinh hoạt');
  // The meetings screen loads on demand: wait for it before counting.
  await expect(page.locator('.meeting-link').first()).toBeVisible();
  expect(await page.locator('.meeting-link').count()).toBeGreaterThanOrEqual(12);
});

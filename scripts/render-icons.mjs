// Renders client/public/icon.svg to the PNG icons the web manifest lists.
// Run once after changing the SVG: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const svg = readFileSync(new URL('../client/public/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: new URL(`../client/public/icon-${size}.png`, import.meta.url).pathname });
  await page.close();
}
const page = await browser.newPage({ viewport: { width: 180, height: 180 } });
await page.setContent(
  `<html><body style="margin:0">${svg.replace('<svg ', '<svg width="180" height="180" ')}</body></html>`,
);
await page.screenshot({ path: new URL('../client/public/apple-touch-icon.png', import.meta.url).pathname });
await browser.close();

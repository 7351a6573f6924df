/**
 * A photo from capture to stored on the tablet: the time from the file input's change event (what the camera
 * hands the page) to the frame after its thumbnail shows, which is after it was shrunk to 1,600 px, hashed,
 * kept in IndexedDB and recorded on the meeting. Five camera-sized (4000 × 3000) JPEGs, each different, on one
 * meeting (the 4th and 5th land below the screen's edge), at 1× and with the CPU throttled 4× (CDP).
 *
 * `BENCH_ONLY=photo pnpm bench`, or against a relay serving the built client:
 * BASE_URL=http://127.0.0.1:4199 pnpm exec tsx bench/photo-capture-bench.ts
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';
import { ClubApp } from '../pages/club-app';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const RUNS = 5;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const context = await browser.newContext({
  baseURL: BASE_URL,
  viewport: { width: 800, height: 1280 },
  locale: 'vi-VN',
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const app = new ClubApp(page);
await app.start();
await app.createClub('CLB đo thời gian', 'Nguyễn Thị Hoa');

/** A camera's picture: noise, so each compresses like a real one (a flat picture would encode far faster). */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (seed) => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context2d = canvas.getContext('2d');
    if (context2d === null) throw new Error('no 2d context');
    const image = context2d.createImageData(4000, 3000);
    let x = seed * 2654435761;
    for (let i = 0; i < image.data.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      image.data[i] = i % 4 === 3 ? 255 : (x >>> 16) & 255;
    }
    context2d.putImageData(image, 0, 0);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
    );
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  }, seed);
  return Buffer.from(base64, 'base64');
}

/** Five photos taken for a new meeting, the CPU slowed `throttle` times; the times, capture → shown. */
async function capture(throttle: number): Promise<number[]> {
  // Drawn before the clock and the throttle: the camera, not the app, makes the picture.
  const pictures: Buffer[] = [];
  for (let run = 0; run < RUNS; run++) pictures.push(await cameraPhoto(throttle * 100 + run + 1));
  await app.goTo('Sinh hoạt');
  await app.addMeeting(`0${throttle}/03/2026`, 'Nhà văn hóa');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const times: number[] = [];
  const input = page.locator('input[type="file"][data-kind="photo"]');
  for (const [run, picture] of pictures.entries()) {
    await input.evaluate((el) => {
      const w = window as unknown as Record<string, number>;
      el.addEventListener('change', (event) => (w.__changeAt = event.timeStamp), {
        capture: true,
        once: true,
      });
    });
    process.stderr.write(`${throttle}× photo ${run + 1}\n`);
    // A noise picture is ~15 MB (it does not compress): handing it over takes long on a loaded machine.
    await input.setInputFiles(
      { name: `IMG_${run}.jpg`, mimeType: 'image/jpeg', buffer: picture },
      { timeout: 180_000 },
    );
    // The 4th and 5th start the strip's second row, below the screen: they must show there too.
    await page.locator('.photo-thumb[data-state="shown"]').nth(run).waitFor({ timeout: 60_000 });
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              resolve(performance.now() - (window as unknown as { __changeAt: number }).__changeAt),
            ),
          ),
      ),
    );
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return times;
}

const results: [number, number[]][] = [];
for (const throttle of [1, 4]) results.push([throttle, await capture(throttle)]);
await browser.close();
for (const [throttle, times] of results) {
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(
    `photo capture → stored and shown (4000×3000 JPEG → 1600 px), ${throttle}× CPU, ${RUNS} photos on one meeting: ` +
      `median ${Math.round(sorted[Math.floor(RUNS / 2)] ?? 0)} ms, min ${Math.round(sorted[0] ?? 0)} ms, ` +
      `max ${Math.round(sorted.at(-1) ?? 0)} ms\n`,
  );
}
